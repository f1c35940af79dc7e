import Foundation
import GRDB
import XCTest
import VPRAnalysis
@testable import VPRHistory
import VPRReports

/// The history of runs: what changed since the previous run, repeat flags across assessment years, trends,
/// diffs, regeneration as of a run, and safety: failed runs record nothing, concurrent runs are serialised.
final class HistoryStoreTests: XCTestCase {
    private var folder: URL!
    private var path: String { folder.appendingPathComponent("history.sqlite").path }

    override func setUpWithError() throws { folder = try HistoryFixture.temporaryFolder() }
    override func tearDown() { try? FileManager.default.removeItem(at: folder) }

    func testTheFirstRunHasNoPreviousRunAndNoRepeats() throws {
        let store = try HistoryStore(path: path)
        let (id, view) = try HistoryFixture.record(store, HistoryFixture.model(year: 2025, date: "2025-10-01", riskGroup: ["sch1"]))
        XCTAssertEqual(id, 1)
        XCTAssertNil(view.previous)
        XCTAssertTrue(view.entered.isEmpty && view.left.isEmpty)
        XCTAssertFalse(view.isRepeat("sch1"))
    }

    func testASecondRunSaysWhichSchoolsEnteredAndWhichLeft() throws {
        let store = try HistoryStore(path: path)
        try HistoryFixture.record(store, HistoryFixture.model(year: 2025, date: "2025-10-01", riskGroup: ["sch1", "sch2"]))
        let (id, view) = try HistoryFixture.record(store, HistoryFixture.model(year: 2025, date: "2025-11-01", riskGroup: ["sch2", "sch3"]))
        XCTAssertEqual(id, 2)
        XCTAssertEqual(view.previous, HistoryView.RunReference(id: 1, date: "2025-10-01", riskGroup: ["sch1", "sch2"],
                                                               names: ["sch1": "Школа sch1", "sch2": "Школа sch2"]))
        XCTAssertEqual(view.entered, ["sch3"])
        XCTAssertEqual(view.left, ["sch1"])
        XCTAssertTrue(view.earlierRiskYears.isEmpty, "the same assessment year twice is not a repeat")
        let diff = try XCTUnwrap(store.diff(1, 2))
        XCTAssertEqual(diff.entered, view.entered)
        XCTAssertEqual(diff.left, view.left)
        XCTAssertEqual(diff.stayed, ["sch2"])
        XCTAssertNil(try store.diff(1, 7))
    }

    func testASchoolFlaggedInAnEarlierAssessmentYearIsARepeat() throws {
        let store = try HistoryStore(path: path)
        try HistoryFixture.record(store, HistoryFixture.model(year: 2023, date: "2023-10-01", riskGroup: ["sch1"]))
        try HistoryFixture.record(store, HistoryFixture.model(year: 2024, date: "2024-10-01", riskGroup: ["sch1", "sch2"]))
        var model = HistoryFixture.model(year: 2025, date: "2025-10-01", riskGroup: ["sch1", "sch3"])
        let (_, view) = try HistoryFixture.record(store, model)
        XCTAssertEqual(view.earlierRiskYears, ["sch1": [2023, 2024]])
        model.attach(view)
        XCTAssertEqual(model.rows.first { $0.schoolID == "sch1" }?.cells.last, "1")
        XCTAssertEqual(model.rows.first { $0.schoolID == "sch3" }?.cells.last, "0")
        XCTAssertEqual(model.rows.first { $0.schoolID == "sch2" }?.cells.last, "0", "not in the risk group now")
        XCTAssertEqual(try store.schools(of: 3).first { $0.schoolID == "sch1" }?.isRepeat, true)
    }

    func testOneRunOverTwoYearsMakesARepeatOfASchoolFlaggedInBoth() throws {
        let store = try HistoryStore(path: path)
        // sch1 is flagged in the works of 2024 and 2025, sch2 only in 2025, sch3 only in 2024 (no flag this year).
        var model = HistoryFixture.model(years: [2024, 2025], date: "2025-10-01", riskGroup: ["sch1", "sch2", "sch3"],
                                         flaggedYears: ["sch1": [2024, 2025], "sch2": [2025], "sch3": [2024]])
        let (_, view) = try HistoryFixture.record(store, model)
        XCTAssertEqual(view.earlierRiskYears, ["sch1": [2024]])
        model.attach(view)
        XCTAssertEqual(model.rows.map { "\($0.schoolID)=\($0.cells.last!)" }.sorted(), ["sch1=1", "sch2=0", "sch3=0"])
        XCTAssertEqual(try store.schools(of: 1).filter(\.isRepeat).map(\.schoolID), ["sch1"])
        XCTAssertTrue(view.multiYearTrend(of: "sch1").map(\.work.year) == [2024, 2025], "both years' figures from one run")
    }

