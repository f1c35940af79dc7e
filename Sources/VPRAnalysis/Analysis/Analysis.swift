/// The outcome of the compute and decide stages: every test and the decision for every school.
public struct Analysis: Sendable {
    public var config: AnalysisConfig
    public var works: [WorkSummary]
    /// Every school with results, sorted as `risk-list.csv` is: score descending, then id.
    public var schools: [SchoolAssessment]
    /// Every indicator test, deciding and explanatory, in a deterministic order.
    public var tests: [IndicatorTest]

    /// Schools in the risk group, in list order.
    public var riskGroup: [SchoolAssessment] { schools.filter(\.riskGroup) }

    /// The tests of one school.
    public func tests(of schoolID: String) -> [IndicatorTest] { tests.filter { $0.schoolID == schoolID } }
}
