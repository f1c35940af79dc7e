import Foundation

/// `COHORT`: the same cohort a year later, one grade up, in the same subject, falls well below its
/// earlier standing in the region — the earlier results look inflated («высоко в 4 классе, низко в 5»).
///
/// Scores are region-standardised per work (`CohortScores`). For a school and a pair of works
/// (year Y, grade g) → (Y + 1, g + 1) of one subject, the change is the mean within-student change of the
/// students found in both years (or the change of the cohort means when codes do not match); it is
/// compared with the region's between-school distribution of changes (`CohortRegionNull`), one-sided,
/// for a drop. The test is attached to the earlier work, whose results look too high. This is the
/// gain-then-fall logic of Jacob & Levitt (2003). With a single year there are no tests.
public struct CohortDrop: Indicator {
    public let code = IndicatorCode.cohort

    public init() {}

    /// Two works of one subject a year and a grade apart.
    struct WorkPair: Hashable {
        var earlier: Work
        var later: Work
    }

    /// Every unit's tests decide: the indicator has no class-level tests.
    public func evaluation(_ context: AnalysisContext) -> IndicatorEvaluation {
        IndicatorEvaluation(tests: decidingTests(context))
    }

    func decidingTests(_ context: AnalysisContext) -> [IndicatorTest] {
        let config = context.config.cohort
        let present = Set(context.works)
        let pairs = context.works.compactMap { w -> WorkPair? in
            let next = Work(year: w.year + 1, subject: w.subject, grade: w.grade + 1)
            return present.contains(next) ? WorkPair(earlier: w, later: next) : nil
        }
        guard !pairs.isEmpty else { return [] }
        let scores = CohortScores(context)
        var tests: [IndicatorTest] = []
        var testedPairs: [String: Int] = [:]
        for pair in pairs {
            let schools = context.schoolIDs.filter {
                context.groups[SchoolWorkKey(schoolID: $0, work: pair.earlier)] != nil
                    && context.groups[SchoolWorkKey(schoolID: $0, work: pair.later)] != nil
            }
            let changes = CohortChange.floored(schools.map { id in
                CohortChange(earlier: scores.scores(SchoolWorkKey(schoolID: id, work: pair.earlier)),
                             later: scores.scores(SchoolWorkKey(schoolID: id, work: pair.later)), config: config)
            })
            let null = CohortRegionNull(changes: changes, config: config)
            for (id, change) in zip(schools, changes) {
                testedPairs[id, default: 0] += 1
                tests.append(makeTest(change, null: null, schoolID: id, pair: pair, config: config))
            }
        }
        tests += pooledTests(pairs, scores: scores, context: context, testedPairs: testedPairs, config: config)
        return tests
    }

    /// The school as a whole: per cohort (year and grade), each student's normal score averaged over
    /// subjects, so the subjects' shared ability drift is counted once; the cohorts' changes are then
    /// combined with inverse-variance weights and compared with the region's schools combined the same way.
    func pooledTests(_ pairs: [WorkPair], scores: CohortScores, context: AnalysisContext,
                     testedPairs: [String: Int], config: CohortConfig) -> [IndicatorTest] {
        let schools = context.schoolIDs.filter { (testedPairs[$0] ?? 0) > 1 }
        guard !schools.isEmpty else { return [] }
        struct Cohort: Hashable { var year: Int; var grade: Int }
        let cohorts = Set(pairs.map { Cohort(year: $0.earlier.year, grade: $0.earlier.grade) }).sorted {
            ($0.year, $0.grade) < ($1.year, $1.grade)
        }
        var parts: [String: [CohortChange]] = [:]
        for cohort in cohorts {
            let cohortPairs = pairs.filter { $0.earlier.year == cohort.year && $0.earlier.grade == cohort.grade }
            var ids: [String] = []
            var changes: [CohortChange] = []
            for id in schools {
                let earlierKeys = cohortPairs.map { SchoolWorkKey(schoolID: id, work: $0.earlier) }
                    .filter { context.groups[$0] != nil }
                let laterKeys = cohortPairs.map { SchoolWorkKey(schoolID: id, work: $0.later) }
                    .filter { context.groups[$0] != nil }
                guard !earlierKeys.isEmpty, !laterKeys.isEmpty else { continue }
                ids.append(id)
                changes.append(CohortChange(earlier: scores.pooled(earlierKeys), later: scores.pooled(laterKeys),
                                            config: config))
            }
            for (id, change) in zip(ids, CohortChange.floored(changes)) where change.eligible {
                parts[id, default: []].append(change)
            }
        }
        let pooled = schools.map { id in
            parts[id].map { CohortChange(combining: $0) }
        }
        let null = CohortRegionNull(changes: pooled.compactMap { $0 }, config: config)
        var tests: [IndicatorTest] = []
        for (id, change) in zip(schools, pooled) {
            guard let change else { continue }
            tests.append(makeTest(change, null: null, schoolID: id, pair: nil, config: config))
        }
        return tests
    }

