import Foundation

/// `JOURNAL`: the shares of students whose VPR mark is above, below or equal to their journal mark,
/// each tested against what the region shows for students with the same marks, allowing for the
/// legitimate spread between schools and between classes.
///
/// Each unit's expected share comes from indirect standardisation (`JournalRates`). Two nulls carry the
/// spread in how generous term marks are: a robust beta-binomial overdispersion over the region's schools
/// (a school-wide habit), and one over the region's classes, summed over the school's own classes (each
/// teacher's habit; it matters for schools of one small class). A unit's p-value is the larger of the two,
/// so it is valid when either describes honest marking.
public struct JournalGap: Indicator {
    public let code = IndicatorCode.journal

    public init() {}

    /// One school's units on one work: the whole and per class.
    struct SchoolUnits {
        var key: SchoolWorkKey
        var whole: JournalUnit
        var classes: [(label: String, unit: JournalUnit)]
        var participants: Int
    }

    public func evaluate(_ context: AnalysisContext) -> [IndicatorTest] {
        let config = context.config.journal
        var tests: [IndicatorTest] = []
        var pooled: [String: [(SchoolUnits, RegionJournalNull)]] = [:]
        for work in context.works {
            let keys = context.keys(of: work)
            let groups = keys.map { context.results($0) }
            let byShares = keys.contains { context.dataset.journalShares[$0] != nil }
            let schools = byShares ? shareUnits(keys, groups, context: context) : markUnits(keys, groups)
            let schoolNull = RegionJournalNull(units: schools.map(\.whole), minStudents: config.minStudents)
            // Without each participant's marks there are no classes to compare: the class null stays empty.
            let classNull = RegionJournalNull(units: byShares ? [] : schools.flatMap { $0.classes.map(\.unit) },
                                              minStudents: config.minStudents)
            let kappaNull = RegionKappaNull(tables: schools.map(\.whole.comparison.table), minStudents: config.minStudents)
            for s in schools {
                pooled[s.key.schoolID, default: []].append((s, classNull))
                for d in JournalDirection.allCases {
                    let p = larger(schoolNull.pValue(s.whole, d),
                                   classNull.components(s.classes.map(\.unit), d).map {
                                       BetaBinomialSum.upperTail(s.whole.comparison.count(d), components: $0) })
                    var test = makeTest(s.whole, d, p: p, scope: .schoolWork, schoolID: s.key.schoolID, work: work,
                                        classLabel: nil, participants: s.participants, config: config)
                    test.figures += schoolNull.figures(d) + classNull.figures(d, prefix: "class")
                    test.figures += kappaNull.figures(for: s.whole.comparison.table)
                    tests.append(test)
                }
                guard s.classes.count > 1 else { continue }
                for (label, unit) in s.classes {
                    for d in JournalDirection.allCases {
                        tests.append(makeTest(unit, d, p: classNull.pValue(unit, d), scope: .classGroup,
                                              schoolID: s.key.schoolID, work: work, classLabel: label,
                                              participants: unit.comparison.total, config: config))
                    }
                }
            }
        }
        return tests + pooledTests(pooled, context: context, config: config)
    }

    /// Units standardised by mark: every school's participants carry both marks.
    func markUnits(_ keys: [SchoolWorkKey], _ groups: [[StudentResult]]) -> [SchoolUnits] {
        let rates = JournalRates(groups: groups)
        return zip(keys, groups).map { key, results -> SchoolUnits in
            let byClass = Dictionary(grouping: results, by: \.classLabel)
            return SchoolUnits(key: key, whole: JournalUnit(results, rates: rates),
                               classes: byClass.keys.sorted().map { ($0, JournalUnit(byClass[$0]!, rates: rates)) },
                               participants: results.count)
        }
    }

    /// Units of a work where some schools give only the three journal counts: every school is compared
    /// by its counts under the school-level model, so the region's null is the same for all.
    func shareUnits(_ keys: [SchoolWorkKey], _ groups: [[StudentResult]], context: AnalysisContext) -> [SchoolUnits] {
        let scores = groups.joined().map { Double($0.primaryScore) }
        let mean = scores.isEmpty ? 0 : Descriptive.mean(scores)
        let sd = scores.count > 1 ? max(Descriptive.standardDeviation(scores), 1e-9) : 1
        let inputs = zip(keys, groups).map { key, results -> (comparison: JournalComparison, level: Double) in
            let level = results.isEmpty ? 0 : results.reduce(0.0) { $0 + (Double($1.primaryScore) - mean) / sd } / Double(results.count)
            return (context.dataset.journalShares[key] ?? JournalComparison(results), level)
        }
        let rates = JournalShareRates(units: inputs)
        return zip(keys, zip(groups, inputs)).map { key, pair in
            SchoolUnits(key: key, whole: JournalUnit(shares: pair.1.comparison, level: pair.1.level, rates: rates),
                        classes: [], participants: pair.0.count)
        }
    }

