import Foundation

/// `PERSONFIT`: the share of a school's students with aberrant task-score patterns (easy tasks failed while
/// hard ones are solved: help during the test, answers filled in afterwards), against the region's
/// between-school distribution of that share.
///
/// A student is aberrant when their normed polytomous Guttman error count G* exceeds the region's
/// `aberrantQuantile` among students of the same total-score band (`PersonFitModel`), so a strong or a weak
/// school is compared with students of its own level. A unit's mean normal score of G* is tested against the
/// region's between-unit distribution (a random-effects model over the region's schools, classes for the class
/// view), so the honest spread between schools is part of the null; its centre follows the unit's level above the
/// region's median (`LevelAdjustedCentre`), because strong schools' students, at the ceiling, make their few
/// errors in patterns that the band of their total alone does not predict.
public struct PersonFit: Indicator {
    public let code = IndicatorCode.personFit

    public init() {}

    /// Aberrant and compared students of one unit.
    struct Tally {
        var aberrant = 0
        var students = 0
        /// Sum of the students' normal scores of G* within their bands.
        var scoreSum = 0.0
        /// Sum of the students' totals as shares of the work's maximum.
        var levelSum = 0.0
        var meanScore: Double { students > 0 ? scoreSum / Double(students) : .nan }
        /// The unit's level: its students' mean share of the maximum total.
        var level: Double { students > 0 ? levelSum / Double(students) : .nan }
        static func + (a: Tally, b: Tally) -> Tally {
            Tally(aberrant: a.aberrant + b.aberrant, students: a.students + b.students, scoreSum: a.scoreSum + b.scoreSum,
                  levelSum: a.levelSum + b.levelSum)
        }
    }

    /// The region's null for the mean normal score of a unit: N(μ(level), σ²/n + τ²), with the centre μ and the
    /// spread of honest units τ² from the region's units (`LevelAdjustedCentre`) and the students' variance σ².
    struct RegionNull {
        var centre: LevelAdjustedCentre
        var studentVariance: Double
        var aberrantShare: Double

        var tau2: Double { centre.tau2 }
        func mean(_ t: Tally) -> Double { centre.centre(t.level) }

        func pValue(_ t: Tally) -> Double {
            guard t.students > 0 else { return 1 }
            let sd = (studentVariance / Double(t.students) + tau2).squareRoot()
            return Normal.sf((t.meanScore - mean(t)) / sd)
        }
    }

    struct Unit {
        var key: SchoolWorkKey
        var participants: Int
        var whole: Tally
        var classes: [(label: String, tally: Tally)]
    }

    /// What the class-level tests of one work need from the region: its model and its classes' null.
    struct WorkFit: Sendable {
        var work: Work
        var taskMax: [Int]
        var model: PersonFitModel
        var classFit: RegionNull?
    }

    public func evaluation(_ context: AnalysisContext) -> IndicatorEvaluation {
        let config = context.config.personFit
        var tests: [IndicatorTest] = []
        var pooled: [String: [Unit]] = [:]
        var workFits: [WorkFit] = []
        var varianceSum = 0.0, varianceWeight = 0.0
        for work in context.works {
            guard let spec = context.dataset.works[work], !spec.tasks.isEmpty else { continue }
            let taskMax = spec.tasks.map(\.maxPoints)
            let keys = context.keys(of: work)
            var all: [[Int]] = []
            for key in keys {
                for r in context.results(key) {
                    if let v = Similarity.completeScores(r, taskMax: taskMax) { all.append(v) }
                }
            }
            guard let model = PersonFitModel(vectors: all, taskMax: taskMax, config: config) else { continue }
            let units = keys.map { unit($0, taskMax: taskMax, model: model, context: context) }
            var sum = 0.0, sumSq = 0.0
            for v in all { let z = model.normalScore(v); sum += z; sumSq += z * z }
            let variance = all.count > 1 ? (sumSq - sum * sum / Double(all.count)) / Double(all.count - 1) : 1
            varianceSum += variance * Double(all.count)
            varianceWeight += Double(all.count)
            let schoolFit = fit(units.map(\.whole), variance: variance, config: config)
            workFits.append(WorkFit(work: work, taskMax: taskMax, model: model,
                                    classFit: fit(units.flatMap { $0.classes.map(\.tally) }, variance: variance, config: config)))
            for unit in units {
                pooled[unit.key.schoolID, default: []].append(unit)
                var test = makeTest(unit.whole, fit: schoolFit, scope: .schoolWork, schoolID: unit.key.schoolID,
                                    work: work, classLabel: nil, participants: unit.participants, config: config)
                test.figures.append(Figure("aberrant_quantile", config.aberrantQuantile))
                tests.append(test)
            }
        }
        let pooledVariance = varianceWeight > 0 ? varianceSum / varianceWeight : 1
        let schools = context.schoolIDs.filter { (pooled[$0]?.count ?? 0) > 1 }
        let wholes = schools.map { pooled[$0]!.reduce(Tally()) { $0 + $1.whole } }
        let pooledFit = fit(wholes, variance: pooledVariance, config: config)
        for (schoolID, whole) in zip(schools, wholes) {
            var test = makeTest(whole, fit: pooledFit, scope: .school, schoolID: schoolID, work: nil, classLabel: nil,
                                participants: pooled[schoolID]!.reduce(0) { $0 + $1.participants }, config: config)
            test.figures.append(Figure("works", Double(pooled[schoolID]!.count)))
            tests.append(test)
        }
        let fits = workFits
        return IndicatorEvaluation(tests: tests) { schools in
            classTests(fits, schools: schools, context: context)
        }
    }

