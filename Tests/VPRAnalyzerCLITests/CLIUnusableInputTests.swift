import Foundation
import XCTest

/// Input that cannot be used at all stops the run with exit status 2, a Russian message naming the
/// file, and no report — a previous report in the output folder stays as it was.
final class CLIUnusableInputTests: XCTestCase {
    /// Runs `analyze` into an output folder holding an earlier report, and checks the contract for unusable input.
    private func assertUnusable(_ prepare: (URL) throws -> Void, naming file: String,
                                line: UInt = #line) throws {
        let root = try temporaryFolder("unusable")
        let input = root.appendingPathComponent("input"), output = root.appendingPathComponent("out")
        try FileManager.default.createDirectory(at: input, withIntermediateDirectories: true)
        try prepare(input)
        try FileManager.default.createDirectory(at: output, withIntermediateDirectories: true)
        let earlier = Data("прежний отчёт\n".utf8)
        try earlier.write(to: output.appendingPathComponent("risk-list.csv"))
        try earlier.write(to: output.appendingPathComponent("summary.md"))

        let run = try VPRAnalyzerBinary.run(["analyze", input.path, "--out", output.path])
        assertStatus(run, 2, line: line)
        XCTAssertTrue(run.stderr.contains(file), "stderr does not name \(file):\n\(run.stderr)", line: line)
        XCTAssertTrue(run.stderr.contains("ошибка"), "stderr:\n\(run.stderr)", line: line)
        XCTAssertTrue(run.stderr.contains("отчёты не записаны"), "stderr:\n\(run.stderr)", line: line)
        XCTAssertEqual(fileNames(in: output), ["risk-list.csv", "summary.md"], "no new or temporary files", line: line)
        XCTAssertEqual(try Data(contentsOf: output.appendingPathComponent("risk-list.csv")), earlier, line: line)
        XCTAssertEqual(try Data(contentsOf: output.appendingPathComponent("summary.md")), earlier, line: line)
    }

    func testAFolderWithoutResultsCSVIsUnusable() throws {
        try assertUnusable({ input in
            try Data(InputFolderFixture.scalesCSV.utf8).write(to: input.appendingPathComponent("scales.csv"))
        }, naming: "results.csv")
    }

    func testAResultsFileWithoutTheStudentColumnIsUnusable() throws {
        try assertUnusable({ input in
            let text = "year;school_id;class;subject;primary_score\n2025;sch1;5А;Математика;10\n"
            try Data(text.utf8).write(to: input.appendingPathComponent("results.csv"))
            try Data(InputFolderFixture.scalesCSV.utf8).write(to: input.appendingPathComponent("scales.csv"))
        }, naming: "results.csv")
    }

    func testAWorkWithNoScaleIsUnusable() throws {
        try assertUnusable({ input in
            try InputFolderFixture.writeEnglish(to: input, extraRows: ["2025;sch1;7А;Физика;701;10;3;3"])
        }, naming: "results.csv")
    }
}
