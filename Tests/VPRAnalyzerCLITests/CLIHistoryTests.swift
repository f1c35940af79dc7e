import Foundation
import XCTest

/// Monthly operation through the command line: two runs a month apart, what changed, `history diff`,
/// repeat flags and trends over two assessment years (in two runs or in one), reports regenerated from the history,
/// and a history that survives concurrent runs (on a new file too) and killed runs.
final class CLIHistoryTests: XCTestCase {
    /// A copy of a sample input folder without the result rows of some schools (ids are ASCII, so the
    /// Windows-1251 file can be filtered line by line on bytes).
    private func copy(_ input: URL, to folder: URL, dropping schools: Set<String> = [], keepingYear year: String? = nil) throws {
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        for name in try FileManager.default.contentsOfDirectory(atPath: input.path) where name != "results.csv" && name != "truth.json" {
            try FileManager.default.copyItem(at: input.appendingPathComponent(name), to: folder.appendingPathComponent(name))
        }
        let data = try Data(contentsOf: input.appendingPathComponent("results.csv"))
        var lines = data.split(separator: 0x0A, omittingEmptySubsequences: false)
        let header = lines.removeFirst()
        let kept = lines.filter { line in
            guard !line.isEmpty else { return false }
            let fields = line.split(separator: 0x3B, omittingEmptySubsequences: false).map { String(decoding: $0, as: UTF8.self) }
            if let year, fields.first != year { return false }
            return fields.count < 2 || !schools.contains(fields[1])
        }
        var out = Data(header)
        for line in kept { out.append(0x0A); out.append(contentsOf: line) }
        out.append(0x0A)
        try out.write(to: folder.appendingPathComponent("results.csv"))
    }

    private func riskGroup(_ output: URL) throws -> Set<String> {
        let rows = OutputCSV.parse(try Data(contentsOf: output.appendingPathComponent("risk-list.csv"))).dropFirst()
        return Set(rows.filter { $0[3] == "1" }.map { $0[0] })
    }

    private func analyze(_ input: URL, _ output: URL, date: String, history: URL) throws -> CommandResult {
        try VPRAnalyzerBinary.run(["analyze", input.path, "--out", output.path, "--date", date, "--history", history.path, "--quiet"])
    }