    func testAnEarlierRunAndThisRunsOwnEarlierYearAddUp() throws {
        let store = try HistoryStore(path: path)
        try HistoryFixture.record(store, HistoryFixture.model(year: 2023, date: "2023-10-01", riskGroup: ["sch1"]))
        let model = HistoryFixture.model(years: [2024, 2025], date: "2025-10-01", riskGroup: ["sch1"],
                                         flaggedYears: ["sch1": [2024, 2025]])
        let (_, view) = try HistoryFixture.record(store, model)
        XCTAssertEqual(view.earlierRiskYears, ["sch1": [2023, 2024]])
    }

    func testASchoolWithoutResultsNowHasNoDataRatherThanLeavingAndKeepsItsRecordedName() throws {
        let store = try HistoryStore(path: path)
        try HistoryFixture.record(store, HistoryFixture.model(year: 2025, date: "2025-10-01", riskGroup: ["sch1", "sch3"]))
        // November: sch3 has sent nothing (and is gone from schools.csv); sch1 is analysed and no longer flagged.
        let (_, view) = try HistoryFixture.record(store, HistoryFixture.model(year: 2025, date: "2025-11-01", riskGroup: ["sch2"],
                                                                              schools: ["sch1", "sch2"]))
        XCTAssertEqual(view.left, ["sch1"])
        XCTAssertEqual(view.withoutData, ["sch3"])
        XCTAssertEqual(view.previous?.names["sch3"], "Школа sch3", "the name as the October run recorded it")
        let diff = try XCTUnwrap(store.diff(1, 2))
        XCTAssertEqual(diff.left, ["sch1"])
        XCTAssertEqual(diff.withoutData, ["sch3"])
        XCTAssertEqual(diff.entered, ["sch2"])
    }

    func testMonthlyRunsOfOneYearGiveEachRiskGroupSchoolsStandingRunByRun() throws {
        let store = try HistoryStore(path: path)
        try HistoryFixture.record(store, HistoryFixture.model(year: 2024, date: "2024-10-01", riskGroup: ["sch1"]))
        try HistoryFixture.record(store, HistoryFixture.model(year: 2025, date: "2025-10-01", riskGroup: []))
        try HistoryFixture.record(store, HistoryFixture.model(year: 2025, date: "2025-11-01", riskGroup: ["sch1"]))
        let model = HistoryFixture.model(year: 2025, date: "2025-12-01", riskGroup: ["sch1", "sch2"])
        let (id, view) = try HistoryFixture.record(store, model)
        XCTAssertEqual(view.runTrend(of: "sch1"), [
            RunStanding(runID: 2, runDate: "2025-10-01", riskGroup: false, riskScore: 10, indicators: ""),
            RunStanding(runID: 3, runDate: "2025-11-01", riskGroup: true, riskScore: 80, indicators: "BOUNDARY"),
            RunStanding(runID: 4, runDate: "2025-12-01", riskGroup: true, riskScore: 80, indicators: "BOUNDARY"),
        ], "the runs of 2025 only, this one last")
        XCTAssertEqual(view.runTrend(of: "sch2").map(\.runID), [2, 3, 4])
        XCTAssertTrue(view.runTrend(of: "sch3").isEmpty, "not in the risk group now")
        XCTAssertEqual(view.multiYearTrend(of: "sch1").map(\.runDate), ["2024-10-01", "2025-12-01"],
                       "the trend by year keeps one point a year, the latest run's")
        XCTAssertEqual(try store.view(for: model, asOfRun: id), view, "a rerun sees the same runs")
    }

    func testTrendsCarryEachEarlierYearsFiguresOfARiskGroupSchool() throws {
        let store = try HistoryStore(path: path)
        try HistoryFixture.record(store, HistoryFixture.model(year: 2024, date: "2024-10-01", riskGroup: [], scoreShift: 0))
        let model = HistoryFixture.model(year: 2025, date: "2025-10-01", riskGroup: ["sch2"], scoreShift: 3)
        let (_, view) = try HistoryFixture.record(store, model)
        let trend = view.multiYearTrend(of: "sch2")
        XCTAssertEqual(trend.map(\.work.year), [2024, 2025])
        XCTAssertEqual(trend.map(\.runDate), ["2024-10-01", "2025-10-01"])
        // sch2 (index 1): scores (k + 1 + shift) % 11 for k in 0..<10.
        let mean2024 = Double((0..<10).map { min(10, ($0 + 1) % 11) }.reduce(0, +)) / 10
        XCTAssertEqual(trend[0].meanScore, mean2024, accuracy: 1e-12)
        XCTAssertEqual(trend[0].participants, 10)
        XCTAssertEqual(trend[1].lowered ?? -1, Double(model.ingest.dataset!.results.filter { $0.schoolID == "sch2" && $0.mark < 4 }.count) / 10,
                       accuracy: 1e-12)
        XCTAssertTrue(view.multiYearTrend(of: "sch1").isEmpty, "trends are kept for the risk group's schools")
    }

