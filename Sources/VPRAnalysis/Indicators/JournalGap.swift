import Foundation

/// `JOURNAL`: the shares of students whose VPR mark is above, below or equal to their journal mark,
/// each tested against the region's distribution of schools and of classes.
///
/// Two nulls carry the legitimate spread in how generous term marks are: a robust beta-binomial over
/// the region's schools (a school-wide habit), and one over the region's classes, summed over the
/// school's own classes (each teacher's habit; it matters for schools of one small class). A unit's
/// p-value is the larger of the two, so it is valid when either describes honest marking.
public struct JournalGap: Indicator {
    public let code = IndicatorCode.journal

    public init() {}

    /// One school's comparisons on one work: the whole and per class.
    struct Unit {
        var key: SchoolWorkKey
        var whole: JournalComparison
        var classes: [(label: String, comparison: JournalComparison)]
        var participants: Int
    }

    public func evaluate(_ context: AnalysisContext) -> [IndicatorTest] {
        let config = context.config.journal
        var tests: [IndicatorTest] = []
        var pooledUnits: [String: [(Unit, RegionJournalNull)]] = [:]
        for work in context.works {
            let units = context.keys(of: work).map { key -> Unit in
                let results = context.results(key)
                var byClass: [String: JournalComparison] = [:]
                for r in results { byClass[r.classLabel, default: JournalComparison()].add(r) }
                return Unit(key: key, whole: JournalComparison(results),
                            classes: byClass.keys.sorted().map { ($0, byClass[$0]!) }, participants: results.count)
            }
            let schoolNull = RegionJournalNull(comparisons: units.map(\.whole), minStudents: config.minStudents,
                                               trimP: config.trimPValue)
            let classNull = RegionJournalNull(comparisons: units.flatMap { $0.classes.map(\.comparison) },
                                              minStudents: config.minStudents, trimP: config.trimPValue)
            let kappaNull = RegionKappaNull(tables: units.map(\.whole.table), minStudents: config.minStudents)
            for unit in units {
                pooledUnits[unit.key.schoolID, default: []].append((unit, classNull))
                for direction in JournalDirection.allCases {
                    let k = unit.whole.count(direction)
                    let p = combinedP(k: k, n: unit.whole.total, schoolFit: schoolNull.fit(direction),
                                      classComponents: classNull.components(unit.classes.map(\.comparison), direction))
                    var test = makeTest(unit.whole, direction: direction, p: p, regionMean: schoolNull.fit(direction)?.mean,
                                        scope: .schoolWork, schoolID: unit.key.schoolID, work: work, classLabel: nil,
                                        participants: unit.participants, config: config)
                    test.figures += kappaNull.figures(for: unit.whole.table)
                    tests.append(test)
                }
                guard unit.classes.count > 1 else { continue }
                for (label, comparison) in unit.classes {
                    for direction in JournalDirection.allCases {
                        let p = combinedP(k: comparison.count(direction), n: comparison.total, schoolFit: nil,
                                          classComponents: classNull.components([comparison], direction))
                        tests.append(makeTest(comparison, direction: direction, p: p,
                                              regionMean: classNull.fit(direction)?.mean, scope: .classGroup,
                                              schoolID: unit.key.schoolID, work: work, classLabel: label,
                                              participants: comparison.total, config: config))
                    }
                }
            }
        }
        tests += pooledTests(pooledUnits, context: context, config: config)
        return tests
    }

    /// The school as a whole: its counts summed over works, against the region's schools summed the
    /// same way and against the sum of its classes under each work's class null.
    func pooledTests(_ pooledUnits: [String: [(Unit, RegionJournalNull)]], context: AnalysisContext,
                     config: JournalConfig) -> [IndicatorTest] {
        let schools = context.schoolIDs.filter { (pooledUnits[$0]?.count ?? 0) > 1 }
        let wholes = schools.map { id in pooledUnits[id]!.reduce(JournalComparison()) { $0 + $1.0.whole } }
        let schoolNull = RegionJournalNull(comparisons: wholes, minStudents: config.minStudents, trimP: config.trimPValue)
        var tests: [IndicatorTest] = []
        for (schoolID, whole) in zip(schools, wholes) {
            let units = pooledUnits[schoolID]!
            let participants = units.reduce(0) { $0 + $1.0.participants }
            for direction in JournalDirection.allCases {
                var components: [BetaBinomialSum.Component]? = []
                for (unit, classNull) in units where unit.whole.total > 0 {
                    guard let c = classNull.components(unit.classes.map(\.comparison), direction) else {
                        components = nil
                        break
                    }
                    components? += c
                }
                let p = combinedP(k: whole.count(direction), n: whole.total, schoolFit: schoolNull.fit(direction),
                                  classComponents: components)
                tests.append(makeTest(whole, direction: direction, p: p, regionMean: schoolNull.fit(direction)?.mean,
                                      scope: .school, schoolID: schoolID, work: nil, classLabel: nil,
                                      participants: participants, config: config))
            }
        }
        return tests
    }

    /// The larger of the school-level and class-level p-values (each when available); nil when neither is.
    func combinedP(k: Int, n: Int, schoolFit: BetaBinomialFit?, classComponents: [BetaBinomialSum.Component]?) -> Double? {
        guard n > 0 else { return nil }
        var ps: [Double] = []
        if let schoolFit { ps.append(BetaBinomial.upperTail(k, n: n, alpha: schoolFit.alpha, beta: schoolFit.beta)) }
        if let classComponents { ps.append(BetaBinomialSum.upperTail(k, components: classComponents)) }
        return ps.max()
    }

    func makeTest(_ c: JournalComparison, direction: JournalDirection, p: Double?, regionMean: Double?, scope: TestScope,
                  schoolID: String, work: Work?, classLabel: String?, participants: Int,
                  config: JournalConfig) -> IndicatorTest {
        let n = c.total
        let k = c.count(direction)
        let share = n > 0 ? Double(k) / Double(n) : .nan
        let mean = regionMean ?? .nan
        let excess = share - mean
        let interval = ProportionInterval.wilson(successes: k, trials: n)
        let figures = [
            Figure("students_with_journal_mark", Double(n)),
            Figure("lowered", Double(c.lowered)), Figure("confirmed", Double(c.confirmed)), Figure("raised", Double(c.raised)),
            Figure("share", share), Figure("share_ci_low", interval.lower), Figure("share_ci_high", interval.upper),
            Figure("region_mean_share", mean),
            Figure("mean_difference_vpr_minus_journal", c.meanDifference),
        ]
        let unit: String
        if let classLabel { unit = "В классе \(classLabel)" }
        else if let work { unit = "В работе «\(work.title)»" }
        else { unit = "По всем работам ОО" }
        let pValue = p ?? 1
        let explanation = "\(unit) \(direction.russianShare) — \(RussianFormat.percent(share)) (\(k) из \(n)) "
            + "при среднем по региону \(RussianFormat.percent(mean)) и обычном разбросе между ОО и классами "
            + "(\(RussianFormat.pValue(pValue)))."
        return IndicatorTest(
            code: code, direction: direction.rawValue, category: direction.category, scope: scope,
            schoolID: schoolID, work: work, classLabel: classLabel, participants: participants,
            eligible: p != nil && regionMean != nil && n >= config.minStudents,
            statisticName: direction.russianShare, statistic: share, pValue: pValue,
            effectName: "превышение доли над средней по региону", effectSize: excess,
            material: excess.isFinite && excess >= config.minShareExcess, explanation: explanation, figures: figures)
    }
}
