import Foundation
import XCTest

/// `vpr-analyzer analyze` on the generated district of `sample --seed 7`: the contract's output files,
/// what the risk list says about planted and honest schools, and reproducibility.
final class CLIAnalyzeSampleDistrictTests: XCTestCase {
    let riskListHeader = "school_id;school_name;municipality;risk_group;risk_score;categories;flagged_works;indicators;participants;repeat"

    func testAnalyzeWritesTheContractFilesAndExitsZero() throws {
        let district = try SampleSevenDistrict.get()
        assertStatus(district.sample, 0)
        assertStatus(district.analyze, 0)
        let names = fileNames(in: district.output)
        for name in ["risk-list.csv", "results.json", "summary.md"] {
            XCTAssertTrue(names.contains(name), "\(name) missing from \(names)")
        }
        XCTAssertFalse(names.contains { $0.hasSuffix(".tmp") }, "temporary files left behind: \(names)")
    }

    func testRiskListIsSemicolonSeparatedUTF8WithBOMAndTheContractHeader() throws {
        let district = try SampleSevenDistrict.get()
        let data = try Data(contentsOf: district.output.appendingPathComponent("risk-list.csv"))
        XCTAssertEqual(Array(data.prefix(3)), [0xEF, 0xBB, 0xBF], "risk-list.csv must start with a UTF-8 BOM")
        XCTAssertNotNil(String(data: data, encoding: .utf8))
        let text = String(decoding: data.dropFirst(3), as: UTF8.self)
        XCTAssertEqual(text.components(separatedBy: "\r\n").first, riskListHeader)
    }

    func testRiskListHasOneRowPerSchoolSortedByScoreThenID() throws {
        let district = try SampleSevenDistrict.get()
        let rows = OutputCSV.parse(try Data(contentsOf: district.output.appendingPathComponent("risk-list.csv")))
        let body = Array(rows.dropFirst())
        let truth = try district.truth()
        XCTAssertEqual(body.count, truth.count, "one row per school")
        XCTAssertEqual(Set(body.map { $0[0] }), Set(truth.map(\.schoolID)))
        for row in body {
            XCTAssertEqual(row.count, 10, "row \(row)")
            XCTAssertEqual(row[9], "0", "the first run of a history has no repeat flags")
            XCTAssertTrue(["0", "1"].contains(row[3]), "risk_group \(row[3])")
            let score = try XCTUnwrap(Int(row[4]), "risk_score \(row[4])")
            XCTAssertTrue((0...100).contains(score))
            XCTAssertNotNil(Int(row[8]), "participants \(row[8])")
            for category in row[5].split(separator: "|") { XCTAssertTrue(["vpr", "internal"].contains(category)) }
            if row[3] == "1" { XCTAssertFalse(row[5].isEmpty, "a school in the risk group has a category") }
        }
        let keys = body.map { (score: Int($0[4])!, id: $0[0]) }
        let sorted = keys.sorted { $0.score != $1.score ? $0.score > $1.score : $0.id < $1.id }
        XCTAssertEqual(keys.map(\.id), sorted.map(\.id), "sorted by risk_score descending, then school_id")
    }

    func testPlantedBoundaryPullingIsFlaggedAndNoHonestGymnasiumOrLyceumIs() throws {
        let district = try SampleSevenDistrict.get()
        let rows = OutputCSV.parse(try Data(contentsOf: district.output.appendingPathComponent("risk-list.csv"))).dropFirst()
        let riskGroup = Set(rows.filter { $0[3] == "1" }.map { $0[0] })
        let truth = try district.truth()
        let elite = truth.filter { ["gymnasium", "lyceum"].contains($0.kind) && $0.manipulations.isEmpty }
        XCTAssertFalse(elite.isEmpty, "seed 7 has honest gymnasiums or lyceums")
        for school in elite {
            XCTAssertFalse(riskGroup.contains(school.schoolID), "honest \(school.kind) \(school.schoolID) is in the risk group")
        }
        let pulling = truth.filter {
            $0.manipulations.contains { $0.scheme == "boundaryPulling" && $0.strength == "moderate" }
        }
        XCTAssertFalse(pulling.isEmpty, "seed 7 plants moderate boundary pulling")
        for school in pulling {
            XCTAssertTrue(riskGroup.contains(school.schoolID), "boundary pulling in \(school.schoolID) not flagged")
            let row = try XCTUnwrap(rows.first { $0[0] == school.schoolID })
            XCTAssertTrue(row[7].split(separator: "|").contains("BOUNDARY"), "indicators \(row[7])")
        }
    }

