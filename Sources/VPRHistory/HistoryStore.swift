import Foundation
import GRDB
import VPRAnalysis
import VPRReports

/// The history of runs: an SQLite database (WAL journal) with each run's manifest, its risk list, the
/// evidence of every flag and each school's figures per work, so that later runs can say what changed,
/// which schools are flagged again, and how a school's results moved over the years.
///
/// A run is recorded in one IMMEDIATE transaction that also covers writing its reports: two runs at once
/// are serialised (the second waits and sees the first as its previous run), and a run that fails before
/// its reports are in place records nothing.
public final class HistoryStore: Sendable {
    public let path: String
    let pool: DatabasePool

    /// How long a run waits for another run's transaction before giving up.
    public static let busyTimeout: TimeInterval = 600

    /// Opens (creating when needed) and migrates the database at `path`. Processes opening one file at once take
    /// turns (`HistoryOpeningLock`), so a new file is created and migrated exactly once.
    public init(path: String) throws {
        self.path = path
        var configuration = Configuration()
        configuration.busyMode = .timeout(Self.busyTimeout)
        configuration.foreignKeysEnabled = true
        let lock = HistoryOpeningLock(historyPath: path)
        defer { withExtendedLifetime(lock) {} }
        pool = try DatabasePool(path: path, configuration: configuration)
        try Self.migrator.migrate(pool)
    }

    /// The schema, version by version. Never edit a shipped migration: add the next one.
    static var migrator: DatabaseMigrator {
        var migrator = DatabaseMigrator()
        migrator.registerMigration("v1") { db in
            try db.create(table: "run") { t in
                t.autoIncrementedPrimaryKey("id")
                t.column("recordedAt", .text).notNull()
                t.column("reportDate", .text).notNull()
                t.column("assessmentYear", .integer).notNull()
                t.column("engineVersion", .text).notNull()
                t.column("inputFolder", .text).notNull()
                t.column("outputFolder", .text).notNull()
                t.column("manifest", .text).notNull()
                t.column("schools", .integer).notNull()
                t.column("riskGroup", .integer).notNull()
            }
            try db.create(table: "inputFile") { t in
                t.belongsTo("run", onDelete: .cascade).notNull()
                t.column("name", .text).notNull()
                t.column("sha256", .text).notNull()
                t.column("size", .integer).notNull()
                t.column("rowsRead", .integer).notNull()
                t.column("rowsUsed", .integer).notNull()
                t.column("rowsRejected", .integer).notNull()
                t.primaryKey(["runId", "name"])
            }
            try db.create(table: "schoolResult") { t in
                t.belongsTo("run", onDelete: .cascade).notNull()
                t.column("schoolId", .text).notNull()
                t.column("schoolName", .text).notNull()
                t.column("municipality", .text).notNull()
                t.column("riskGroup", .boolean).notNull()
                t.column("riskScore", .integer).notNull()
                t.column("categories", .text).notNull()
                t.column("flaggedWorks", .text).notNull()
                t.column("indicators", .text).notNull()
                t.column("participants", .integer).notNull()
                t.column("isRepeat", .boolean).notNull()
                t.primaryKey(["runId", "schoolId"])
            }
            try db.create(table: "flag") { t in
                t.belongsTo("run", onDelete: .cascade).notNull()
                t.column("schoolId", .text).notNull()
                t.column("indicator", .text).notNull()
                t.column("year", .integer)
                t.column("subject", .text)
                t.column("grade", .integer)
                t.column("classLabel", .text)
                t.column("scope", .text).notNull()
                t.column("direction", .text).notNull()
                t.column("category", .text).notNull()
                t.column("statistic", .double)
                t.column("pValue", .double)
                t.column("adjustedP", .double)
                t.column("effect", .double)
                t.column("explanation", .text).notNull()
            }
            try db.create(index: "flagBySchool", on: "flag", columns: ["schoolId", "runId"])
            try db.create(table: "trendPoint") { t in
                t.belongsTo("run", onDelete: .cascade).notNull()
                t.column("schoolId", .text).notNull()
                t.column("year", .integer).notNull()
                t.column("subject", .text).notNull()
                t.column("grade", .integer).notNull()
                t.column("participants", .integer).notNull()
                t.column("share45", .double).notNull()
                t.column("meanScore", .double).notNull()
                t.column("pulledShare", .double)
                t.column("lowered", .double)
                t.column("raised", .double)
                t.primaryKey(["runId", "schoolId", "year", "subject", "grade"])
            }
        }
        return migrator
    }