    func testTwoRunsAMonthApartSayWhatChangedAndHistoryDiffAgrees() throws {
        let district = try SampleSevenDistrict.get()
        let flagged = try riskGroup(district.output).sorted()
        XCTAssertGreaterThanOrEqual(flagged.count, 2, "the sample district flags planted schools")
        let (leaving, entering) = (flagged[0], flagged[1])
        let root = try temporaryFolder("history-month")
        let history = root.appendingPathComponent("history.sqlite")
        // October: one flagged school had not sent its results yet; November: it has, another has not.
        try copy(district.input, to: root.appendingPathComponent("october"), dropping: [entering])
        try copy(district.input, to: root.appendingPathComponent("november"), dropping: [leaving])
        let october = root.appendingPathComponent("out-october"), november = root.appendingPathComponent("out-november")
        assertStatus(try analyze(root.appendingPathComponent("october"), october, date: "2025-10-25", history: history), 0)
        assertStatus(try analyze(root.appendingPathComponent("november"), november, date: "2025-11-25", history: history), 0)

        let before = try riskGroup(october), after = try riskGroup(november), analysed = try schools(november)
        let entered = after.subtracting(before).sorted()
        // A school of October's list that sent nothing in November did not leave the list: it has no data.
        let left = before.subtracting(after).filter(analysed.contains).sorted()
        let withoutData = before.subtracting(analysed).sorted()
        XCTAssertTrue(entered.contains(entering), "entered \(entered)")
        XCTAssertEqual(withoutData, [leaving])
        let summary = try String(contentsOf: november.appendingPathComponent("summary.md"), encoding: .utf8)
        XCTAssertTrue(summary.contains("Предыдущий запуск — № 1 от 2025-10-25"), summary)
        let lines = summary.components(separatedBy: "\n")
        let enteredLine = try XCTUnwrap(lines.first { $0.hasPrefix("Вошли в перечень") })
        XCTAssertTrue(enteredLine.hasPrefix("Вошли в перечень (\(entered.count))"), enteredLine)
        for id in entered { XCTAssertTrue(enteredLine.contains("(\(id))"), enteredLine) }
        if left.isEmpty {
            XCTAssertTrue(lines.contains("Из перечня не вышла ни одна ОО."), summary)
        } else {
            let leftLine = try XCTUnwrap(lines.first { $0.hasPrefix("Вышли из перечня") })
            XCTAssertTrue(leftLine.hasPrefix("Вышли из перечня (\(left.count))"), leftLine)
            for id in left { XCTAssertTrue(leftLine.contains("(\(id))"), leftLine) }
        }
        let missingLine = try XCTUnwrap(lines.first { $0.hasPrefix("Нет данных в этом запуске") }, summary)
        XCTAssertTrue(missingLine.hasPrefix("Нет данных в этом запуске (1): "), missingLine)
        XCTAssertTrue(missingLine.contains("(\(leaving))") && missingLine.contains("были в перечне запуска № 1"), missingLine)
        // Both runs assess 2025: the schools flagged in both show their standing run by run.
        XCTAssertTrue(summary.contains("Динамика по запускам (ВПР 2025 г.):"), summary)
        XCTAssertTrue(summary.contains("| № 1 | 2025-10-25 | да |") && summary.contains("| № 2 | 2025-11-25 | да |"), summary)

        let diff = try VPRAnalyzerBinary.run(["history", "diff", "1", "2", "--history", history.path])
        assertStatus(diff, 0)
        XCTAssertTrue(diff.stdout.contains("Вошли (\(entered.count)): \(entered.joined(separator: ", "))"), diff.stdout)
        XCTAssertTrue(diff.stdout.contains("Вышли (\(left.count)): \(left.isEmpty ? "—" : left.joined(separator: ", "))"), diff.stdout)
        XCTAssertTrue(diff.stdout.contains("Нет данных в запуске № 2 (1): \(leaving)"), diff.stdout)

        let list = try VPRAnalyzerBinary.run(["history", "list", "--history", history.path])
        XCTAssertEqual(list.stdout.split(separator: "\n").count, 3, list.stdout)
        let show = try VPRAnalyzerBinary.run(["history", "show", "2", "--history", history.path])
        XCTAssertTrue(show.stdout.contains("results.csv") && show.stdout.contains("SHA-256"), show.stdout)
        XCTAssertTrue(show.stdout.contains("Отчёты: «\(november.path)»."), show.stdout)
        XCTAssertTrue(show.stdout.contains("Параметры: --date 2025-11-25\n"), show.stdout)
        XCTAssertTrue(show.stdout.contains("Настройки анализа: по умолчанию."), show.stdout)

        // The November reports regenerated from the history entry are the same, byte for byte.
        let again = root.appendingPathComponent("again")
        let rerun = try VPRAnalyzerBinary.run(["history", "rerun", "2", "--history", history.path, "--out", again.path])
        assertStatus(rerun, 0)
        XCTAssertTrue(rerun.stdout.contains("входные файлы совпадают"), rerun.stdout)
        XCTAssertFalse(rerun.stderr.contains("версией анализатора"), "the same engine: nothing to say")
        for name in fileNames(in: november) {
            XCTAssertEqual(try Data(contentsOf: again.appendingPathComponent(name)),
                           try Data(contentsOf: november.appendingPathComponent(name)), name)
        }
        // A changed input file is detected by its checksum and named.
        try Data("изменено\n".utf8).write(to: root.appendingPathComponent("november/schools.csv"), options: .atomic)
        let changed = try VPRAnalyzerBinary.run(["history", "rerun", "2", "--history", history.path,
                                                 "--out", root.appendingPathComponent("changed").path])
        XCTAssertTrue(changed.stderr.contains("schools.csv: содержимое изменилось"), changed.stderr)
        // So is a file added to the folder since the run that the analysis now reads.
        try FileManager.default.removeItem(at: root.appendingPathComponent("november/schools.csv"))
        try FileManager.default.copyItem(at: district.input.appendingPathComponent("schools.csv"),
                                         to: root.appendingPathComponent("november/schools.csv"))
        try FileManager.default.copyItem(at: root.appendingPathComponent("november/results.csv"),
                                         to: root.appendingPathComponent("november/results-december.csv"))
        let added = try VPRAnalyzerBinary.run(["history", "rerun", "2", "--history", history.path,
                                               "--out", root.appendingPathComponent("added").path])
        XCTAssertTrue(added.stderr.contains("results-december.csv: новый файл, в записанном запуске его не было"), added.stderr)
        XCTAssertFalse(added.stdout.contains("входные файлы совпадают"), added.stdout)
    }

    private func schools(_ output: URL) throws -> Set<String> {
        Set(OutputCSV.parse(try Data(contentsOf: output.appendingPathComponent("risk-list.csv"))).dropFirst().map { $0[0] })
    }

