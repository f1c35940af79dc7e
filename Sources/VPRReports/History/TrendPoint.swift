import VPRAnalysis

/// One school's figures on one work as one run saw them: a point of the multi-year trend.
public struct TrendPoint: Hashable, Sendable, Codable {
    public var schoolID: String
    public var work: Work
    /// The run the point was recorded by (0 for the run being written).
    public var runID: Int64
    public var runDate: String
    public var participants: Int
    /// Share of marks «4» and «5».
    public var share45: Double
    public var meanScore: Double
    /// BOUNDARY's share of pulled borderline papers, when it was tested.
    public var pulledShare: Double?
    /// Journal comparison: shares lowered and raised among participants with both marks.
    public var lowered: Double?
    public var raised: Double?

    public init(schoolID: String, work: Work, runID: Int64, runDate: String, participants: Int, share45: Double,
                meanScore: Double, pulledShare: Double?, lowered: Double?, raised: Double?) {
        self.schoolID = schoolID
        self.work = work
        self.runID = runID
        self.runDate = runDate
        self.participants = participants
        self.share45 = share45
        self.meanScore = meanScore
        self.pulledShare = pulledShare
        self.lowered = lowered
        self.raised = raised
    }
}

extension ReportModel {
    /// The trend points of this run: every school and work analysed.
    public func trendPoints(runID: Int64 = 0) -> [TrendPoint] {
        let tallies = self.tallies()
        return tallies.bySchool.keys.sorted { ($0.id, $0.work) < ($1.id, $1.work) }.map { key in
            let t = tallies.bySchool[key]!
            let n = max(t.participants, 1)
            let boundary = analysis.test(.boundary, school: key.id, scope: .schoolWork, work: key.work)
            let journal = t.journal.total > 0 ? t.journalShares : nil
            return TrendPoint(schoolID: key.id, work: key.work, runID: runID, runDate: options.date,
                              participants: t.participants, share45: Double(t.marks[2] + t.marks[3]) / Double(n),
                              meanScore: Double(t.scores.enumerated().reduce(0) { $0 + $1.offset * $1.element })
                                  / Double(max(t.scores.reduce(0, +), 1)),
                              pulledShare: boundary?.effectSize, lowered: journal?.lowered, raised: journal?.raised)
        }
    }
}
