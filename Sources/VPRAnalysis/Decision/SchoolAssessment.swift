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
    /// The school's p-value: the smallest weighted-Holm-adjusted p of its material deciding tests.
    public var schoolPValue: Double
    /// Benjamini–Hochberg q-value of the school's p-value across all schools of the run.
    public var schoolQValue: Double
    /// The tests that put the school in the risk group, strongest first.
    public var evidence: [IndicatorTest]
}
