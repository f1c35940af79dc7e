import Foundation

/// `INVERSION` (federal criterion 2): the school does basic tasks (Б) worse and advanced and high tasks (П, В)
/// better than the region's students **with the same total score** would.
///
/// Conditioning on the total makes a strong school's good results on hard tasks expected, not suspicious.
/// It does not make them fully expected: when hard tasks discriminate more than basic ones, students of a
/// strong school are, at the same total, a little stronger than the region's and do the hard tasks a little
/// better. So the region's centre depends on the school's level (mean share of the maximum score): flat up to the
/// median level, rising linearly above it, fitted over the region's schools by a random-effects meta-regression
/// (`LevelAdjustedCentre`); each school is compared with what schools of its own level show.
/// Help during the test (answers supplied on failed tasks, hard ones included) leaves a student with fewer
/// basic points than honest students of the same total. The school's mean contrast is judged against the
/// region's between-school distribution of contrasts (a robust random-effects model), because honest schools
/// differ somewhat in their task profiles.
public struct InversionOfLevels: Indicator {
    public let code = IndicatorCode.inversion

    public init() {}

    /// One (school, work): the school's contrast and its sampling variance under the region's expectation.
    struct Unit {
        var key: SchoolWorkKey
        var participants: Int
        /// Students with every leveled task score.
        var students: Int
        var basicResidual: Double
        var harderResidual: Double
        var contrast: Double
        var samplingVariance: Double
        var observedBasicShare: Double
        var expectedBasicShare: Double
        /// Mean share of the maximum total score of the students behind the contrast.
        var level: Double
    }

    /// Every unit's tests decide: the indicator has no class-level tests.
    public func evaluation(_ context: AnalysisContext) -> IndicatorEvaluation {
        IndicatorEvaluation(tests: decidingTests(context))
    }

    func decidingTests(_ context: AnalysisContext) -> [IndicatorTest] {
        let config = context.config.inversion
        var tests: [IndicatorTest] = []
        var pooledZ: [String: [Double]] = [:]
        var pooledUnits: [String: [Unit]] = [:]
        for work in context.works {
            guard let spec = context.dataset.works[work], let profile = TaskLevelProfile(spec: spec) else { continue }
            let units = self.units(work: work, spec: spec, profile: profile, context: context, config: config)
            let usable = units.filter { $0.students >= config.minStudents && $0.samplingVariance > 0 }
            let null = usable.count >= config.minSchools ? Self.regionNull(usable, config: config) : nil
            for unit in units {
                let eligible = null != nil && unit.students >= config.minStudents && unit.samplingVariance > 0
                let centre = null?.centre(unit.level) ?? .nan
                let tau2 = null?.tau2 ?? .nan
                let se = (unit.samplingVariance + tau2).squareRoot()
                let z = eligible ? (unit.contrast - centre) / se : .nan
                let p = eligible ? Normal.sf(z) : 1
                if eligible {
                    pooledZ[unit.key.schoolID, default: []].append(z)
                    pooledUnits[unit.key.schoolID, default: []].append(unit)
                }
                tests.append(makeTest(unit: unit, work: work, profile: profile, centre: centre, tau2: tau2,
                                      slope: null?.slope ?? .nan, z: z, p: p, eligible: eligible, config: config))
            }
        }
        tests += pooledTests(pooledZ, pooledUnits, context: context, config: config)
        return tests
    }

    /// The region's null on one work: the centre as a hinge in the school's level (`LevelAdjustedCentre`: the
    /// effect comes from the top of the scale, where strong schools' students sit), and the between-school spread
    /// around it; one flat centre when `levelAdjusted` is off.
    static func regionNull(_ usable: [Unit], config: InversionConfig) -> LevelAdjustedCentre {
        LevelAdjustedCentre.fit(effects: usable.map(\.contrast), variances: usable.map(\.samplingVariance),
                                levels: usable.map(\.level), trimP: config.trimPValue, adjusted: config.levelAdjusted)
    }