    func testTwoAssessmentYearsShowRepeatFlagsAndTrends() throws {
        let root = try temporaryFolder("history-years")
        let all = root.appendingPathComponent("all")
        assertStatus(try VPRAnalyzerBinary.run(["sample", "--seed", "7", "--years", "2024,2025", "--out", all.path]), 0)
        try copy(all, to: root.appendingPathComponent("2024"), keepingYear: "2024")
        try copy(all, to: root.appendingPathComponent("2025"), keepingYear: "2025")
        let history = root.appendingPathComponent("history.sqlite")
        let first = root.appendingPathComponent("out-2024"), second = root.appendingPathComponent("out-2025")
        assertStatus(try analyze(root.appendingPathComponent("2024"), first, date: "2024-06-01", history: history), 0)
        assertStatus(try analyze(root.appendingPathComponent("2025"), second, date: "2025-06-01", history: history), 0)

        let again = try riskGroup(first).intersection(try riskGroup(second))
        XCTAssertFalse(again.isEmpty, "planted schools persist from year to year")
        let rows = OutputCSV.parse(try Data(contentsOf: second.appendingPathComponent("risk-list.csv")))
        XCTAssertEqual(rows.first?.last, "repeat")
        for row in rows.dropFirst() {
            XCTAssertEqual(row[9], again.contains(row[0]) ? "1" : "0", "repeat of \(row[0])")
        }
        let summary = try String(contentsOf: second.appendingPathComponent("summary.md"), encoding: .utf8)
        XCTAssertTrue(summary.contains("Повторно в перечне (\(again.count))"), summary)
        XCTAssertTrue(summary.contains("Динамика по годам"), summary)
        XCTAssertTrue(summary.contains("| Математика 5 | 2024 |") && summary.contains("| Математика 5 | 2025 |"), summary)
        let html = try String(contentsOf: second.appendingPathComponent("report.html"), encoding: .utf8)
        XCTAssertTrue(html.contains("Динамика по годам") && html.contains("<svg"), "trend chart in the HTML report")
    }

    func testOneRunOverTwoYearsMarksSchoolsFlaggedInBothYearsAsRepeat() throws {
        let root = try temporaryFolder("history-one-run")
        let all = root.appendingPathComponent("all")
        assertStatus(try VPRAnalyzerBinary.run(["sample", "--seed", "7", "--years", "2024,2025", "--out", all.path]), 0)
        let output = root.appendingPathComponent("out")
        assertStatus(try analyze(all, output, date: "2025-06-01", history: root.appendingPathComponent("history.sqlite")), 0)
        let rows = OutputCSV.parse(try Data(contentsOf: output.appendingPathComponent("risk-list.csv"))).dropFirst()
        // «повторно»: in the risk group, with flagged works of the latest year and of an earlier one.
        let expected = Set(rows.filter { row in
            let works = row[6].split(separator: "|")
            return row[3] == "1" && works.contains { $0.hasSuffix("(2025)") } && works.contains { $0.hasSuffix("(2024)") }
        }.map { $0[0] })
        XCTAssertFalse(expected.isEmpty, "planted schools are flagged in both years")
        for row in rows { XCTAssertEqual(row[9], expected.contains(row[0]) ? "1" : "0", "repeat of \(row[0]): \(row)") }
        let summary = try String(contentsOf: output.appendingPathComponent("summary.md"), encoding: .utf8)
        XCTAssertTrue(summary.contains("Повторно в перечне (\(expected.count))"), summary)
        XCTAssertTrue(summary.contains("Это первый запуск в истории"), summary)

        // Without a history the column stays empty, as the contract extension says.
        let bare = root.appendingPathComponent("bare")
        assertStatus(try VPRAnalyzerBinary.run(["analyze", all.path, "--out", bare.path, "--date", "2025-06-01",
                                                "--no-history", "--quiet"]), 0)
        let plain = OutputCSV.parse(try Data(contentsOf: bare.appendingPathComponent("risk-list.csv"))).dropFirst()
        XCTAssertTrue(plain.allSatisfy { $0[9] == "" }, "repeat is empty without a history")
    }

    func testSeveralRunsAtOnceOnANewHistoryFileAreAllRecorded() throws {
        let root = try temporaryFolder("history-fresh-concurrent")
        let input = root.appendingPathComponent("input")
        try InputFolderFixture.writeEnglish(to: input)
        let history = root.appendingPathComponent("h.sqlite")
        let results = try (0..<6).map { i in
            try VPRAnalyzerBinary.start(["analyze", input.path, "--out", root.appendingPathComponent("out\(i)").path,
                                         "--date", "2025-10-0\(i + 1)", "--history", history.path, "--quiet"])
        }.map { try $0.wait() }
        for r in results { assertStatus(r, 0) }
        let list = try VPRAnalyzerBinary.run(["history", "list", "--history", history.path])
        XCTAssertEqual(list.stdout.split(separator: "\n").dropFirst().map { $0.split(separator: "\t")[0] },
                       ["1", "2", "3", "4", "5", "6"], list.stdout)
    }

