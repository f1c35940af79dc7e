/// One indicator of non-objective results: turns the analysis context into tests with p-values.
public protocol Indicator: Sendable {
    var code: IndicatorCode { get }
    func evaluate(_ context: AnalysisContext) -> [IndicatorTest]
}