    func testTheViewAsOfARecordedRunIsTheViewThatRunWroteItsReportsWith() throws {
        let store = try HistoryStore(path: path)
        try HistoryFixture.record(store, HistoryFixture.model(year: 2024, date: "2024-10-01", riskGroup: ["sch1"]))
        let model = HistoryFixture.model(year: 2025, date: "2025-10-01", riskGroup: ["sch1", "sch2"])
        let (id, recorded) = try HistoryFixture.record(store, model)
        try HistoryFixture.record(store, HistoryFixture.model(year: 2025, date: "2025-11-01", riskGroup: []))
        XCTAssertEqual(try store.view(for: model, asOfRun: id), recorded)
    }

    func testAFailedPublicationRecordsNothing() throws {
        let store = try HistoryStore(path: path)
        struct DiskFull: Error {}
        let model = HistoryFixture.model(year: 2025, date: "2025-10-01", riskGroup: ["sch1"])
        XCTAssertThrowsError(try store.record(HistoryFixture.manifest(model), model: model, outputFolder: "out") { _ in throw DiskFull() })
        XCTAssertTrue(try store.runs().isEmpty)
        let (id, view) = try HistoryFixture.record(store, model)
        XCTAssertEqual(id, 1, "the failed run left no number behind")
        XCTAssertNil(view.previous)
    }

    func testTheManifestRoundTripsAndAChangedFileIsNamed() throws {
        let store = try HistoryStore(path: path)
        let input = folder.appendingPathComponent("input")
        try FileManager.default.createDirectory(at: input, withIntermediateDirectories: true)
        try Data("year;school_id\n".utf8).write(to: input.appendingPathComponent("results.csv"))
        let model = HistoryFixture.model(year: 2025, date: "2025-10-01", riskGroup: ["sch1"])
        let manifest = try RunManifest.make(options: model.options, config: AnalysisConfig(), folder: input, dossierSchool: "sch1",
                                            files: model.ingest.files)
        // python3 -c "import hashlib;print(hashlib.sha256(b'year;school_id\n').hexdigest())"
        XCTAssertEqual(manifest.files.first?.sha256, "ebc1573148e88cc7a2130c0f14685a206326d3a469c44f7e6fd1df44af95d132")
        XCTAssertEqual(manifest.files.first?.size, 15)
        let id = try store.record(manifest, model: model, outputFolder: "out") { _ in }
        XCTAssertEqual(try store.manifest(of: id), manifest)
        XCTAssertTrue(manifest.changedFiles(in: input, read: ["results.csv"]).isEmpty)
        try Data("year;school_id\n2025;sch9\n".utf8).write(to: input.appendingPathComponent("results.csv"))
        XCTAssertEqual(manifest.changedFiles(in: input, read: ["results.csv"]).count, 1)
        XCTAssertTrue(manifest.changedFiles(in: input, read: ["results.csv"])[0].hasPrefix("results.csv: содержимое изменилось"))
    }

    func testAFileAddedToTheFolderSinceTheRunIsNamedToo() throws {
        let input = folder.appendingPathComponent("input")
        try FileManager.default.createDirectory(at: input, withIntermediateDirectories: true)
        try Data("year;school_id\n".utf8).write(to: input.appendingPathComponent("results.csv"))
        let model = HistoryFixture.model(year: 2025, date: "2025-10-01", riskGroup: [])
        let manifest = try RunManifest.make(options: model.options, config: AnalysisConfig(), folder: input, dossierSchool: nil,
                                            files: model.ingest.files)
        // The ingest now also reads a Ф1 workbook and a schools table put into the folder after the run.
        let changed = manifest.changedFiles(in: input, read: ["results.csv", "Математика 5.xlsx", "schools.csv"])
        XCTAssertEqual(changed, ["schools.csv: новый файл, в записанном запуске его не было",
                                 "Математика 5.xlsx: новый файл, в записанном запуске его не было"])
        try FileManager.default.removeItem(at: input.appendingPathComponent("results.csv"))
        XCTAssertEqual(manifest.changedFiles(in: input, read: []), ["results.csv: файла нет"])
    }

    func testADifferentEngineVersionIsSaidAndTheSameIsNot() {
        let model = HistoryFixture.model(year: 2025, date: "2025-10-01", riskGroup: [])
        let manifest = HistoryFixture.manifest(model)   // recorded by the engine «test»
        XCTAssertEqual(manifest.engineWarning(current: "0.2.0"), "Запуск записан версией анализатора test, сейчас работает версия 0.2.0: "
                       + "показатели и отчёты могут отличаться от прежних.")
        XCTAssertNil(manifest.engineWarning(current: "test"))
    }