    func testResultsJSONParsesAndCarriesTheDate() throws {
        let district = try SampleSevenDistrict.get()
        let data = try Data(contentsOf: district.output.appendingPathComponent("results.json"))
        let object = try XCTUnwrap(try JSONSerialization.jsonObject(with: data) as? [String: Any])
        XCTAssertEqual(object["date"] as? String, SampleSevenDistrict.date)
        XCTAssertEqual((object["schools"] as? [Any])?.count, try district.truth().count)
    }

    func testSummaryIsInRussian() throws {
        let district = try SampleSevenDistrict.get()
        let summary = try String(contentsOf: district.output.appendingPathComponent("summary.md"), encoding: .utf8)
        XCTAssertTrue(summary.hasPrefix("# Признаки необъективности результатов ВПР"))
        XCTAssertTrue(summary.contains("Дата формирования: \(SampleSevenDistrict.date)"))
        XCTAssertTrue(summary.contains("## Перечень ОО с признаками необъективности результатов"))
    }

    func testStderrAccountsForEveryRowRead() throws {
        let district = try SampleSevenDistrict.get()
        let summaries = RowAccounting.parse(district.analyze.stderr)
        XCTAssertEqual(summaries["results.csv"]?.encoding, "Windows-1251")
        XCTAssertFalse(summaries.isEmpty, district.analyze.stderr)
        for (file, s) in summaries { XCTAssertEqual(s.read, s.used + s.rejected, file) }
    }

    func testTheSameInputAndDateGiveByteIdenticalOutputs() throws {
        let district = try SampleSevenDistrict.get()
        let second = try temporaryFolder("determinism")
        // A history of its own: the first run of a history, like the district's run.
        let run = try VPRAnalyzerBinary.run(["analyze", district.input.path, "--out", second.path,
                                             "--date", SampleSevenDistrict.date, "--quiet",
                                             "--history", second.deletingLastPathComponent()
                                                .appendingPathComponent("history-\(UUID().uuidString).sqlite").path])
        assertStatus(run, 0)
        XCTAssertEqual(fileNames(in: second), fileNames(in: district.output))
        for name in fileNames(in: district.output) {
            let a = try Data(contentsOf: district.output.appendingPathComponent(name))
            let b = try Data(contentsOf: second.appendingPathComponent(name))
            XCTAssertTrue(a == b, "\(name) differs between two runs on the same input and date")
        }
    }
}

/// The per-file line the CLI prints: «Файл F (ENC, разделитель …): прочитано строк N = использовано U + отклонено R …».
struct RowAccounting: Equatable {
    var encoding: String, read: Int, used: Int, rejected: Int

    static func parse(_ stderr: String) -> [String: RowAccounting] {
        var out: [String: RowAccounting] = [:]
        let pattern = try! NSRegularExpression(
            pattern: #"Файл (\S+) \(([^,)]+)(?:, разделитель [^)]*)?\): прочитано строк (\d+) = использовано (\d+) \+ отклонено (\d+)"#)
        let ns = stderr as NSString
        for m in pattern.matches(in: stderr, range: NSRange(location: 0, length: ns.length)) {
            func group(_ i: Int) -> String { ns.substring(with: m.range(at: i)) }
            out[group(1)] = RowAccounting(encoding: group(2), read: Int(group(3))!, used: Int(group(4))!,
                                          rejected: Int(group(5))!)
        }
        return out
    }
}