    /// The school as a whole: its counts and expectations summed over works, against the region's schools
    /// summed the same way and against the sum of its classes under each work's class null.
    func pooledTests(_ pooled: [String: [(SchoolUnits, RegionJournalNull)]], context: AnalysisContext,
                     config: JournalConfig) -> [IndicatorTest] {
        let schoolIDs = context.schoolIDs.filter { (pooled[$0]?.count ?? 0) > 1 }
        let wholes = schoolIDs.map { id in pooled[id]!.reduce(JournalUnit()) { $0 + $1.0.whole } }
        let schoolNull = RegionJournalNull(units: wholes, minStudents: config.minStudents)
        var tests: [IndicatorTest] = []
        for (schoolID, whole) in zip(schoolIDs, wholes) {
            let parts = pooled[schoolID]!
            let participants = parts.reduce(0) { $0 + $1.0.participants }
            for d in JournalDirection.allCases {
                var components: [BetaBinomialSum.Component]? = []
                for (s, classNull) in parts where s.whole.comparison.total > 0 {
                    guard let c = classNull.components(s.classes.map(\.unit), d) else { components = nil; break }
                    components? += c
                }
                let p = larger(schoolNull.pValue(whole, d),
                               components.map { BetaBinomialSum.upperTail(whole.comparison.count(d), components: $0) })
                var test = makeTest(whole, d, p: p, scope: .school, schoolID: schoolID, work: nil, classLabel: nil,
                                    participants: participants, config: config)
                test.figures += schoolNull.figures(d)
                tests.append(test)
            }
        }
        return tests
    }

    /// The larger of two p-values where available; nil when neither is.
    func larger(_ a: Double?, _ b: Double?) -> Double? {
        switch (a, b) {
        case let (x?, y?): return max(x, y)
        case let (x?, nil): return x
        case let (nil, y?): return y
        default: return nil
        }
    }

    func makeTest(_ unit: JournalUnit, _ d: JournalDirection, p: Double?, scope: TestScope, schoolID: String,
                  work: Work?, classLabel: String?, participants: Int, config: JournalConfig) -> IndicatorTest {
        let c = unit.comparison
        let n = c.total, k = c.count(d)
        let share = n > 0 ? Double(k) / Double(n) : .nan
        let expected = unit.expectedShare(d)
        let excess = share - expected
        let interval = ProportionInterval.wilson(successes: k, trials: n)
        let figures = [
            Figure("students_with_journal_mark", Double(n)),
            Figure("lowered", Double(c.lowered)), Figure("confirmed", Double(c.confirmed)), Figure("raised", Double(c.raised)),
            Figure("share", share), Figure("share_ci_low", interval.lower), Figure("share_ci_high", interval.upper),
            Figure("expected_share", expected),
            Figure("mean_difference_vpr_minus_journal", c.meanDifference),
        ]
        let place: String
        if let classLabel { place = "В классе \(classLabel)" }
        else if let work { place = "В работе «\(work.title)»" }
        else { place = "По всем работам ОО" }
        let pValue = p ?? 1
        let explanation = "\(place) \(d.russianShare) — \(RussianFormat.percent(share)) (\(k) из \(n)) "
            + "при ожидаемой по региону для учеников с такими же отметками \(RussianFormat.percent(expected)) "
            + "с учётом обычного разброса между ОО и классами (\(RussianFormat.pValue(pValue)))."
        return IndicatorTest(
            code: code, direction: d.rawValue, category: d.category, scope: scope,
            schoolID: schoolID, work: work, classLabel: classLabel, participants: participants,
            eligible: p != nil && n >= config.minStudents,
            statisticName: d.russianShare, statistic: share, pValue: pValue,
            effectName: "превышение доли над ожидаемой", effectSize: excess,
            material: excess.isFinite && excess >= config.minShareExcess, explanation: explanation, figures: figures)
    }
}
