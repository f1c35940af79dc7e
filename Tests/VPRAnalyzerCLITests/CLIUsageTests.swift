import Foundation
import XCTest

/// Usage errors exit with 64 (the swift-argument-parser convention); `--quiet` silences a successful run;
/// with no arguments the CLI reads `sample-data/` and writes `reports/` in the working directory.
final class CLIUsageTests: XCTestCase {
    func testAnUnknownOptionIsAUsageError() throws {
        let run = try VPRAnalyzerBinary.run(["analyze", "--no-such-option"])
        assertStatus(run, 64)
        XCTAssertTrue(run.stderr.contains("--no-such-option"), run.stderr)
    }

    func testABadDateIsAUsageError() throws {
        let input = try temporaryFolder("date")
        try InputFolderFixture.writeEnglish(to: input)
        for date in ["20.05.2025", "2025-13-01", "2025-02-30", "2025--05-20", "2025-+5-20", "сегодня"] {
            let out = input.appendingPathComponent("out-\(date)")
            let run = try VPRAnalyzerBinary.run(["analyze", input.path, "--out", out.path, "--date", date])
            assertStatus(run, 64)
            XCTAssertTrue(run.stderr.contains("ГГГГ-ММ-ДД"), "--date \(date): \(run.stderr)")
            XCTAssertFalse(FileManager.default.fileExists(atPath: out.path), "--date \(date) wrote a report")
        }
    }

    func testAMissingInputFolderIsAUsageErrorInRussian() throws {
        let root = try temporaryFolder("missing")
        let run = try VPRAnalyzerBinary.run(["analyze", root.appendingPathComponent("нет-такой").path])
        assertStatus(run, 64)
        XCTAssertTrue(run.stderr.contains("не найдена"), run.stderr)
    }

    func testQuietPrintsNothingOnSuccess() throws {
        let root = try temporaryFolder("quiet")
        let input = root.appendingPathComponent("input")
        try InputFolderFixture.writeEnglish(to: input, extraRows: ["2025;sch1;5А;Математика;99;много;3;3"])
        let run = try VPRAnalyzerBinary.run(["analyze", input.path, "--out", root.appendingPathComponent("out").path, "--quiet"])
        assertStatus(run, 0)
        XCTAssertEqual(run.stderr, "")
        XCTAssertEqual(run.stdout, "")
    }

    func testWithNoArgumentsAnalyzeReadsSampleDataAndWritesReports() throws {
        let cwd = try temporaryFolder("cwd")
        assertStatus(try VPRAnalyzerBinary.run(["sample", "--seed", "3", "--schools", "6", "--out", "sample-data"], in: cwd), 0)
        let run = try VPRAnalyzerBinary.run(["analyze"], in: cwd)
        assertStatus(run, 0)
        let reports = cwd.appendingPathComponent("reports")
        for name in ["risk-list.csv", "results.json", "summary.md"] {
            XCTAssertTrue(FileManager.default.fileExists(atPath: reports.appendingPathComponent(name).path), name)
        }
        XCTAssertTrue(run.stderr.contains("sample-data"), run.stderr)
    }
}

/// Failures that are neither usage errors nor unusable input exit with 1; a bad settings file is a usage error.
final class CLIOtherFailureTests: XCTestCase {
    func testAnUnreadableSettingsFileIsAUsageErrorOfAnalyze() throws {
        let root = try temporaryFolder("config")
        let input = root.appendingPathComponent("input")
        try InputFolderFixture.writeEnglish(to: input)
        let config = root.appendingPathComponent("settings.json")
        try Data("{\"decision\": ".utf8).write(to: config)
        for path in [config.path, root.appendingPathComponent("нет.json").path] {
            let run = try VPRAnalyzerBinary.run(["analyze", input.path, "--out", root.appendingPathComponent("out").path,
                                                 "--config", path])
            assertStatus(run, 64)
            XCTAssertTrue(run.stderr.contains("Файл настроек"), run.stderr)
            XCTAssertTrue(run.stderr.contains("vpr-analyzer analyze"), "usage of analyze, not of the root: \(run.stderr)")
            XCTAssertFalse(FileManager.default.fileExists(atPath: root.appendingPathComponent("out").path))
        }
    }

    func testAnOutputFolderThatCannotBeWrittenExitsWithOne() throws {
        let root = try temporaryFolder("unwritable")
        let input = root.appendingPathComponent("input")
        try InputFolderFixture.writeEnglish(to: input)
        let blocker = root.appendingPathComponent("out")
        try Data("файл, а не папка".utf8).write(to: blocker)
        let run = try VPRAnalyzerBinary.run(["analyze", input.path, "--out", blocker.path, "--quiet"])
        assertStatus(run, 1)
        XCTAssertTrue(run.stderr.contains("Не удалось записать отчёты"), run.stderr)
    }
}
