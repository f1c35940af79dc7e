import XCTest
import VPRAnalysis

/// The fast version of `scripts/robustness.sh`: the engine, unchanged, on a district made by a generator
/// written independently of the engine's own (`IndependentDistrict/README.md`). Its nulls were never fitted to
/// this generator, so what holds here is what a region made by another process may expect.
final class IndependentGeneratorTests: XCTestCase {
    static let folder = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .appendingPathComponent("IndependentDistrict")
    static let outcome = Pipeline().run(folder: folder, reader: InputFolderReader())
    /// School id → the schemes planted in it (empty for an honest school).
    static let truth: [String: [String]] = {
        struct School: Decodable {
            struct Planted: Decodable { var scheme: String }
            var schoolID: String
            var manipulations: [Planted]
        }
        let data = try! Data(contentsOf: folder.appendingPathComponent("truth.json"))
        let schools = try! JSONDecoder().decode([School].self, from: data)
        return Dictionary(uniqueKeysWithValues: schools.map { ($0.schoolID, $0.manipulations.map(\.scheme)) })
    }()

    func testTheExportIsReadWithEveryRowAccountedFor() throws {
        let results = try XCTUnwrap(Self.outcome.ingest.files.first { $0.file == "results.csv" })
        XCTAssertEqual(results.encoding, .windows1251)
        XCTAssertEqual(results.delimiter, ";")
        XCTAssertEqual(results.rowsRead, results.rowsUsed + results.rowsRejected)
        XCTAssertEqual(results.rowsRejected, results.rowsAbsent, "only absent participants are set aside")
        XCTAssertGreaterThan(results.rowsAbsent, 0)
    }

    func testNoHonestSchoolIsFlagged() throws {
        let analysis = try XCTUnwrap(Self.outcome.analysis)
        XCTAssertEqual(analysis.schools.count, 40)
        let honestFlagged = analysis.riskGroup.filter { Self.truth[$0.school.id]?.isEmpty ?? true }.map(\.school.id)
        XCTAssertEqual(honestFlagged, [])
    }

    func testTheSchoolsPullingPapersOverTheBoundariesAreFoundByBoundary() throws {
        let analysis = try XCTUnwrap(Self.outcome.analysis)
        let planted = Set(Self.truth.filter { $0.value == ["boundaryPulling"] }.keys)
        XCTAssertEqual(planted.count, 5)
        let found = analysis.riskGroup.filter { planted.contains($0.school.id) }
        XCTAssertGreaterThanOrEqual(found.count, 4, "found: \(found.map(\.school.id).sorted())")
        XCTAssertTrue(found.allSatisfy { $0.indicators.contains(.boundary) })
    }
}