    /// Records a run: computes its history view (against the runs recorded before it), lets `publish` write
    /// the reports with that view, and commits only when `publish` returns. Returns the run's number.
    @discardableResult
    public func record(_ manifest: RunManifest, model: ReportModel, outputFolder: String,
                       publish: (HistoryView) throws -> Void) throws -> Int64 {
        try pool.writeWithoutTransaction { db in
            var runID: Int64 = 0
            try db.inTransaction(.immediate) {
                let points = model.trendPoints()
                try db.execute(sql: """
                    INSERT INTO run (recordedAt, reportDate, assessmentYear, engineVersion, inputFolder, outputFolder,
                                     manifest, schools, riskGroup) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)
                    """, arguments: [ISO8601DateFormatter().string(from: Date()), manifest.options.date,
                                     model.assessmentYear, manifest.options.engineVersion, manifest.inputFolder,
                                     outputFolder, try Self.json(manifest), model.analysis.schools.count,
                                     model.analysis.riskGroup.count])
                runID = db.lastInsertedRowID
                let view = try Self.view(db, for: model, runID: runID, points: points)
                try Self.insert(db, runID: runID, manifest: manifest, model: model, view: view, points: points)
                try publish(view)
                return .commit
            }
            return runID
        }
    }

    /// The history view of a model as a given run saw it (the runs before `runID`), for regenerating that run's
    /// reports; without `runID`, as a new run would see it now.
    public func view(for model: ReportModel, asOfRun runID: Int64?) throws -> HistoryView {
        try pool.read { db in
            try Self.view(db, for: model, runID: runID ?? Int64.max, points: model.trendPoints(), recordedID: runID)
        }
    }

    static func view(_ db: Database, for model: ReportModel, runID: Int64, points: [TrendPoint],
                     recordedID: Int64? = nil) throws -> HistoryView {
        // The run's number: the recorded run regenerated, the run being recorded, or none (a view as a new run would see it).
        let number = recordedID ?? (runID == Int64.max ? nil : runID)
        var previous: HistoryView.RunReference?
        if let row = try Row.fetchOne(db, sql: "SELECT id, reportDate FROM run WHERE id < ? ORDER BY id DESC LIMIT 1",
                                      arguments: [runID]) {
            let id: Int64 = row["id"]
            let group = try Row.fetchAll(db, sql: "SELECT schoolId, schoolName FROM schoolResult WHERE runId = ? AND riskGroup ORDER BY schoolId",
                                         arguments: [id])
            var names: [String: String] = [:]
            for r in group where !(r["schoolName"] as String).isEmpty { names[r["schoolId"]] = r["schoolName"] }
            previous = HistoryView.RunReference(id: id, date: row["reportDate"], riskGroup: group.map { $0["schoolId"] },
                                                names: names)
        }
        // A school is «повторно» when it was in the risk group in an earlier assessment year: by an earlier run, or by
        // this run's own flags in works of an earlier year (a run over several years).
        var riskYears = model.earlierFlaggedYears()
        for row in try Row.fetchAll(db, sql: """
            SELECT s.schoolId AS school, r.assessmentYear AS year FROM schoolResult s JOIN run r ON r.id = s.runId
            WHERE s.riskGroup AND r.id < ?
            """, arguments: [runID]) {
            riskYears[row["school"], default: []].insert(row["year"])
        }
        let current = Set(model.analysis.riskGroup.map(\.school.id))
        let schools = current.sorted()
        var earlier: [TrendPoint] = []
        var standings: [String: [RunStanding]] = [:]
        if !schools.isEmpty {
            let marks = databaseQuestionMarks(count: schools.count)
            earlier = try Row.fetchAll(db, sql: """
                SELECT t.*, r.reportDate AS runDate FROM trendPoint t JOIN run r ON r.id = t.runId
                WHERE t.runId < ? AND t.schoolId IN (\(marks)) ORDER BY t.runId
                """, arguments: StatementArguments([runID] as [Int64]) + StatementArguments(schools)).map(Self.point)
            // The school's standing in every earlier run of this assessment year, then in this run.
            for row in try Row.fetchAll(db, sql: """
                SELECT s.schoolId, s.riskGroup, s.riskScore, s.indicators, r.id AS runId, r.reportDate FROM schoolResult s
                JOIN run r ON r.id = s.runId
                WHERE r.id < ? AND r.assessmentYear = ? AND s.schoolId IN (\(marks)) ORDER BY r.id
                """, arguments: StatementArguments([runID, Int64(model.assessmentYear)]) + StatementArguments(schools)) {
                standings[row["schoolId"], default: []].append(
                    RunStanding(runID: row["runId"], runDate: row["reportDate"], riskGroup: row["riskGroup"],
                                riskScore: row["riskScore"], indicators: row["indicators"]))
            }
            for r in model.rows where current.contains(r.schoolID) {
                standings[r.schoolID, default: []].append(
                    RunStanding(runID: number, runDate: model.options.date,
                                riskGroup: r.riskGroup, riskScore: r.riskScore, indicators: r.indicators))
            }
        }
        return HistoryView(runID: number, previous: previous, currentRiskGroup: model.analysis.riskGroup.map(\.school.id),
                           currentSchools: model.analysis.schools.map(\.school.id), currentYear: model.assessmentYear,
                           riskYears: riskYears, earlierPoints: earlier, currentPoints: points.filter { current.contains($0.schoolID) },
                           standings: standings)
    }

