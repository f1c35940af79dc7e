import Foundation

/// `JOURNAL`: the shares of students whose VPR mark is above, below or equal to their journal mark,
/// each tested against the region's distribution of schools.
///
/// The null is a beta-binomial fitted robustly to all schools of the region for the same work (or
/// pooled over works for the school-level test): it carries the legitimate between-school spread in
/// how generous term marks are, so a school is flagged only when it is outside that spread, not merely
/// when its students disagree with their journal more than a coin would.
public struct JournalGap: Indicator {
    public let code = IndicatorCode.journal

    public init() {}

    public func evaluate(_ context: AnalysisContext) -> [IndicatorTest] {
        let config = context.config.journal
        var tests: [IndicatorTest] = []
        var pooled: [String: JournalComparison] = [:]
        var pooledParticipants: [String: Int] = [:]
        for work in context.works {
            let keys = context.keys(of: work)
            let comparisons = keys.map { JournalComparison(context.results($0)) }
            let nulls = RegionJournalNull(comparisons: comparisons, config: config)
            let kappaNull = RegionKappaNull(tables: comparisons.map(\.table), minStudents: config.minStudents)
            for (key, comparison) in zip(keys, comparisons) {
                let participants = context.groups[key]?.count ?? 0
                pooled[key.schoolID, default: JournalComparison()] = pooled[key.schoolID, default: JournalComparison()] + comparison
                pooledParticipants[key.schoolID, default: 0] += participants
                for direction in JournalDirection.allCases {
                    var test = makeTest(comparison, direction: direction, null: nulls.fit(direction), scope: .schoolWork,
                                        schoolID: key.schoolID, work: work, classLabel: nil,
                                        participants: participants, config: config)
                    test.figures += kappaNull.figures(for: comparison.table)
                    tests.append(test)
                }
                // Per class: explanation only, with the work's null.
                var byClass: [String: JournalComparison] = [:]
                for r in context.results(key) { byClass[r.classLabel, default: JournalComparison()].add(r) }
                for label in byClass.keys.sorted() where byClass.count > 1 {
                    for direction in JournalDirection.allCases {
                        tests.append(makeTest(byClass[label]!, direction: direction, null: nulls.fit(direction),
                                              scope: .classGroup, schoolID: key.schoolID, work: work, classLabel: label,
                                              participants: byClass[label]!.total, config: config))
                    }
                }
            }
        }
        let schools = context.schoolIDs.filter { context.keys(ofSchool: $0).count > 1 }
        let pooledComparisons = schools.map { pooled[$0] ?? JournalComparison() }
        let pooledNulls = RegionJournalNull(comparisons: pooledComparisons, config: config)
        for (schoolID, comparison) in zip(schools, pooledComparisons) {
            for direction in JournalDirection.allCases {
                tests.append(makeTest(comparison, direction: direction, null: pooledNulls.fit(direction), scope: .school,
                                      schoolID: schoolID, work: nil, classLabel: nil,
                                      participants: pooledParticipants[schoolID] ?? 0, config: config))
            }
        }
        return tests
    }

    func makeTest(_ c: JournalComparison, direction: JournalDirection, null: BetaBinomialFit?, scope: TestScope,
                  schoolID: String, work: Work?, classLabel: String?, participants: Int,
                  config: JournalConfig) -> IndicatorTest {
        let n = c.total
        let k = c.count(direction)
        let share = n > 0 ? Double(k) / Double(n) : .nan
        let regionMean = null?.mean ?? .nan
        let p: Double
        if let null, n > 0 {
            p = BetaBinomial.upperTail(k, n: n, alpha: null.alpha, beta: null.beta)
        } else {
            p = 1
        }
        let excess = share - regionMean
        let eligible = null != nil && n >= config.minStudents
        let interval = ProportionInterval.wilson(successes: k, trials: n)
        var figures = [
            Figure("students_with_journal_mark", Double(n)),
            Figure("lowered", Double(c.lowered)), Figure("confirmed", Double(c.confirmed)), Figure("raised", Double(c.raised)),
            Figure("share", share), Figure("share_ci_low", interval.lower), Figure("share_ci_high", interval.upper),
            Figure("region_mean_share", regionMean),
            Figure("mean_difference_vpr_minus_journal", c.meanDifference),
        ]
        if let null { figures.append(Figure("region_intraclass_correlation", null.intraclassCorrelation)) }
        let unit: String
        if let classLabel { unit = "В классе \(classLabel)" }
        else if let work { unit = "В работе «\(work.title)»" }
        else { unit = "По всем работам ОО" }
        let explanation = "\(unit) \(direction.russianShare) — \(RussianFormat.percent(share)) (\(k) из \(n)) "
            + "при среднем по региону \(RussianFormat.percent(regionMean)) и обычном разбросе между ОО "
            + "(\(RussianFormat.pValue(p)))."
        return IndicatorTest(
            code: code, direction: direction.rawValue, category: direction.category, scope: scope,
            schoolID: schoolID, work: work, classLabel: classLabel, participants: participants, eligible: eligible,
            statisticName: direction.russianShare, statistic: share, pValue: p,
            effectName: "превышение доли над средней по региону", effectSize: excess,
            material: excess.isFinite && excess >= config.minShareExcess, explanation: explanation, figures: figures)
    }
}
