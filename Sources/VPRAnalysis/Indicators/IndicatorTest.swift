/// One statistical test of one indicator on one unit (school × work, school, or class),
/// with everything needed to explain it: statistic, p-value, effect size, figures and a Russian sentence.
public struct IndicatorTest: Hashable, Sendable, Codable {
    public var code: IndicatorCode
    /// Sub-kind of the test within its indicator («raised», «lowered», «matched», «bunching»).
    public var direction: String
    public var category: RiskCategory
    public var scope: TestScope
    public var schoolID: String
    /// nil for tests pooled over all works of the school.
    public var work: Work?
    public var classLabel: String?
    public var participants: Int
    /// Whether the unit has enough data to be tested at all (minimum group sizes); ineligible tests never flag.
    public var eligible: Bool
    public var statisticName: String
    public var statistic: Double
    /// One-sided p-value of the test against its null model.
    public var pValue: Double
    public var effectName: String
    public var effectSize: Double
    /// Whether the effect is large enough to matter (materiality floor from the config).
    public var material: Bool
    /// One sentence in Russian saying what was seen, built when read.
    public var explanation: String {
        get { explanationSource.text }
        set { explanationSource = Explanation(text: newValue) }
    }
    /// What `explanation` is built from.
    public var explanationSource: Explanation
    public var figures: [Figure]
    /// Per-score curves for charts (observed and counterfactual counts), keyed by name.
    public var series: [String: [Double]]

    // Filled by the risk decision.
    /// Benjamini–Hochberg q-value over every deciding test of the run.
    public var qValue: Double?
    /// Holm-adjusted p-value within the school's family of deciding tests.
    public var schoolAdjustedP: Double?
    /// True when this test puts its school in the risk group.
    public var significant: Bool

    public init(code: IndicatorCode, direction: String, category: RiskCategory, scope: TestScope,
                schoolID: String, work: Work?, classLabel: String? = nil, participants: Int,
                eligible: Bool, statisticName: String, statistic: Double, pValue: Double,
                effectName: String, effectSize: Double, material: Bool, explanation: Explanation,
                figures: [Figure] = [], series: [String: [Double]] = [:]) {
        self.code = code
        self.direction = direction
        self.category = category
        self.scope = scope
        self.schoolID = schoolID
        self.work = work
        self.classLabel = classLabel
        self.participants = participants
        self.eligible = eligible
        self.statisticName = statisticName
        self.statistic = statistic
        self.pValue = pValue
        self.effectName = effectName
        self.effectSize = effectSize
        self.material = material
        self.explanationSource = explanation
        self.figures = figures
        self.series = series
        self.qValue = nil
        self.schoolAdjustedP = nil
        self.significant = false
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

    enum CodingKeys: String, CodingKey {
        case code, direction, category, scope, schoolID, work, classLabel, participants, eligible, statisticName,
             statistic, pValue, effectName, effectSize, material, figures, series, qValue, schoolAdjustedP, significant
        case explanationSource = "explanation"
    }

    /// The value of a named figure, if present.
    public func figure(_ name: String) -> Double? { figures.first { $0.name == name }?.value }
}
