import Foundation

/// `PERSONFIT`: the share of a school's students with aberrant task-score patterns (easy tasks failed while
/// hard ones are solved: help during the test, answers filled in afterwards), against the region's
/// between-school distribution of that share.
///
/// A student is aberrant when their normed polytomous Guttman error count G* exceeds the region's
/// `aberrantQuantile` among students of the same total-score band (`PersonFitModel`), so a strong or a weak
/// school is compared with students of its own level. The count of aberrant students of a unit is tested with
/// the upper tail of a robust beta-binomial fitted over the region's schools (classes for the class view), so the
/// honest spread between schools is part of the null.
public struct PersonFit: Indicator {
    public let code = IndicatorCode.personFit

    public init() {}

    /// Aberrant and compared students of one unit.
    struct Tally {
        var aberrant = 0
        var students = 0
        static func + (a: Tally, b: Tally) -> Tally {
            Tally(aberrant: a.aberrant + b.aberrant, students: a.students + b.students)
        }
    }

    struct Unit {
        var key: SchoolWorkKey
        var participants: Int
        var whole: Tally
        var classes: [(label: String, tally: Tally)]
        var aberrantCodes: [String]
    }

    public func evaluate(_ context: AnalysisContext) -> [IndicatorTest] {
        let config = context.config.personFit
        var tests: [IndicatorTest] = []
        var pooled: [String: [Unit]] = [:]
        for work in context.works {
            guard let spec = context.dataset.works[work], !spec.tasks.isEmpty else { continue }
            let taskMax = spec.tasks.map(\.maxPoints)
            let keys = context.keys(of: work)
            var rows: [SchoolWorkKey: [(StudentResult, [Int])]] = [:]
            var all: [[Int]] = []
            for key in keys {
                rows[key] = context.results(key).compactMap { r in
                    Similarity.completeScores(r, taskMax: taskMax).map { (r, $0) }
                }
                all += rows[key]!.map(\.1)
            }
            guard let model = PersonFitModel(vectors: all, taskMax: taskMax, config: config) else { continue }
            let units = keys.map { key -> Unit in
                var whole = Tally(), byClass: [String: Tally] = [:], codes: [String] = []
                for (r, v) in rows[key] ?? [] {
                    let aberrant = model.isAberrant(v)
                    let t = Tally(aberrant: aberrant ? 1 : 0, students: 1)
                    whole = whole + t
                    byClass[r.classLabel, default: Tally()] = byClass[r.classLabel, default: Tally()] + t
                    if aberrant { codes.append(r.studentID) }
                }
                return Unit(key: key, participants: context.groups[key]?.count ?? 0, whole: whole,
                            classes: byClass.keys.sorted().map { ($0, byClass[$0]!) }, aberrantCodes: codes)
            }
            let schoolFit = fit(units.map(\.whole), config: config)
            let classFit = fit(units.flatMap { $0.classes.map(\.tally) }, config: config)
            for unit in units {
                pooled[unit.key.schoolID, default: []].append(unit)
                var test = makeTest(unit.whole, fit: schoolFit, scope: .schoolWork, schoolID: unit.key.schoolID,
                                    work: work, classLabel: nil, participants: unit.participants, config: config)
                test.figures.append(Figure("aberrant_quantile", config.aberrantQuantile))
                tests.append(test)
                guard unit.classes.count > 1 else { continue }
                for (label, tally) in unit.classes {
                    tests.append(makeTest(tally, fit: classFit, scope: .classGroup, schoolID: unit.key.schoolID,
                                          work: work, classLabel: label, participants: tally.students, config: config))
                }
            }
        }
        let schools = context.schoolIDs.filter { (pooled[$0]?.count ?? 0) > 1 }
        let wholes = schools.map { pooled[$0]!.reduce(Tally()) { $0 + $1.whole } }
        let pooledFit = fit(wholes, config: config)
        for (schoolID, whole) in zip(schools, wholes) {
            var test = makeTest(whole, fit: pooledFit, scope: .school, schoolID: schoolID, work: nil, classLabel: nil,
                                participants: pooled[schoolID]!.reduce(0) { $0 + $1.participants }, config: config)
            test.figures.append(Figure("works", Double(pooled[schoolID]!.count)))
            tests.append(test)
        }
        return tests
    }

    /// Participant codes of the aberrant students of one school on one work (for reports).
    public func aberrantParticipants(schoolID: String, work: Work, in context: AnalysisContext) -> [String] {
        let config = context.config.personFit
        guard let spec = context.dataset.works[work], !spec.tasks.isEmpty else { return [] }
        let taskMax = spec.tasks.map(\.maxPoints)
        let all = context.keys(of: work).flatMap { context.results($0) }
            .compactMap { Similarity.completeScores($0, taskMax: taskMax) }
        guard let model = PersonFitModel(vectors: all, taskMax: taskMax, config: config) else { return [] }
        return context.results(SchoolWorkKey(schoolID: schoolID, work: work)).compactMap { r in
            guard let v = Similarity.completeScores(r, taskMax: taskMax), model.isAberrant(v) else { return nil }
            return r.studentID
        }
    }

    func fit(_ tallies: [Tally], config: PersonFitConfig) -> BetaBinomialFit? {
        let used = tallies.filter { $0.students >= config.minStudents }
        return BetaBinomialFit.robust(successes: used.map(\.aberrant), trials: used.map(\.students),
                                      trimP: config.trimPValue)
    }

    func makeTest(_ tally: Tally, fit: BetaBinomialFit?, scope: TestScope, schoolID: String, work: Work?,
                  classLabel: String?, participants: Int, config: PersonFitConfig) -> IndicatorTest {
        let n = tally.students, k = tally.aberrant
        let share = n > 0 ? Double(k) / Double(n) : .nan
        let mean = fit?.mean ?? .nan
        let excess = share - mean
        let p = (fit != nil && n > 0) ? BetaBinomial.upperTail(k, n: n, alpha: fit!.alpha, beta: fit!.beta) : 1
        let expected = Double(n) * mean
        let figures = [
            Figure("students_compared", Double(n)),
            Figure("aberrant_students", Double(k)),
            Figure("aberrant_share", share),
            Figure("expected_aberrant", expected),
            Figure("region_mean_share", mean),
            Figure("region_intraclass_correlation", fit?.intraclassCorrelation ?? .nan),
        ]
        let unit: String
        if let classLabel, let work { unit = "В классе \(classLabel) в работе «\(work.title)»" }
        else if let work { unit = "В работе «\(work.title)»" }
        else { unit = "По всем работам ОО" }
        let explanation = "\(unit) нетипичный профиль выполнения (не решены лёгкие задания при решённых трудных) — "
            + "у \(RussianFormat.percent(share)) участников (\(k) из \(n)) при среднем по региону "
            + "\(RussianFormat.percent(mean)) среди ОО и учеников того же уровня (\(RussianFormat.pValue(p)))."
        return IndicatorTest(
            code: code, direction: "aberrant", category: .vpr, scope: scope, schoolID: schoolID, work: work,
            classLabel: classLabel, participants: participants, eligible: fit != nil && n >= config.minStudents,
            statisticName: "доля участников с нетипичным профилем выполнения заданий", statistic: share, pValue: p,
            effectName: "превышение доли над средней по региону", effectSize: excess,
            material: excess.isFinite && excess >= config.minShareExcess, explanation: explanation, figures: figures)
    }
}
