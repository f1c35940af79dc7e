import Foundation
import XCTest
import VPRAnalysis
import VPRSampleData
import VPRSpreadsheet

/// The same district given as participant rows and as aggregate workbooks (per class: the distribution of
/// primary scores and the journal comparison table) gives the same risk list for the indicators aggregates
/// can feed: BOUNDARY, JOURNAL and HIGH. With the journal comparison as ФИС ОКО's three shares per school,
/// BOUNDARY and HIGH are unchanged and JOURNAL runs on the coarser school-level model.
final class SpreadsheetAggregateSameListTests: XCTestCase {
    private var root: URL!
    private var district: GeneratedDistrict!

    override func setUpWithError() throws {
        root = FileManager.default.temporaryDirectory.appendingPathComponent("aggregate-list-\(UUID().uuidString)")
        district = DistrictGenerator(config: .district(seed: 31)).generate()
        try district.write(to: root.appendingPathComponent("csv"), includeTruth: false)
    }

    override func tearDown() { try? FileManager.default.removeItem(at: root) }

    private let aggregateIndicators: [any Indicator] = [BoundarySpike(), JournalGap(), HighAboveRegion()]

    /// A folder with schools.csv, scales.csv and the given workbooks.
    private func aggregateFolder(_ name: String, _ workbooks: [String: FixtureSheet]) throws -> URL {
        let folder = root.appendingPathComponent(name)
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        for file in ["schools.csv", "scales.csv"] {
            try FileManager.default.copyItem(at: root.appendingPathComponent("csv").appendingPathComponent(file),
                                            to: folder.appendingPathComponent(file))
        }
        for (file, sheet) in workbooks { try XLSXFixture.write([sheet], to: folder.appendingPathComponent(file)) }
        return folder
    }

    /// Per (school, class, work): the count at each primary score, as a ФИС ОКО-like sheet with a title row.
    private func scoreSheet() -> FixtureSheet {
        var counts: [[String]: Int] = [:]
        for r in district.dataset.results {
            counts[[r.schoolID, String(r.work.year), r.work.subject, r.classLabel, String(r.primaryScore)], default: 0] += 1
        }
        let rows = counts.keys.sorted { $0.lexicographicallyPrecedes($1) }.map { key -> [FixtureCell] in
            [.text(key[0]), .number(key[1]), .text(key[2]), .text(key[3]), .number(key[4]), .number(String(counts[key]!))]
        }
        return FixtureSheet(name: "Распределение баллов", rows: [["Распределение первичных баллов по ОО"], []]
            + [["Код ОО", "Год", "Предмет", "Класс", "Первичный балл", "Кол-во участников"]] + rows)
    }

    func testParticipantRowsAndAggregateWorkbooksGiveTheSameRiskList() throws {
        var table: [[String]: Int] = [:]
        for r in district.dataset.results {
            guard let j = r.journalMark else { continue }
            table[[r.schoolID, String(r.work.year), r.work.subject, r.classLabel, String(j), String(r.mark)], default: 0] += 1
        }
        let journalRows = table.keys.sorted { $0.lexicographicallyPrecedes($1) }.map { key -> [FixtureCell] in
            key[0..<4].enumerated().map { $0.offset == 1 ? .number($0.element) : .text($0.element) }
                + [.number(key[4]), .number(key[5]), .number(String(table[key]!))]
        }
        let journal = FixtureSheet(name: "Журнал", rows: [["Код ОО", "Год", "Предмет", "Класс", "Отметка по журналу",
                                                           "Отметка", "Количество"]] + journalRows)
        let folder = try aggregateFolder("aggregates", ["распределение.xlsx": scoreSheet(), "журнал.xlsx": journal])

        let pipeline = Pipeline(indicators: aggregateIndicators)
        let fromRows = try XCTUnwrap(pipeline.run(folder: root.appendingPathComponent("csv")).analysis)
        let outcome = pipeline.run(folder: folder, reader: .withSpreadsheets)
        let fromAggregates = try XCTUnwrap(outcome.analysis, outcome.ingest.diagnostics.map(\.description).joined(separator: "\n"))
        XCTAssertEqual(outcome.ingest.dataset?.results.count, district.dataset.results.count)
        XCTAssertTrue(outcome.ingest.rejected.isEmpty, "\(outcome.ingest.rejected.prefix(3))")
        XCTAssertTrue(outcome.ingest.findings.isEmpty, "\(outcome.ingest.findings.prefix(3))")

        func list(_ a: Analysis) -> [String] { a.schools.map { "\($0.school.id);\($0.riskGroup);\($0.riskScore);\($0.indicators)" } }
        XCTAssertFalse(fromRows.riskGroup.isEmpty)
        XCTAssertEqual(list(fromAggregates), list(fromRows))
    }

    func testTheThreeJournalSharesKeepBoundaryAndHighAndRunJournalPerSchool() throws {
        var shares: [[String]: JournalComparison] = [:]
        for r in district.dataset.results {
            shares[[r.schoolID, String(r.work.year), r.work.subject, String(r.work.grade)], default: JournalComparison()].add(r)
        }
        let rows = shares.keys.sorted { $0.lexicographicallyPrecedes($1) }.map { key -> [FixtureCell] in
            let c = shares[key]!
            let n = Double(max(c.total, 1))
            func percent(_ k: Int) -> FixtureCell { .number(String(format: "%.2f", Double(k) / n * 100)) }
            return [.text(key[0]), .number(key[1]), .text(key[2]), .number(key[3]), .number(String(c.total)),
                    percent(c.lowered), percent(c.confirmed), percent(c.raised)]
        }
        let sharesSheet = FixtureSheet(name: "Сравнение", rows: [["Код ОО", "Год", "Предмет", "Параллель", "Всего участников",
                                                                   "Понизили, %", "Подтвердили, %", "Повысили, %"]] + rows)
        let folder = try aggregateFolder("shares", ["распределение.xlsx": scoreSheet(), "сравнение.xlsx": sharesSheet])

        let pipeline = Pipeline(indicators: aggregateIndicators)
        let fromRows = try XCTUnwrap(pipeline.run(folder: root.appendingPathComponent("csv")).analysis)
        let outcome = pipeline.run(folder: folder, reader: .withSpreadsheets)
        let fromShares = try XCTUnwrap(outcome.analysis, outcome.ingest.diagnostics.map(\.description).joined(separator: "\n"))
        XCTAssertTrue(outcome.ingest.rejected.isEmpty, "\(outcome.ingest.rejected.prefix(3))")

        func pValues(_ a: Analysis, _ code: IndicatorCode) -> [String] {
            // Sums over participants in another order differ in the last bits only.
            a.tests.filter { $0.code == code }.map {
                "\($0.schoolID) \($0.work?.title ?? "-") \($0.direction) " + String(format: "%.9f", $0.pValue)
            }
        }
        XCTAssertEqual(pValues(fromShares, .boundary), pValues(fromRows, .boundary))
        XCTAssertEqual(pValues(fromShares, .high), pValues(fromRows, .high))
        let journal = fromShares.tests.filter { $0.code == .journal && $0.scope == .schoolWork }
        XCTAssertFalse(journal.isEmpty)
        XCTAssertTrue(journal.allSatisfy { $0.eligible || $0.participants < 10 })
        XCTAssertTrue(fromShares.limitations.contains { $0.code == .journal && $0.reason.contains("тремя долями") })
        // The inflated-journal schools the district plants still show in the school-level model's direction.
        XCTAssertFalse(fromShares.tests.filter { $0.code == .journal && $0.direction == "lowered" && $0.pValue < 0.01 }.isEmpty)
    }
}
