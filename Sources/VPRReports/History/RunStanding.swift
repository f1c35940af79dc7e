/// A school's place in one run of the current assessment year: whether that run put it in the risk group, with what
/// risk score and indicators. The rows of the «по запускам» table, for a district that runs the analysis monthly.
public struct RunStanding: Hashable, Sendable, Codable {
    /// The run's number in the history; nil for the run being written when it is not recorded.
    public var runID: Int64?
    public var runDate: String
    public var riskGroup: Bool
    public var riskScore: Int
    /// Indicator codes as in `risk-list.csv` («BOUNDARY|JOURNAL»).
    public var indicators: String

    public init(runID: Int64?, runDate: String, riskGroup: Bool, riskScore: Int, indicators: String) {
        self.runID = runID
        self.runDate = runDate
        self.riskGroup = riskGroup
        self.riskScore = riskScore
        self.indicators = indicators
    }
}
