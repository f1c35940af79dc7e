/// The outcome of the compute and decide stages: every test and the decision for every school.
public struct Analysis: Sendable {
    public var config: AnalysisConfig
    public var works: [WorkSummary]
    /// Every school with results, sorted as `risk-list.csv` is: score descending, then id.
    public var schools: [SchoolAssessment]
    /// Every school-level and (school, work) test, deciding and explanatory, in a deterministic order.
    public internal(set) var tests: [IndicatorTest]
    /// The class-level tests (`TestScope.classGroup`), built after the decision for the schools a report shows in
    /// detail (`ClassTestSelection`). Kept apart from `tests` so that adding them never copies the region's tests.
    public internal(set) var classTests: [IndicatorTest] = []
    /// The counts of every (school, work) the run analysed (`AnalysisContext.tallies`), for the reports' tables
    /// and charts; empty for an analysis assembled by hand.
    public internal(set) var tallies: [SchoolWorkKey: ResultTally] = [:]
    /// Indicators that could not run, or ran on less than they need, for the data given.
    public var limitations: [IndicatorLimitation] = []
    /// Positions per school in `tests` followed by `classTests` (`test(at:)`), so reports look a school's tests up
    /// without scanning the region.
    var positions: [String: [Int]]

    public init(config: AnalysisConfig, works: [WorkSummary], schools: [SchoolAssessment], tests: [IndicatorTest]) {
        self.config = config
        self.works = works
        self.schools = schools
        self.tests = tests
        var positions: [String: [Int]] = [:]
        for (i, t) in tests.enumerated() { positions[t.schoolID, default: []].append(i) }
        self.positions = positions
    }

    /// Schools in the risk group, in list order.
    public var riskGroup: [SchoolAssessment] { schools.filter(\.riskGroup) }

    /// The tests of one school, class-level ones included, each class test right after its unit's own test.
    public func tests(of schoolID: String) -> [IndicatorTest] { (positions[schoolID] ?? []).map(test(at:)) }

    /// The test at a position of `positions`: in `tests`, or past its end in `classTests`.
    func test(at position: Int) -> IndicatorTest {
        position < tests.count ? tests[position] : classTests[position - tests.count]
    }

    /// The first test of a school matching the indicator, scope, work and (optionally) direction.
    public func test(_ code: IndicatorCode, school schoolID: String, scope: TestScope, work: Work?,
                     direction: String? = nil) -> IndicatorTest? {
        func matches(_ t: borrowing IndicatorTest) -> Bool {
            t.code == code && t.scope == scope && t.work == work && (direction == nil || t.direction == direction)
        }
        // Each candidate is looked at in place; only the match is copied out.
        for i in positions[schoolID] ?? [] where i < tests.count ? matches(tests[i]) : matches(classTests[i - tests.count]) {
            return test(at: i)
        }
        return nil
    }
}
