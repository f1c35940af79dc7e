import VPRAnalysis

/// What the history of earlier runs says about this run: which schools entered or left the risk list since
/// the previous run, which are flagged again («повторно»), and each school's figures over the years.
/// Built by the history store; the reports only lay it out.
public struct HistoryView: Sendable, Hashable {
    /// An earlier run: its number in the history, report date, and the schools it put in the risk group.
    public struct RunReference: Sendable, Hashable, Codable {
        public var id: Int64
        public var date: String
        public var riskGroup: [String]

        public init(id: Int64, date: String, riskGroup: [String]) {
            self.id = id
            self.date = date
            self.riskGroup = riskGroup
        }
    }

    /// The run being written: its number in the history (nil when it is not recorded).
    public var runID: Int64?
    public var previous: RunReference?
    /// In the risk group now, not in the previous run's; sorted.
    public var entered: [String] = []
    /// In the previous run's risk group, not now; sorted.
    public var left: [String] = []
    /// For every school of the current risk group that was in the risk group in an earlier assessment year:
    /// those years, ascending.
    public var earlierRiskYears: [String: [Int]] = [:]
    /// Per school: trend points of earlier runs (the latest run for each work) and of this run, by work.
    public var trends: [String: [TrendPoint]] = [:]

    public init(runID: Int64?, previous: RunReference?, currentRiskGroup: [String], currentYear: Int,
                riskYears: [String: Set<Int>], earlierPoints: [TrendPoint], currentPoints: [TrendPoint]) {
        self.runID = runID
        self.previous = previous
        let now = Set(currentRiskGroup)
        if let previous {
            let before = Set(previous.riskGroup)
            entered = now.subtracting(before).sorted()
            left = before.subtracting(now).sorted()
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
    }

    /// True when the school is in the risk group now and was in an earlier assessment year too.
    public func isRepeat(_ schoolID: String) -> Bool { earlierRiskYears[schoolID] != nil }

    /// Trend rows of a school that span more than one year for some subject and grade.
    public func multiYearTrend(of schoolID: String) -> [TrendPoint] {
        let points = trends[schoolID] ?? []
        let spans = Dictionary(grouping: points) { "\($0.work.subject)|\($0.work.grade)" }.filter { $0.value.count > 1 }
        return points.filter { spans["\($0.work.subject)|\($0.work.grade)"] != nil }
    }
}
