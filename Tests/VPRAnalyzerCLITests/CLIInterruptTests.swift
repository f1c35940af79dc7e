import Foundation
import XCTest

/// An interrupted run (Ctrl+C, SIGTERM) leaves either the previous reports or the whole new set, never a
/// mixture and never a temporary file; and two runs never write one output folder.
final class CLIInterruptTests: XCTestCase {
    private func waitFor(_ marker: URL, seconds: Double = 120) {
        let deadline = Date().addingTimeInterval(seconds)
        while !FileManager.default.fileExists(atPath: marker.path) && Date() < deadline { Thread.sleep(forTimeInterval: 0.05) }
        XCTAssertTrue(FileManager.default.fileExists(atPath: marker.path), "the run reached \(marker.lastPathComponent)")
    }

    private func contents(_ folder: URL) throws -> [String: Data] {
        var files: [String: Data] = [:]
        for name in fileNames(in: folder) { files[name] = try Data(contentsOf: folder.appendingPathComponent(name)) }
        return files
    }

    private func runs(_ history: URL) throws -> [String] {
        let list = try VPRAnalyzerBinary.run(["history", "list", "--history", history.path])
        return list.stdout.split(separator: "\n").dropFirst().map { String($0.split(separator: "\t")[0]) }
    }

    func testASecondRunIntoTheSameFolderIsStoppedWhileTheFirstIsRunning() throws {
        let district = try SampleSevenDistrict.get()
        let root = try temporaryFolder("lock")
        let output = root.appendingPathComponent("reports"), marker = root.appendingPathComponent("holding")
        let first = try VPRAnalyzerBinary.start(["analyze", district.input.path, "--out", output.path, "--date", "2025-10-01",
                                                 "--history", root.appendingPathComponent("h.sqlite").path, "--quiet"],
                                                environment: ["VPR_ANALYZER_TEST_HOLD_TRANSACTION": marker.path])
        waitFor(marker)
        let second = try VPRAnalyzerBinary.run(["analyze", district.input.path, "--out", output.path, "--no-history", "--quiet"])
        assertStatus(second, 1)
        XCTAssertTrue(second.stderr.contains("занята другим запуском"), second.stderr)
        first.kill()
        _ = try first.wait()
        XCTAssertFalse(fileNames(in: output).contains("risk-list.csv"), "neither run wrote a report")
        let third = try VPRAnalyzerBinary.run(["analyze", district.input.path, "--out", output.path, "--no-history", "--quiet"])
        assertStatus(third, 0)
    }

    /// An October run into `output`, completed.
    private func october(_ input: URL, _ output: URL, history: URL) throws {
        assertStatus(try VPRAnalyzerBinary.run(["analyze", input.path, "--out", output.path, "--date", "2025-10-01",
                                                "--history", history.path, "--quiet"]), 0)
    }

    /// A fresh folder whose `reports` and history hold the October run; `marker` names the test hold's file.
    private func afterOctober(_ name: String, marker: String)
        throws -> (district: SampleSevenDistrict, output: URL, history: URL, marker: URL) {
        let district = try SampleSevenDistrict.get()
        let root = try temporaryFolder(name)
        let output = root.appendingPathComponent("reports"), history = root.appendingPathComponent("h.sqlite")
        try october(district.input, output, history: history)
        return (district, output, history, root.appendingPathComponent(marker))
    }

    /// A November run into `output`, started with a test hold (`hold` names the environment variable).
    private func november(_ input: URL, _ output: URL, history: URL, hold: String, marker: URL) throws -> RunningCommand {
        try VPRAnalyzerBinary.start(["analyze", input.path, "--out", output.path, "--date", "2025-11-01",
                                     "--history", history.path, "--quiet"], environment: [hold: marker.path])
    }

    func testATerminatedRunLeavesThePreviousReportsAndNoTemporaryFiles() throws {
        let (district, output, history, marker) = try afterOctober("sigterm", marker: "holding")
        let before = try contents(output)
        for signal in [SIGTERM, SIGINT] {
            let run = try november(district.input, output, history: history, hold: "VPR_ANALYZER_TEST_HOLD_TRANSACTION", marker: marker)
            waitFor(marker)
            run.signal(signal)
            let result = try run.wait()
            XCTAssertEqual(result.status, 128 + signal, result.stderr)
            XCTAssertEqual(try contents(output), before, "signal \(signal): the previous reports stay as they were, nothing else is left")
            XCTAssertEqual(try runs(history), ["1"], "signal \(signal): the interrupted run is not in the history")
            try FileManager.default.removeItem(at: marker)
        }
    }

    func testAnInterruptDuringPublicationWaitsForTheWholeSetAndItsHistoryRecord() throws {
        let (district, output, history, marker) = try afterOctober("sigint-publication", marker: "publishing")
        let run = try november(district.input, output, history: history, hold: "VPR_ANALYZER_TEST_HOLD_PUBLICATION", marker: marker)
        waitFor(marker)
        run.signal(SIGINT)
        let result = try run.wait()
        XCTAssertEqual(result.status, 128 + SIGINT, result.stderr)
        XCTAssertFalse(fileNames(in: output).contains { $0.hasSuffix(".tmp") }, "\(fileNames(in: output))")
        for name in ["summary.md", "report.html", "results.json"] {
            let text = try String(contentsOf: output.appendingPathComponent(name), encoding: .utf8)
            XCTAssertTrue(text.contains("2025-11-01"), "\(name) is from the interrupted run")
        }
        XCTAssertEqual(try runs(history), ["1", "2"], "the published run is in the history")
    }
}