    /// The class-level tests of the given schools' works with more than one class, against each work's class null.
    func classTests(_ fits: [WorkFit], schools: Set<String>?, context: AnalysisContext) -> [IndicatorTest] {
        let config = context.config.personFit
        var tests: [IndicatorTest] = []
        for f in fits {
            for key in context.keys(of: f.work, among: schools) {
                let unit = unit(key, taskMax: f.taskMax, model: f.model, context: context)
                guard unit.classes.count > 1 else { continue }
                for (label, tally) in unit.classes {
                    tests.append(makeTest(tally, fit: f.classFit, scope: .classGroup, schoolID: key.schoolID,
                                          work: f.work, classLabel: label, participants: tally.students, config: config))
                }
            }
        }
        return tests
    }

    /// One (school, work): its students' tallies, whole and per class, under the region's model.
    func unit(_ key: SchoolWorkKey, taskMax: [Int], model: PersonFitModel, context: AnalysisContext) -> Unit {
        let maxTotal = Double(max(taskMax.reduce(0, +), 1))
        var whole = Tally(), byClass: [String: Tally] = [:]
        for r in context.results(key) {
            guard let v = Similarity.completeScores(r, taskMax: taskMax) else { continue }
            let aberrant = model.isAberrant(v)
            let t = Tally(aberrant: aberrant ? 1 : 0, students: 1, scoreSum: model.normalScore(v),
                          levelSum: Double(v.reduce(0, +)) / maxTotal)
            whole = whole + t
            byClass[r.classLabel, default: Tally()] = byClass[r.classLabel, default: Tally()] + t
        }
        return Unit(key: key, participants: context.groups[key]?.count ?? 0, whole: whole,
                    classes: byClass.keys.sorted().map { ($0, byClass[$0]!) })
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

    /// The region's null from its units with at least `minStudents` students; nil with fewer than 3 such units.
    func fit(_ tallies: [Tally], variance: Double, config: PersonFitConfig) -> RegionNull? {
        let used = tallies.filter { $0.students >= config.minStudents }
        guard used.count >= 3, variance > 0 else { return nil }
        let centre = LevelAdjustedCentre.fit(effects: used.map(\.meanScore),
                                             variances: used.map { variance / Double($0.students) },
                                             levels: used.map(\.level), trimP: config.trimPValue,
                                             adjusted: config.levelAdjusted)
        let aberrant = used.reduce(0) { $0 + $1.aberrant }, students = used.reduce(0) { $0 + $1.students }
        return RegionNull(centre: centre, studentVariance: variance, aberrantShare: Double(aberrant) / Double(students))
    }

    func makeTest(_ tally: Tally, fit: RegionNull?, scope: TestScope, schoolID: String, work: Work?,
                  classLabel: String?, participants: Int, config: PersonFitConfig) -> IndicatorTest {
        let n = tally.students, k = tally.aberrant
        let share = n > 0 ? Double(k) / Double(n) : .nan
        let regionShare = fit?.aberrantShare ?? .nan
        let expected = fit?.mean(tally) ?? .nan
        let shift = tally.meanScore - expected
        let p = fit?.pValue(tally) ?? 1
        let figures = [
            Figure("students_compared", Double(n)),
            Figure("mean_misfit_score", tally.meanScore),
            Figure("region_mean_misfit_score", expected),
            Figure("region_between_unit_variance", fit?.tau2 ?? .nan),
            Figure("unit_level", tally.level),
            Figure("region_level_slope", fit?.centre.slope ?? .nan),
            Figure("student_variance", fit?.studentVariance ?? .nan),
            Figure("misfit_shift", shift),
            Figure("aberrant_students", Double(k)),
            Figure("aberrant_share", share),
            Figure("expected_aberrant", Double(n) * regionShare),
            Figure("region_mean_share", regionShare),
        ]
        let levelAdjusted = config.levelAdjusted
        let explanation = Explanation {
            let unit: String
            if let classLabel, let work { unit = "В классе \(classLabel) в работе «\(work.title)»" }
            else if let work { unit = "В работе «\(work.title)»" }
            else { unit = "По всем работам ОО" }
            return "\(unit) профили выполнения заданий менее согласованы с их трудностью (не решены лёгкие "
                + "задания при решённых трудных), чем у участников того же уровня в регионе: сдвиг на "
                + "\(RussianFormat.number(shift, digits: 2)) стандартного отклонения"
                + (levelAdjusted ? " от обычного для ОО такого уровня" : "") + ", нетипичный профиль у "
                + "\(RussianFormat.percent(share)) участников (\(k) из \(n)) при \(RussianFormat.percent(regionShare)) по региону "
                + "(\(RussianFormat.pValue(p)))."
        }
        return IndicatorTest(
            code: code, direction: "aberrant", category: .vpr, scope: scope, schoolID: schoolID, work: work,
            classLabel: classLabel, participants: participants, eligible: fit != nil && n >= config.minStudents,
            statisticName: "средний показатель нетипичности профиля (нормальная метка ошибок Гуттмана)",
            statistic: tally.meanScore, pValue: p,
            effectName: "сдвиг среднего показателя над средним по региону, в стандартных отклонениях",
            effectSize: shift, material: shift.isFinite && shift >= config.minScoreShift,
            explanation: explanation, figures: figures)
    }
}