    func testShowPrintsTheOptionsGivenAndTheSettingsThatDifferFromTheDefaults() {
        var model = HistoryFixture.model(year: 2025, date: "2025-10-01", riskGroup: [])
        model.options.orderNumber = "15-о"
        model.options.authority = "Комитета по образованию"
        var manifest = HistoryFixture.manifest(model)
        XCTAssertEqual(manifest.optionArguments, "--date 2025-10-01 --authority \"Комитета по образованию\" --order-number 15-о")
        XCTAssertEqual(manifest.settingsDifferences(), [])
        manifest.config.decision.falseDiscoveryRate = 0.1
        manifest.dossierSchool = "sch1"
        XCTAssertEqual(manifest.settingsDifferences(), ["decision.falseDiscoveryRate = 0.1 (по умолчанию 0.05)"])
        XCTAssertTrue(manifest.optionArguments.hasSuffix("--school sch1"))
    }

    func testTheSchemaIsMigratedFromTheFirstVersionAndTheJournalIsWAL() throws {
        _ = try HistoryStore(path: path)
        let queue = try DatabaseQueue(path: path)
        let applied = try queue.read { try HistoryStore.migrator.appliedIdentifiers($0) }
        XCTAssertEqual(applied, ["v1"])
        XCTAssertEqual(try queue.read { try String.fetchOne($0, sql: "PRAGMA journal_mode") }, "wal")
    }

    func testSeveralProcessesOpeningANewHistoryAtOnceCreateItOnce() throws {
        // Each opening has its own connection pool and its own descriptor of the lock file, as processes would; a race
        // lost once in a few tries, so ten fresh files.
        for attempt in 0..<10 {
            let path = folder.appendingPathComponent("fresh-\(attempt).sqlite").path
            let failures = LockedViews()
            DispatchQueue.concurrentPerform(iterations: 8) { _ in
                do { _ = try HistoryStore(path: path) } catch { failures.fail("\(error)") }
            }
            XCTAssertEqual(failures.errors, [], "file \(attempt)")
            let queue = try DatabaseQueue(path: path)
            XCTAssertEqual(try queue.read { try HistoryStore.migrator.appliedIdentifiers($0) }, ["v1"])
            XCTAssertEqual(try queue.read { try String.fetchOne($0, sql: "PRAGMA journal_mode") }, "wal")
        }
    }

    func testTwoRunsAtOnceAreSerialisedAndBothRecorded() throws {
        _ = try HistoryStore(path: path)
        let models = [HistoryFixture.model(year: 2025, date: "2025-10-01", riskGroup: ["sch1"]),
                      HistoryFixture.model(year: 2025, date: "2025-10-02", riskGroup: ["sch2"])]
        let path = self.path
        let views = LockedViews()
        DispatchQueue.concurrentPerform(iterations: 2) { i in
            do {
                // Each run opens its own connection pool, as two processes would.
                let store = try HistoryStore(path: path)
                let id = try store.record(HistoryFixture.manifest(models[i]), model: models[i], outputFolder: "out\(i)") { view in
                    Thread.sleep(forTimeInterval: 0.2)   // hold the transaction while "writing reports"
                    views.add(view)
                }
                XCTAssertGreaterThan(id, 0)
            } catch {
                XCTFail("run \(i) failed: \(error)")
            }
        }
        let store = try HistoryStore(path: path)
        XCTAssertEqual(try store.runs().map(\.id), [1, 2])
        let seen = views.all.sorted { ($0.runID ?? 0) < ($1.runID ?? 0) }
        XCTAssertNil(seen[0].previous, "the first run to commit saw an empty history")
        XCTAssertEqual(seen[1].previous?.id, 1, "the second saw the first: the runs did not interleave")
        let check = try DatabaseQueue(path: path).read { try String.fetchOne($0, sql: "PRAGMA integrity_check") }
        XCTAssertEqual(check, "ok")
    }
}

/// Views (and errors) collected from concurrent runs.
private final class LockedViews: @unchecked Sendable {
    private let lock = NSLock()
    private var views: [HistoryView] = []
    private var failures: [String] = []
    func add(_ v: HistoryView) { lock.lock(); views.append(v); lock.unlock() }
    func fail(_ message: String) { lock.lock(); failures.append(message); lock.unlock() }
    var all: [HistoryView] { lock.lock(); defer { lock.unlock() }; return views }
    var errors: [String] { lock.lock(); defer { lock.unlock() }; return failures }
}