    func makeTest(_ c: CohortChange, null: CohortRegionNull?, schoolID: String, pair: WorkPair?,
                  config: CohortConfig) -> IndicatorTest {
        let centre = null?.centre ?? .nan
        let tau = (null?.tau2 ?? .nan).squareRoot()
        let z = null?.z(c) ?? .nan
        let eligible = c.eligible && null != nil && z.isFinite
        let p = eligible ? null!.pDrop(c) : 1
        let drop = centre - c.change
        let figures = [
            Figure("earlier_students", Double(c.earlierCount)), Figure("later_students", Double(c.laterCount)),
            Figure("matched_students", Double(c.matched)), Figure("paired", c.paired ? 1 : 0),
            Figure("earlier_mean_z", c.earlierMean), Figure("later_mean_z", c.laterMean),
            Figure("change", c.change), Figure("change_standard_error", c.standardError),
            Figure("region_change_centre", centre), Figure("region_change_sd", tau),
            Figure("region_schools", Double(null?.schools ?? 0)),
            Figure("drop_below_region", drop),
        ]
        let explanation = Explanation {
            let who = c.paired ? "у тех же \(c.matched) \(RussianFormat.plural(c.matched, "участника", "участников", "участников"))"
                : "у параллели (\(c.earlierCount) и \(c.laterCount) участников; коды не сопоставлены)"
            let head: String
            if let pair {
                head = "В работе «\(pair.earlier.title)» (\(pair.earlier.year)) \(who) средний результат "
                    + "\(Self.signed(c.earlierMean)) ст. откл. относительно региона, а через год в работе "
                    + "«\(pair.later.title)» (\(pair.later.year)) — \(Self.signed(c.laterMean))"
            } else {
                head = "По всем параллелям и предметам ОО \(who.replacingOccurrences(of: "у параллели", with: "у параллелей")) "
                    + "результат в следующем году изменился с \(Self.signed(c.earlierMean)) до \(Self.signed(c.laterMean)) ст. откл. относительно региона"
            }
            return head + ": изменение \(Self.signed(c.change)) ± \(RussianFormat.number(c.standardError, digits: 2)) при обычном для ОО региона "
                + "изменении \(Self.signed(centre)) (разброс между ОО \(RussianFormat.number(tau, digits: 2))), \(RussianFormat.pValue(p))."
                + (p < 0.05 && drop > 0 ? " Результаты более раннего года выглядят завышенными." : "")
        }
        return IndicatorTest(
            code: code, direction: "drop", category: .vpr, scope: pair == nil ? .school : .schoolWork,
            schoolID: schoolID, work: pair?.earlier, participants: c.earlierCount, eligible: eligible,
            statisticName: "z изменения результата когорты относительно региона", statistic: z, pValue: p,
            effectName: "падение относительно обычного изменения в регионе, ст. откл.", effectSize: drop,
            material: drop.isFinite && drop >= config.minDrop, explanation: explanation, figures: figures)
    }

    private static func signed(_ x: Double) -> String {
        guard x.isFinite else { return "—" }
        return (x >= 0 ? "+" : "−") + RussianFormat.number(abs(x), digits: 2)
    }
}
