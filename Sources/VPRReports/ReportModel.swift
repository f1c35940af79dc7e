import VPRAnalysis

/// Everything the reports show, computed once: writers only lay it out, they do no statistics.
public struct ReportModel: Sendable {
    public var options: ReportOptions
    public var ingest: IngestOutcome
    public var analysis: Analysis
    public var rows: [RiskListRow]
    public var totals: RowTotals
    /// Whether the results span several years (then works are named with their year).
    public var multiYear: Bool
    /// What earlier runs say (what changed, repeat flags, trends); nil when no history is kept.
    public private(set) var history: HistoryView?
    /// The results counted by school, municipality and region (`tallies()`).
    private(set) var cachedTallies = ReportTallies()

    public init(ingest: IngestOutcome, analysis: Analysis, options: ReportOptions) {
        self.options = options
        self.ingest = ingest
        self.analysis = analysis
        let multiYear = Set(analysis.works.map(\.work.year)).count > 1
        self.multiYear = multiYear
        self.rows = analysis.schools.map { RiskListRow($0, multiYear: multiYear) }
        self.totals = RowTotals(ingest.files)
        self.cachedTallies = ReportTallies(self)
    }

    /// Attaches the history of earlier runs: the reports gain «what changed» and trends, the list its `repeat` column.
    public mutating func attach(_ history: HistoryView) {
        self.history = history
        for i in rows.indices { rows[i].isRepeat = history.isRepeat(rows[i].schoolID) }
    }

    /// The year the run assesses: the latest year of its works.
    public var assessmentYear: Int {
        (analysis.works.map(\.work.year) + (ingest.dataset?.works.keys.map(\.year) ?? [])).max() ?? 0
    }

    /// «Математика 5», or «Математика 5 (2025)» when several years are analysed.
    public func title(_ work: Work) -> String { Self.title(work, multiYear: multiYear) }

    static func title(_ work: Work, multiYear: Bool) -> String {
        multiYear ? "\(work.title) (\(work.year))" : work.title
    }
}

/// Rows read, used and rejected over all input files.
public struct RowTotals: Hashable, Sendable, Codable {
    public var read = 0, used = 0, rejected = 0, absent = 0

    init(_ files: [FileSummary]) {
        for f in files {
            read += f.rowsRead; used += f.rowsUsed; rejected += f.rowsRejected; absent += f.rowsAbsent
        }
    }
}

/// One line of the at-risk list, with the contract's columns.
public struct RiskListRow: Hashable, Sendable, Codable {
    public var schoolID: String
    public var schoolName: String
    public var municipality: String
    public var riskGroup: Bool
    public var riskScore: Int
    public var categories: String
    public var flaggedWorks: String
    public var indicators: String
    public var participants: Int
    /// In the risk group now and in an earlier assessment year («повторно»); nil without a history.
    public var isRepeat: Bool?

    init(_ a: SchoolAssessment, multiYear: Bool) {
        schoolID = a.school.id
        schoolName = a.school.name
        municipality = a.school.municipality
        riskGroup = a.riskGroup
        riskScore = a.riskScore
        categories = a.categories.map(\.rawValue).joined(separator: "|")
        flaggedWorks = a.flaggedWorks.map { ReportModel.title($0, multiYear: multiYear) }.joined(separator: "|")
        indicators = a.indicators.map(\.rawValue).joined(separator: "|")
        participants = a.participants
    }

    /// The contract's column names, in order.
    public static let header = ["school_id", "school_name", "municipality", "risk_group", "risk_score",
                                "categories", "flagged_works", "indicators", "participants", "repeat"]

    public var cells: [String] {
        [schoolID, schoolName, municipality, riskGroup ? "1" : "0", String(riskScore),
         categories, flaggedWorks, indicators, String(participants), isRepeat.map { $0 ? "1" : "0" } ?? ""]
    }
}
