import Foundation

/// `HIGH` (federal criterion 1, «результат заметно выше среднего по региону»): funnel plots of the share of
/// marks 4–5 and of the mean primary score (in region SDs) against school size.
///
/// The limits are exact binomial (share) or normal (mean) for the school's size, widened by the additive
/// between-school variance τ² that Spiegelhalter (2005) estimates from winsorised z-scores, because schools
/// legitimately differ. Gymnasiums and lyceums are compared with the region's other advanced-study schools
/// (alone when there are enough, otherwise through their median advantage); with too few others they are not
/// tested. The indicator never decides alone (`IndicatorCode.decidesAlone`).
public struct HighAboveRegion: Indicator {
    public let code = IndicatorCode.high

    public init() {}

    /// Every unit's tests decide: the indicator has no class-level tests.
    public func evaluation(_ context: AnalysisContext) -> IndicatorEvaluation {
        IndicatorEvaluation(tests: decidingTests(context))
    }

    func decidingTests(_ context: AnalysisContext) -> [IndicatorTest] {
        let config = context.config.high
        var tests: [IndicatorTest] = []
        var pooled: [HighMeasure: [String: [(z: Double, excess: Double, n: Int)]]] = [:]
        var advanced: [String: Bool] = [:]
        for work in context.works {
            let units = self.units(work: work, context: context)
            for u in units { advanced[u.key.schoolID] = u.advanced }
            for measure in HighMeasure.allCases {
                let region = HighRegionNull(units: units, measure: measure, config: config)
                for unit in units {
                    let null = unit.n >= config.minStudents ? region.null(for: unit) : nil
                    let test = makeTest(unit: unit, work: work, measure: measure, null: null, config: config)
                    if test.eligible, let z = test.figure("z") {
                        pooled[measure, default: [:]][unit.key.schoolID, default: []].append((z, test.effectSize, unit.n))
                    }
                    tests.append(test)
                }
            }
        }
        for measure in HighMeasure.allCases {
            tests += pooledTests(pooled[measure] ?? [:], measure: measure, advanced: advanced, context: context, config: config)
        }
        return tests
    }

    /// Participants, marks 4–5 and the mean z-score (against all of the region's participants) per school, from
    /// the counts of each school's work.
    func units(work: Work, context: AnalysisContext) -> [HighUnit] {
        let keys = context.keys(of: work)
        let histograms = keys.map(context.histogram)
        var region = [Int](repeating: 0, count: context.scale(work).maxScore + 1)
        for h in histograms { for s in h.indices { region[s] += h[s] } }
        let mean = Descriptive.histogramMean(region)
        let sd = Descriptive.histogramStandardDeviation(region)
        return zip(keys, histograms).map { key, histogram in
            let tally = context.tally(key)
            let m = Descriptive.histogramMean(histogram)
            return HighUnit(key: key, n: tally.participants, marks45: tally.marks[2] + tally.marks[3],
                            meanZ: sd > 0 ? (m - mean) / sd : 0, meanScore: m,
                            advanced: context.dataset.school(key.schoolID).isAdvancedStudy)
        }
    }

    func makeTest(unit: HighUnit, work: Work, measure: HighMeasure, null: HighNull?, config: HighConfig) -> IndicatorTest {
        let n = unit.n
        let y = n > 0 ? unit.value(measure) : .nan
        let eligible = null != nil && n >= config.minStudents
        let t = null?.target ?? .nan, tau2 = null?.tau2 ?? .nan
        var p = 1.0, z = Double.nan
        var exactInner = Double.nan, exactOuter = Double.nan, inner = Double.nan, outer = Double.nan
        if eligible {
            let variance = measure.samplingVariance(target: t, n: n)
            z = (y - t) / (variance + tau2).squareRoot()
            switch measure {
            case .marks45:
                let rho = min(tau2 / (t * (1 - t)), 0.99)
                exactInner = FunnelLimits.binomial(n: n, p0: t, probability: config.innerLimitProbability)
                exactOuter = FunnelLimits.binomial(n: n, p0: t, probability: config.outerLimitProbability)
                if rho > 1e-12 {
                    let a = t * (1 / rho - 1), b = (1 - t) * (1 / rho - 1)
                    p = BetaBinomial.upperTail(unit.marks45, n: n, alpha: a, beta: b)
                    inner = FunnelLimits.betaBinomial(n: n, alpha: a, beta: b, probability: config.innerLimitProbability)
                    outer = FunnelLimits.betaBinomial(n: n, alpha: a, beta: b, probability: config.outerLimitProbability)
                } else {
                    p = Binomial.upperTail(unit.marks45, n: n, p: t)
                    inner = exactInner
                    outer = exactOuter
                }
            case .meanScore:
                p = Normal.sf(z)
                let zi = Normal.inverseSurvival(1 - config.innerLimitProbability)
                let zo = Normal.inverseSurvival(1 - config.outerLimitProbability)
                exactInner = t + zi * variance.squareRoot()
                exactOuter = t + zo * variance.squareRoot()
                inner = t + zi * (variance + tau2).squareRoot()
                outer = t + zo * (variance + tau2).squareRoot()
            }
        }
        let excess = y - t
        let floor = measure == .marks45 ? config.minShareExcess : config.minMeanExcess
        let figures = [
            Figure("participants", Double(n)),
            Figure("school_value", y),
            Figure("region_target", t),
            Figure("limit_95_exact", exactInner), Figure("limit_998_exact", exactOuter),
            Figure("limit_95", inner), Figure("limit_998", outer),
            Figure("tau2", tau2),
            Figure("advanced_study", unit.advanced ? 1 : 0),
            Figure("advanced_study_shift", null?.shift ?? .nan),
            Figure("null_schools", Double(null?.schools ?? 0)),
            Figure("marks_4_5", Double(unit.marks45)),
            Figure("mean_primary_score", unit.meanScore),
            Figure("z", z),
        ]
        return IndicatorTest(
            code: code, direction: measure.rawValue, category: .vpr, scope: .schoolWork, schoolID: unit.key.schoolID,
            work: work, participants: n, eligible: eligible,
            statisticName: measure == .marks45 ? "доля отметок «4» и «5»" : "средний первичный балл в стандартных отклонениях региона",
            statistic: y, pValue: p,
            effectName: measure == .marks45 ? "превышение доли над ожидаемой" : "превышение среднего над ожидаемым, в стандартных отклонениях",
            effectSize: excess, material: eligible && excess >= floor,
            explanation: Explanation { [outer, p] in
                Self.explanation(unit: unit, work: work, measure: measure, y: y, null: null, outer: outer, p: p)
            },
            figures: figures)
    }

