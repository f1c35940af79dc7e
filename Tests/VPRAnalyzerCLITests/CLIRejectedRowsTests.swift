import Foundation
import XCTest

/// A Windows-1251 export with Russian headers and broken rows: the run goes on, and every row that was
/// not used is listed with its file, line, column and reason.
final class CLIRejectedRowsTests: XCTestCase {
    func testACP1251ExportWithBrokenRowsIsAnalysedAndEveryBrokenRowIsListed() throws {
        let root = try temporaryFolder("cp1251")
        let input = root.appendingPathComponent("input"), output = root.appendingPathComponent("out")
        let rows = try InputFolderFixture.writeRussianCP1251(to: input)
        let run = try VPRAnalyzerBinary.run(["analyze", input.path, "--out", output.path, "--date", "2025-05-20"])
        assertStatus(run, 0)

        let listed = OutputCSV.parse(try Data(contentsOf: output.appendingPathComponent("rejected-rows.csv")))
        XCTAssertEqual(Array(listed.first?.prefix(4) ?? []), ["Файл", "Строка", "Столбец", "Причина"])
        let body = listed.dropFirst()
        let expected = rows.enumerated().filter { $0.element.rejectedAt != nil }
        XCTAssertEqual(body.count, expected.count, "rejected-rows.csv:\n\(listed)")
        for (index, row) in expected {
            let line = index + 2  // header is line 1
            guard let entry = body.first(where: { $0[0] == "results.csv" && $0[1] == String(line) }) else {
                XCTFail("line \(line) («\(row.text)») is not in rejected-rows.csv"); continue
            }
            XCTAssertEqual(entry[2], String(row.rejectedAt!.column), "column of line \(line): \(entry)")
            XCTAssertTrue(entry[3].contains(row.rejectedAt!.reason), "reason of line \(line): \(entry[3])")
        }

        // The quoted name with «;» inside was read as one field, and its school was analysed.
        let riskList = OutputCSV.parse(try Data(contentsOf: output.appendingPathComponent("risk-list.csv")))
        XCTAssertTrue(riskList.contains { $0[0] == "4" && $0[1] == "МБОУ «Школа; № 4»" }, "\(riskList)")
        XCTAssertEqual(riskList.count - 1, 4, "four schools analysed")

        // The run summary: read = used + rejected, with the broken rows and the absentee counted.
        let accounting = try XCTUnwrap(RowAccounting.parse(run.stderr)["results.csv"], run.stderr)
        XCTAssertEqual(accounting.encoding, "Windows-1251")
        XCTAssertEqual(accounting.read, rows.count)
        XCTAssertEqual(accounting.rejected, expected.count)
        XCTAssertEqual(accounting.read, accounting.used + accounting.rejected)
    }

    func testARerunWithNoRejectedRowsRemovesTheStaleRejectedRowsFile() throws {
        let root = try temporaryFolder("stale")
        let input = root.appendingPathComponent("input"), output = root.appendingPathComponent("out")
        try InputFolderFixture.writeEnglish(to: input, extraRows: ["2025;sch1;5А;Математика;99;много;3;3"])
        let first = try VPRAnalyzerBinary.run(["analyze", input.path, "--out", output.path, "--quiet"])
        assertStatus(first, 0)
        XCTAssertTrue(fileNames(in: output).contains("rejected-rows.csv"))

        try InputFolderFixture.writeEnglish(to: input)
        let second = try VPRAnalyzerBinary.run(["analyze", input.path, "--out", output.path, "--quiet"])
        assertStatus(second, 0)
        let names = fileNames(in: output)
        XCTAssertFalse(names.contains("rejected-rows.csv"))
        XCTAssertTrue(["results.json", "risk-list.csv", "summary.md"].allSatisfy(names.contains))
    }
}
