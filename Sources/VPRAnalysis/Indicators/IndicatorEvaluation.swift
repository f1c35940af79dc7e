/// What one indicator computed for a run: its deciding tests, and a builder of its class-level tests.
///
/// Class-level tests explain a flag and never decide (`TestScope.decides`), so a run builds them after the
/// decision and only for the schools a report shows in detail. The builder keeps what the indicator fitted for the
/// region (its nulls, a few numbers per work), never a test per class, and rebuilds a school's classes from its rows.
public struct IndicatorEvaluation: Sendable {
    public var tests: [IndicatorTest]
    private var classTestBuilder: (@Sendable (Set<String>?) -> [IndicatorTest])?

    /// `classTests` gets the schools whose class-level tests are wanted (nil: every school). The tests are kept in
    /// arrays of their own size (the test array and each test's figures), since they live until the reports are written.
    public init(tests: consuming [IndicatorTest], classTests: (@Sendable (Set<String>?) -> [IndicatorTest])? = nil) {
        // In place: the indicator's array is the only copy, so each test's figures are replaced one at a time.
        var tests = tests
        for i in tests.indices { tests[i].figures = tests[i].figures.exactlySized() }
        self.tests = tests.exactlySized()
        self.classTestBuilder = classTests
    }

    /// The class-level tests of the given schools (nil: every school), in the order of the indicator's units.
    public func classTests(of schools: Set<String>?) -> [IndicatorTest] {
        if let schools, schools.isEmpty { return [] }
        return classTestBuilder?(schools) ?? []
    }
}