    static func explanation(unit: HighUnit, work: Work, measure: HighMeasure, y: Double, null: HighNull?, outer: Double,
                            p: Double) -> String {
        let head = "В работе «\(work.title)» "
        let value: String
        switch measure {
        case .marks45: value = "доля отметок «4» и «5» — \(RussianFormat.percent(y)) (\(unit.marks45) из \(unit.n))"
        case .meanScore: value = "средний первичный балл \(RussianFormat.number(unit.meanScore)) "
            + "(\(RussianFormat.number(y, digits: 2)) ст. откл. от среднего по региону)"
        }
        func fmt(_ x: Double) -> String {
            measure == .marks45 ? RussianFormat.percent(x) : RussianFormat.number(x, digits: 2)
        }
        guard let null else {
            let reason = unit.advanced ? "в регионе слишком мало других гимназий и лицеев для сравнения"
                : "ОО или регион слишком малы для сравнения"
            return head + value + "; проверка не проводилась: \(reason)."
        }
        let basis: String
        switch null.kind {
        case .ordinary: basis = "ожидаемое по ОО региона без углублённого изучения"
        case .advancedOwn: basis = "ожидаемое по \(null.schools) другим гимназиям и лицеям региона"
        case .advancedShifted: basis = "ожидаемое с поправкой на преимущество гимназий и лицеев региона"
        }
        return head + value + " при \(basis) \(fmt(null.target)) и верхней границе 99,8 % для \(unit.n) участников "
            + "\(fmt(outer)) (\(RussianFormat.pValue(p)))."
    }

    /// The school as a whole: Stouffer's pooled z over its works, scaled by the spread of the ordinary schools'
    /// pooled values (a strong school is strong on every work, so pooled scores vary more than N(0, 1)).
    func pooledTests(_ byWork: [String: [(z: Double, excess: Double, n: Int)]], measure: HighMeasure,
                     advanced: [String: Bool], context: AnalysisContext, config: HighConfig) -> [IndicatorTest] {
        let schools = context.schoolIDs.filter { (byWork[$0]?.count ?? 0) > 1 }
        let pooled = Dictionary(uniqueKeysWithValues: schools.map { ($0, StoufferEmpiricalNull.pooled(byWork[$0]!.map(\.z))) })
        let scale = StoufferEmpiricalNull.scale(schools.filter { advanced[$0] != true }.map { pooled[$0]! },
                                                minimumUnits: config.minSchools)
        let floor = measure == .marks45 ? config.minShareExcess : config.minMeanExcess
        return schools.map { schoolID in
            let parts = byWork[schoolID]!
            let z = pooled[schoolID]!
            let participants = parts.reduce(0) { $0 + $1.n }
            let excess = parts.reduce(0.0) { $0 + $1.excess * Double($1.n) } / Double(participants)
            let p = Normal.sf(z / scale)
            let works = parts.count
            let explanation = Explanation {
                let what = measure == .marks45 ? "доля отметок «4» и «5»" : "средний первичный балл"
                let size = measure == .marks45 ? RussianFormat.percent(excess)
                    : "\(RussianFormat.number(excess, digits: 2)) ст. откл."
                return "По \(works) \(RussianFormat.plural(works, "работе", "работам", "работам")) ОО "
                    + "\(what) в среднем выше ожидаемого на \(size); сводная z-оценка \(RussianFormat.number(z, digits: 2)) "
                    + "при разбросе сводных оценок ОО региона \(RussianFormat.number(scale, digits: 2)) (\(RussianFormat.pValue(p)))."
            }
            return IndicatorTest(
                code: code, direction: measure.rawValue, category: .vpr, scope: .school, schoolID: schoolID, work: nil,
                participants: participants, eligible: true,
                statisticName: "сводная z-оценка по работам (Стауффер)", statistic: z, pValue: p,
                effectName: measure == .marks45 ? "среднее превышение доли над ожидаемой" : "среднее превышение, в стандартных отклонениях",
                effectSize: excess, material: excess >= floor, explanation: explanation,
                figures: [Figure("works", Double(parts.count)), Figure("pooled_z", z),
                          Figure("region_scale_of_pooled_z", scale), Figure("mean_excess", excess),
                          Figure("advanced_study", advanced[schoolID] == true ? 1 : 0)])
        }
    }
}
