import Foundation
import GRDB
import VPRAnalysis
import VPRReports

/// A recorded run as `vpr-analyzer history` lists it.
public struct RunSummary: Sendable, Hashable {
    public var id: Int64
    public var recordedAt: String
    public var reportDate: String
    public var assessmentYear: Int
    public var engineVersion: String
    public var inputFolder: String
    public var outputFolder: String
    public var schools: Int
    public var riskGroup: Int
}

/// One school's line of a recorded risk list.
public struct RecordedSchool: Sendable, Hashable {
    public var schoolID: String
    public var schoolName: String
    public var riskGroup: Bool
    public var riskScore: Int
    public var indicators: String
    public var isRepeat: Bool
}

/// How two recorded risk lists differ.
public struct HistoryDiff: Sendable, Hashable {
    public var from: Int64
    public var to: Int64
    /// In the second run's risk group only.
    public var entered: [String]
    /// In the first run's risk group, analysed by the second and not in its risk group.
    public var left: [String]
    /// In the first run's risk group and not analysed by the second (no results in its data).
    public var withoutData: [String]
    /// In both.
    public var stayed: [String]
}

extension HistoryStore {
    /// Every recorded run, oldest first.
    public func runs() throws -> [RunSummary] {
        try pool.read { db in
            try Row.fetchAll(db, sql: "SELECT * FROM run ORDER BY id").map { row in
                RunSummary(id: row["id"], recordedAt: row["recordedAt"], reportDate: row["reportDate"],
                           assessmentYear: row["assessmentYear"], engineVersion: row["engineVersion"],
                           inputFolder: row["inputFolder"], outputFolder: row["outputFolder"], schools: row["schools"],
                           riskGroup: row["riskGroup"])
            }
        }
    }

    /// The manifest of a run, or nil when there is no such run.
    public func manifest(of runID: Int64) throws -> RunManifest? {
        try pool.read { db in
            guard let text = try String.fetchOne(db, sql: "SELECT manifest FROM run WHERE id = ?", arguments: [runID]) else {
                return nil
            }
            return try JSONDecoder().decode(RunManifest.self, from: Data(text.utf8))
        }
    }

    /// A run's list: every school analysed, as `risk-list.csv` orders it.
    public func schools(of runID: Int64) throws -> [RecordedSchool] {
        try pool.read { db in
            try Row.fetchAll(db, sql: "SELECT * FROM schoolResult WHERE runId = ? ORDER BY riskScore DESC, schoolId",
                             arguments: [runID]).map { row in
                RecordedSchool(schoolID: row["schoolId"], schoolName: row["schoolName"], riskGroup: row["riskGroup"],
                               riskScore: row["riskScore"], indicators: row["indicators"], isRepeat: row["isRepeat"])
            }
        }
    }

    /// Compares the risk groups of two runs; nil when either run is missing.
    public func diff(_ from: Int64, _ to: Int64) throws -> HistoryDiff? {
        let known = Set(try runs().map(\.id))
        guard known.contains(from), known.contains(to) else { return nil }
        let a = Set(try schools(of: from).filter(\.riskGroup).map(\.schoolID))
        let second = try schools(of: to)
        let b = Set(second.filter(\.riskGroup).map(\.schoolID)), analysed = Set(second.map(\.schoolID))
        let gone = a.subtracting(b)
        return HistoryDiff(from: from, to: to, entered: b.subtracting(a).sorted(),
                           left: gone.filter { analysed.contains($0) }.sorted(),
                           withoutData: gone.filter { !analysed.contains($0) }.sorted(), stayed: a.intersection(b).sorted())
    }
}
