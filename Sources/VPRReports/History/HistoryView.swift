import VPRAnalysis

/// What the history of earlier runs says about this run: which schools entered or left the risk list since
/// the previous run, which are flagged again («повторно»), and each school's figures over the years and over
/// the runs of this year. Built by the history store; the reports only lay it out.
public struct HistoryView: Sendable, Hashable {
    /// An earlier run: its number in the history, report date, and the schools it put in the risk group, with the
    /// names it recorded for them (for a school that is no longer in `schools.csv`).
    public struct RunReference: Sendable, Hashable, Codable {
        public var id: Int64
        public var date: String
        public var riskGroup: [String]
        /// School names as the run recorded them, by code (names that were empty are left out).
        public var names: [String: String]

        public init(id: Int64, date: String, riskGroup: [String], names: [String: String] = [:]) {
            self.id = id
            self.date = date
            self.riskGroup = riskGroup
            self.names = names
        }
    }

    /// The run being written: its number in the history (nil when it is not recorded).
    public var runID: Int64?
    public var previous: RunReference?
    /// In the risk group now, not in the previous run's; sorted.
    public var entered: [String] = []
    /// In the previous run's risk group, analysed now and not in the risk group; sorted.
    public var left: [String] = []
    /// In the previous run's risk group, but without results in this run (not analysed now): whether they would
    /// still be flagged is unknown; sorted.
    public var withoutData: [String] = []
    /// For every school of the current risk group that was in the risk group in an earlier assessment year (by an
    /// earlier run, or by this run's flags in works of that year): those years, ascending.
    public var earlierRiskYears: [String: [Int]] = [:]
    /// Per school: trend points of earlier runs (the latest run for each work) and of this run, by work.
    public var trends: [String: [TrendPoint]] = [:]
    /// Per school of the current risk group: its standing in every run of the current assessment year that analysed
    /// it, oldest first, this run last.
    public var standings: [String: [RunStanding]] = [:]

    /// - Parameters:
    ///   - currentSchools: every school analysed now (a school of the previous risk group that is not among them
    ///     has no data in this run, it did not leave the list).
    ///   - riskYears: assessment years in which each school was in the risk group: of earlier runs, and of this
    ///     run's own flags (`ReportModel.earlierFlaggedYears()`); only years before `currentYear` count.
    ///   - standings: per school, its standing in the runs of the current assessment year, oldest first.
    public init(runID: Int64?, previous: RunReference?, currentRiskGroup: [String], currentSchools: [String],
                currentYear: Int, riskYears: [String: Set<Int>], earlierPoints: [TrendPoint], currentPoints: [TrendPoint],
                standings: [String: [RunStanding]] = [:]) {
        self.runID = runID
        self.previous = previous
        let now = Set(currentRiskGroup)
        if let previous {
            let before = Set(previous.riskGroup), analysed = Set(currentSchools)
            entered = now.subtracting(before).sorted()
            left = before.subtracting(now).filter { analysed.contains($0) }.sorted()
            withoutData = before.subtracting(analysed).sorted()
        }
        for id in now {
            let years = (riskYears[id] ?? []).filter { $0 < currentYear }
            if !years.isEmpty { earlierRiskYears[id] = years.sorted() }
        }
        // The newest point for every (school, work): a later run supersedes an earlier one's view of the same work.
        var latest: [String: [Work: TrendPoint]] = [:]
        for p in earlierPoints + currentPoints {
            if let old = latest[p.schoolID]?[p.work], old.runID != 0, p.runID != 0, old.runID > p.runID { continue }
            latest[p.schoolID, default: [:]][p.work] = p
        }
        for (school, byWork) in latest {
            trends[school] = byWork.values.sorted { ($0.work.subject, $0.work.grade, $0.work.year) < ($1.work.subject, $1.work.grade, $1.work.year) }
        }
        self.standings = standings.filter { now.contains($0.key) }
    }

    /// True when the school is in the risk group now and was in an earlier assessment year too.
    public func isRepeat(_ schoolID: String) -> Bool { earlierRiskYears[schoolID] != nil }

    /// Trend rows of a school that span more than one year for some subject and grade.
    public func multiYearTrend(of schoolID: String) -> [TrendPoint] {
        let points = trends[schoolID] ?? []
        let spans = Dictionary(grouping: points) { "\($0.work.subject)|\($0.work.grade)" }.filter { $0.value.count > 1 }
        return points.filter { spans["\($0.work.subject)|\($0.work.grade)"] != nil }
    }

    /// A school's standings in the runs of this assessment year, when there are two or more; else empty.
    public func runTrend(of schoolID: String) -> [RunStanding] {
        let runs = standings[schoolID] ?? []
        return runs.count > 1 ? runs : []
    }
}