    /// Every school's contrast on one work against the rest of the region.
    func units(work: Work, spec: WorkSpec, profile: TaskLevelProfile, context: AnalysisContext,
               config: InversionConfig) -> [Unit] {
        let keys = context.keys(of: work)
        typealias Sums = (basic: InversionExpectation, harder: InversionExpectation, contrast: InversionExpectation)
        func empty() -> Sums {
            (InversionExpectation(maxTotal: profile.maxTotal), InversionExpectation(maxTotal: profile.maxTotal),
             InversionExpectation(maxTotal: profile.maxTotal))
        }
        var region = empty()
        var perSchool: [(SchoolWorkKey, Int, [(total: Int, basic: Double, harder: Double)], Sums)] = []
        for key in keys {
            let results = context.results(key)
            let students = results.compactMap { profile.profile($0, tasks: spec.tasks) }
            var own = empty()
            for s in students {
                own.basic.add(total: s.total, value: s.basic)
                own.harder.add(total: s.total, value: s.harder)
                own.contrast.add(total: s.total, value: s.harder - s.basic)
                region.basic.add(total: s.total, value: s.basic)
                region.harder.add(total: s.total, value: s.harder)
                region.contrast.add(total: s.total, value: s.harder - s.basic)
            }
            perSchool.append((key, results.count, students, own))
        }
        return perSchool.map { key, participants, students, own in
            let rest = (basic: region.basic.subtracting(own.basic), harder: region.harder.subtracting(own.harder),
                        contrast: region.contrast.subtracting(own.contrast))
            var rb = 0.0, rh = 0.0, variance = 0.0, observed = 0.0, expectedSum = 0.0, totals = 0.0, n = 0
            // Per total: the school's students there and the variance of the region's expectation they share
            // (arrays, not a dictionary, so the sum runs in one order and the figures are the same every run).
            var sharedStudents = [Double](repeating: 0, count: profile.maxTotal + 1)
            var sharedVariance = sharedStudents
            let m = config.minStudentsPerTotal
            for s in students {
                guard let eb = rest.basic.expected(total: s.total, minCount: m),
                      let eh = rest.harder.expected(total: s.total, minCount: m),
                      let ec = rest.contrast.expected(total: s.total, minCount: m) else { continue }
                rb += s.basic - eb.mean
                rh += s.harder - eh.mean
                variance += ec.variance
                sharedStudents[s.total] += 1
                sharedVariance[s.total] = ec.meanVariance
                observed += s.basic
                expectedSum += eb.mean
                totals += Double(s.total)
                n += 1
            }
            for t in sharedStudents.indices where sharedStudents[t] > 0 {
                variance += sharedStudents[t] * sharedStudents[t] * sharedVariance[t]
            }
            let count = Double(max(n, 1))
            return Unit(key: key, participants: participants, students: n, basicResidual: rb / count,
                        harderResidual: rh / count, contrast: (rh - rb) / count,
                        samplingVariance: variance / (count * count),
                        observedBasicShare: observed / count, expectedBasicShare: expectedSum / count,
                        level: totals / count / Double(max(profile.maxTotal, 1)))
        }
    }

