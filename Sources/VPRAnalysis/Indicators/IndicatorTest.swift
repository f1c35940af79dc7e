/// One statistical test of one indicator on one unit (school × work, school, or class),
/// with everything needed to explain it: statistic, p-value, effect size, figures and a Russian sentence.
public struct IndicatorTest: Hashable, Sendable, Codable {
    /// The fields, shared between copies until one of them changes (copy on write): a run's tests are moved
    /// between arrays (each indicator's, the run's one array, the decision's), and an array of references costs
    /// 8 bytes a test where the fields themselves take about 230.
    var storage: Storage

    public var code: IndicatorCode {
        get { storage.fields.code }
        _modify { makeUnique(); yield &storage.fields.code }
    }
    /// Sub-kind of the test within its indicator («raised», «lowered», «matched», «bunching»).
    public var direction: String {
        get { storage.fields.direction }
        _modify { makeUnique(); yield &storage.fields.direction }
    }
    public var category: RiskCategory {
        get { storage.fields.category }
        _modify { makeUnique(); yield &storage.fields.category }
    }
    public var scope: TestScope {
        get { storage.fields.scope }
        _modify { makeUnique(); yield &storage.fields.scope }
    }
    public var schoolID: String {
        get { storage.fields.schoolID }
        _modify { makeUnique(); yield &storage.fields.schoolID }
    }
    /// nil for tests pooled over all works of the school.
    public var work: Work? {
        get { storage.fields.work }
        _modify { makeUnique(); yield &storage.fields.work }
    }
    public var classLabel: String? {
        get { storage.fields.classLabel }
        _modify { makeUnique(); yield &storage.fields.classLabel }
    }
    public var participants: Int {
        get { storage.fields.participants }
        _modify { makeUnique(); yield &storage.fields.participants }
    }
    /// Whether the unit has enough data to be tested at all (minimum group sizes); ineligible tests never flag.
    public var eligible: Bool {
        get { storage.fields.eligible }
        _modify { makeUnique(); yield &storage.fields.eligible }
    }
    public var statisticName: String {
        get { storage.fields.statisticName }
        _modify { makeUnique(); yield &storage.fields.statisticName }
    }
    public var statistic: Double {
        get { storage.fields.statistic }
        _modify { makeUnique(); yield &storage.fields.statistic }
    }
    /// One-sided p-value of the test against its null model.
    public var pValue: Double {
        get { storage.fields.pValue }
        _modify { makeUnique(); yield &storage.fields.pValue }
    }
    public var effectName: String {
        get { storage.fields.effectName }
        _modify { makeUnique(); yield &storage.fields.effectName }
    }
    public var effectSize: Double {
        get { storage.fields.effectSize }
        _modify { makeUnique(); yield &storage.fields.effectSize }
    }
    /// Whether the effect is large enough to matter (materiality floor from the config).
    public var material: Bool {
        get { storage.fields.material }
        _modify { makeUnique(); yield &storage.fields.material }
    }
    /// One sentence in Russian saying what was seen, built when read.
    public var explanation: String {
        get { explanationSource.text }
        set { explanationSource = Explanation(text: newValue) }
    }
    /// What `explanation` is built from.
    public var explanationSource: Explanation {
        get { storage.fields.explanationSource }
        _modify { makeUnique(); yield &storage.fields.explanationSource }
    }
    public var figures: [Figure] {
        get { storage.fields.figures }
        _modify { makeUnique(); yield &storage.fields.figures }
    }
    /// Per-score curves for charts (observed and counterfactual counts), keyed by name.
    public var series: [String: [Double]] {
        get { storage.fields.series }
        _modify { makeUnique(); yield &storage.fields.series }
    }
    // Filled by the risk decision.
    /// Benjamini–Hochberg q-value over every deciding test of the run.
    public var qValue: Double? {
        get { storage.fields.qValue }
        _modify { makeUnique(); yield &storage.fields.qValue }
    }
    /// Holm-adjusted p-value within the school's family of deciding tests.
    public var schoolAdjustedP: Double? {
        get { storage.fields.schoolAdjustedP }
        _modify { makeUnique(); yield &storage.fields.schoolAdjustedP }
    }
    /// True when this test puts its school in the risk group.
    public var significant: Bool {
        get { storage.fields.significant }
        _modify { makeUnique(); yield &storage.fields.significant }
    }

    public init(code: IndicatorCode, direction: String, category: RiskCategory, scope: TestScope,
                schoolID: String, work: Work?, classLabel: String? = nil, participants: Int,
                eligible: Bool, statisticName: String, statistic: Double, pValue: Double,
                effectName: String, effectSize: Double, material: Bool, explanation: Explanation,
                figures: [Figure] = [], series: [String: [Double]] = [:]) {
        storage = Storage(Fields(
            code: code,
            direction: direction,
            category: category,
            scope: scope,
            schoolID: schoolID,
            work: work,
            classLabel: classLabel,
            participants: participants,
            eligible: eligible,
            statisticName: statisticName,
            statistic: statistic,
            pValue: pValue,
            effectName: effectName,
            effectSize: effectSize,
            material: material,
            explanationSource: explanation,
            figures: figures,
            series: series,
            qValue: nil,
            schoolAdjustedP: nil,
            significant: false))
    }

    /// As the memberwise initialiser, with the sentence already written.
    public init(code: IndicatorCode, direction: String, category: RiskCategory, scope: TestScope,
                schoolID: String, work: Work?, classLabel: String? = nil, participants: Int,
                eligible: Bool, statisticName: String, statistic: Double, pValue: Double,
                effectName: String, effectSize: Double, material: Bool, explanation: String,
                figures: [Figure] = [], series: [String: [Double]] = [:]) {
        self.init(code: code, direction: direction, category: category, scope: scope, schoolID: schoolID, work: work,
                  classLabel: classLabel, participants: participants, eligible: eligible, statisticName: statisticName,
                  statistic: statistic, pValue: pValue, effectName: effectName, effectSize: effectSize,
                  material: material, explanation: Explanation(text: explanation), figures: figures, series: series)
    }

    /// The value of a named figure, if present.
    public func figure(_ name: String) -> Double? { figures.first { $0.name == name }?.value }
}