    func testHistoryWithoutAFileLooksWhereAnalyzeKeepsIt() throws {
        let root = try temporaryFolder("history-default")
        let input = root.appendingPathComponent("input")
        try InputFolderFixture.writeEnglish(to: input)
        let missing = try VPRAnalyzerBinary.run(["history"], in: root)
        assertStatus(missing, 64)
        XCTAssertTrue(missing.stderr.contains("Файл истории не найден: ") && missing.stderr.contains("vpr-history.sqlite"), missing.stderr)
        XCTAssertTrue(missing.stderr.contains("рядом с папкой отчётов reports") && missing.stderr.contains("--history ФАЙЛ"),
                      missing.stderr)
        // analyze with the default output folder keeps the history beside it; history finds it there.
        assertStatus(try VPRAnalyzerBinary.run(["analyze", "input", "--date", "2025-10-01", "--quiet"], in: root), 0)
        XCTAssertTrue(FileManager.default.fileExists(atPath: root.appendingPathComponent("vpr-history.sqlite").path))
        let list = try VPRAnalyzerBinary.run(["history"], in: root)
        assertStatus(list, 0)
        XCTAssertEqual(list.stdout.split(separator: "\n").count, 2, list.stdout)
        let show = try VPRAnalyzerBinary.run(["history", "show", "1"], in: root)
        assertStatus(show, 0)
        XCTAssertTrue(show.stdout.contains("Отчёты: «reports»."), show.stdout)
    }

    func testTwoRunsAtOnceAreBothRecordedAndTheLaterSeesTheEarlier() throws {
        let district = try SampleSevenDistrict.get()
        let root = try temporaryFolder("history-concurrent")
        let history = root.appendingPathComponent("history.sqlite")
        let results = try [0, 1].map { i in
            try VPRAnalyzerBinary.start(["analyze", district.input.path, "--out", root.appendingPathComponent("out\(i)").path,
                                         "--date", "2025-10-0\(i + 1)", "--history", history.path, "--quiet"])
        }.map { try $0.wait() }
        for r in results { assertStatus(r, 0) }
        let list = try VPRAnalyzerBinary.run(["history", "list", "--history", history.path])
        XCTAssertEqual(list.stdout.split(separator: "\n").dropFirst().map { $0.split(separator: "\t")[0] }, ["1", "2"], list.stdout)
        let summaries = try [0, 1].map { try String(contentsOf: root.appendingPathComponent("out\($0)/summary.md"), encoding: .utf8) }
        XCTAssertEqual(summaries.filter { $0.contains("Это первый запуск в истории") }.count, 1)
        XCTAssertEqual(summaries.filter { $0.contains("Предыдущий запуск — № 1") }.count, 1)
    }

    func testARunKilledInsideItsTransactionLeavesNeitherRecordNorReports() throws {
        let district = try SampleSevenDistrict.get()
        let root = try temporaryFolder("history-killed")
        let history = root.appendingPathComponent("history.sqlite"), marker = root.appendingPathComponent("in-transaction")
        let output = root.appendingPathComponent("killed")
        let run = try VPRAnalyzerBinary.start(["analyze", district.input.path, "--out", output.path, "--date", "2025-10-01",
                                               "--history", history.path, "--quiet"],
                                              environment: ["VPR_ANALYZER_TEST_HOLD_TRANSACTION": marker.path])
        let deadline = Date().addingTimeInterval(120)
        while !FileManager.default.fileExists(atPath: marker.path) && Date() < deadline { Thread.sleep(forTimeInterval: 0.05) }
        XCTAssertTrue(FileManager.default.fileExists(atPath: marker.path), "the run reached its transaction")
        run.kill()
        _ = try run.wait()
        XCTAssertFalse(FileManager.default.fileExists(atPath: output.appendingPathComponent("risk-list.csv").path))
        let list = try VPRAnalyzerBinary.run(["history", "list", "--history", history.path])
        assertStatus(list, 0)
        XCTAssertTrue(list.stdout.contains("В истории нет запусков"), list.stdout)
        let next = try analyze(district.input, root.appendingPathComponent("next"), date: "2025-10-02", history: history)
        assertStatus(next, 0)
        let summary = try String(contentsOf: root.appendingPathComponent("next/summary.md"), encoding: .utf8)
        XCTAssertTrue(summary.contains("Запуск № 1 в истории"), "the killed run left no number behind")
    }
}