    func makeTest(unit: Unit, work: Work, profile: TaskLevelProfile, centre: Double, tau2: Double, slope: Double,
                  z: Double, p: Double, eligible: Bool, config: InversionConfig) -> IndicatorTest {
        let excess = unit.contrast - centre
        let figures = [
            Figure("students_with_task_scores", Double(unit.students)),
            Figure("basic_tasks", Double(profile.basicTasks.count)),
            Figure("harder_tasks", Double(profile.harderTasks.count)),
            Figure("basic_success_observed", unit.observedBasicShare),
            Figure("basic_success_expected_at_same_total", unit.expectedBasicShare),
            Figure("basic_residual_share", unit.basicResidual),
            Figure("harder_residual_share", unit.harderResidual),
            Figure("contrast", unit.contrast),
            Figure("sampling_variance", unit.samplingVariance),
            Figure("school_level", unit.level),
            Figure("region_level_slope", slope),
            Figure("region_centre", centre),
            Figure("region_tau2", tau2),
            Figure("z", z),
        ]
        let (basic, harder, contrast, levelAdjusted) = (unit.basicResidual, unit.harderResidual, unit.contrast, config.levelAdjusted)
        let explanation = Explanation {
            "В работе «\(work.title)» ученики ОО при том же общем балле выполнили задания базового уровня "
                + "\(Self.signedPercent(basic)), а задания повышенного и высокого уровня "
                + "\(Self.signedPercent(harder)), чем в среднем по региону (контраст "
                + "\(RussianFormat.number(contrast * 100, digits: 1)) п. п. при "
                + (levelAdjusted ? "обычном для ОО такого уровня " : "центре региона ")
                + "\(RussianFormat.number(centre * 100, digits: 1)) п. п. и обычном разбросе между ОО; \(RussianFormat.pValue(p)))."
        }
        return IndicatorTest(
            code: code, direction: "inversion", category: .vpr, scope: .schoolWork, schoolID: unit.key.schoolID,
            work: work, participants: unit.participants, eligible: eligible,
            statisticName: "контраст остатков (повышенный и высокий уровень минус базовый) при том же общем балле",
            statistic: unit.contrast, pValue: p,
            effectName: "превышение контраста над центром региона, доля выполнения заданий", effectSize: excess,
            material: eligible && excess.isFinite && excess >= config.minContrast, explanation: explanation, figures: figures)
    }

    /// The school as a whole: Stouffer's pooled z over its works, scaled by the spread of the region's pooled values.
    func pooledTests(_ pooledZ: [String: [Double]], _ pooledUnits: [String: [Unit]], context: AnalysisContext,
                     config: InversionConfig) -> [IndicatorTest] {
        let schools = context.schoolIDs.filter { (pooledZ[$0]?.count ?? 0) > 1 }
        let pooled = schools.map { StoufferEmpiricalNull.pooled(pooledZ[$0]!) }
        let scale = StoufferEmpiricalNull.scale(pooled, minimumUnits: config.minSchools)
        return zip(schools, pooled).map { schoolID, zPooled in
            let units = pooledUnits[schoolID]!
            let students = units.reduce(0) { $0 + $1.students }
            let participants = units.reduce(0) { $0 + $1.participants }
            let contrast = units.reduce(0.0) { $0 + $1.contrast * Double($1.students) } / Double(max(students, 1))
            let p = Normal.sf(zPooled / scale)
            let works = units.count
            let explanation = Explanation {
                "По \(works) \(RussianFormat.plural(works, "работе", "работам", "работам")) ОО в среднем "
                    + "контраст остатков (задания повышенного и высокого уровня минус базового при том же общем балле) "
                    + "\(RussianFormat.number(contrast * 100, digits: 1)) п. п.; сводная z-оценка "
                    + "\(RussianFormat.number(zPooled, digits: 2)) при разбросе сводных оценок ОО региона "
                    + "\(RussianFormat.number(scale, digits: 2)) (\(RussianFormat.pValue(p)))."
            }
            return IndicatorTest(
                code: code, direction: "inversion", category: .vpr, scope: .school, schoolID: schoolID, work: nil,
                participants: participants, eligible: true,
                statisticName: "сводная z-оценка контраста по работам (Стауффер)", statistic: zPooled, pValue: p,
                effectName: "средний контраст остатков, доля выполнения заданий", effectSize: contrast,
                material: contrast >= config.minContrast, explanation: explanation,
                figures: [Figure("works", Double(works)), Figure("students_with_task_scores", Double(students)),
                          Figure("pooled_z", zPooled), Figure("region_scale_of_pooled_z", scale),
                          Figure("mean_contrast", contrast)])
        }
    }

    /// «на 4,2 п. п. хуже» / «на 3,1 п. п. лучше» (percentage points of the mean task success rate).
    static func signedPercent(_ share: Double) -> String {
        let word = share < 0 ? "хуже" : "лучше"
        return "на \(RussianFormat.number(abs(share) * 100, digits: 1)) п. п. \(word)"
    }
}
