/// The decision about one school: whether it enters the risk group, its score, and the evidence.
public struct SchoolAssessment: Hashable, Sendable, Codable {
    public var school: School
    public var riskGroup: Bool
    /// 0–100; 50 or more exactly when the school is in the risk group.
    public var riskScore: Int
    public var categories: [RiskCategory]
    /// Works named in the flags («Математика 5»), sorted.
    public var flaggedWorks: [Work]
    public var indicators: [IndicatorCode]
    /// Result rows (participant × work) of the school.
    public var participants: Int
    /// Smallest Holm-adjusted p-value among the school's deciding tests.
    public var smallestAdjustedP: Double
    /// The tests that put the school in the risk group, strongest first.
    public var evidence: [IndicatorTest]
}