    static func point(_ row: Row) -> TrendPoint {
        TrendPoint(schoolID: row["schoolId"], work: Work(year: row["year"], subject: row["subject"], grade: row["grade"]),
                   runID: row["runId"], runDate: row["runDate"], participants: row["participants"],
                   share45: row["share45"], meanScore: row["meanScore"], pulledShare: row["pulledShare"],
                   lowered: row["lowered"], raised: row["raised"])
    }

    static func insert(_ db: Database, runID: Int64, manifest: RunManifest, model: ReportModel, view: HistoryView,
                       points: [TrendPoint]) throws {
        for f in manifest.files {
            try db.execute(sql: "INSERT INTO inputFile VALUES (?, ?, ?, ?, ?, ?, ?)",
                           arguments: [runID, f.name, f.sha256, f.size, f.rowsRead, f.rowsUsed, f.rowsRejected])
        }
        for (row, s) in zip(model.rows, model.analysis.schools) {
            try db.execute(sql: "INSERT INTO schoolResult VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                           arguments: [runID, row.schoolID, row.schoolName, row.municipality, row.riskGroup, row.riskScore,
                                       row.categories, row.flaggedWorks, row.indicators, row.participants,
                                       view.isRepeat(row.schoolID)])
            for t in s.evidence {
                try db.execute(sql: """
                    INSERT INTO flag (runId, schoolId, indicator, year, subject, grade, classLabel, scope, direction, category,
                                      statistic, pValue, adjustedP, effect, explanation) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                    """, arguments: [runID, s.school.id, t.code.rawValue, t.work?.year, t.work?.subject, t.work?.grade,
                                     t.classLabel, t.scope.rawValue, t.direction, t.category.rawValue,
                                     t.statistic.isFinite ? t.statistic : nil, t.pValue, t.schoolAdjustedP,
                                     t.effectSize.isFinite ? t.effectSize : nil, t.explanation])
            }
        }
        for p in points {
            try db.execute(sql: "INSERT INTO trendPoint VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                           arguments: [runID, p.schoolID, p.work.year, p.work.subject, p.work.grade, p.participants,
                                       p.share45, p.meanScore.isFinite ? p.meanScore : 0, p.pulledShare, p.lowered, p.raised])
        }
    }

    static func json<T: Encodable>(_ value: T) throws -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .prettyPrinted]
        return String(decoding: try encoder.encode(value), as: UTF8.self)
    }
}
