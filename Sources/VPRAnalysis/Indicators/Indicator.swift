/// One indicator of non-objective results: turns the analysis context into tests with p-values.
public protocol Indicator: Sendable {
    var code: IndicatorCode { get }
    /// The indicator's deciding tests of every unit, and what builds its class-level tests on request.
    func evaluation(_ context: AnalysisContext) -> IndicatorEvaluation
}

extension Indicator {
    /// Every test of the indicator, the class-level tests of every school included (the deciding ones first).
    public func evaluate(_ context: AnalysisContext) -> [IndicatorTest] {
        let e = evaluation(context)
        return e.tests + e.classTests(of: nil)
    }
}
