import Foundation

/// Turns every indicator test into the risk group, in two stages.
///
/// 1. Within each school, the deciding tests (school × work and school-pooled) are adjusted by the weighted
///    Holm procedure (each indicator an equal share of the school's error rate, its pooled tests
///    `pooledTestsWeight` of that share). The smallest adjusted p-value of a material test is the school's
///    p-value; requiring it to be at most α = `schoolFalsePositiveRate` bounds the probability that an honest
///    school is flagged by α.
/// 2. Across schools, Benjamini–Hochberg on the schools' p-values bounds the expected share of honest schools
///    among the flagged ones by `falseDiscoveryRate`.
/// A test flags when its school passes both stages, its own adjusted p is at most α and its effect is material.
/// The school's score is 100·L / (L + L₀) with L = −log₁₀ of its p-value and L₀ = −log₁₀ α, so it is 50
/// exactly at α; schools outside the risk group are capped at 49.
/// For information every test also gets a Benjamini–Hochberg q-value over all deciding tests of the run.
public struct RiskDecision: Sendable {
    public var config: DecisionConfig

    public init(config: DecisionConfig) {
        self.config = config
    }

    /// Adjusts the tests in place (q-values, school-adjusted p-values, significance) and assesses every school.
    public func decide(tests: inout [IndicatorTest], schools: [School], participants: [String: Int]) -> [SchoolAssessment] {
        let alpha = config.schoolFalsePositiveRate
        let deciding = tests.indices.filter { tests[$0].scope.decides && tests[$0].eligible }
        let q = MultipleTesting.benjaminiHochberg(deciding.map { tests[$0].pValue })
        for (i, index) in deciding.enumerated() { tests[index].qValue = q[i] }

        // Stage 1: weighted Holm within each school.
        var bySchool: [String: [Int]] = [:]
        for index in deciding { bySchool[tests[index].schoolID, default: []].append(index) }
        for (index, p) in schoolAdjustedPValues(tests, bySchool: bySchool) { tests[index].schoolAdjustedP = p }
        let schoolP = schools.map { school -> Double in
            (bySchool[school.id] ?? []).filter { tests[$0].material && tests[$0].code.decidesAlone }
                .compactMap { tests[$0].schoolAdjustedP }.min() ?? 1
        }
        // Stage 2: Benjamini–Hochberg across schools.
        let schoolQ = MultipleTesting.benjaminiHochberg(schoolP)
        var passes: [String: Bool] = [:]
        for (i, school) in schools.enumerated() {
            passes[school.id] = schoolP[i] <= alpha && schoolQ[i] <= config.falseDiscoveryRate
        }
        for index in deciding {
            tests[index].significant = passes[tests[index].schoolID] == true && tests[index].material
                && (tests[index].schoolAdjustedP ?? 1) <= alpha
        }

        let assessments = schools.enumerated().map { i, school -> SchoolAssessment in
            let indices = bySchool[school.id] ?? []
            let significant = indices.map { tests[$0] }.filter(\.significant)
                .sorted { ($0.schoolAdjustedP ?? 1, $0.pValue) < ($1.schoolAdjustedP ?? 1, $1.pValue) }
            // Indicators that cannot flag alone (HIGH) count only beside one that can.
            let inGroup = significant.contains { $0.code.decidesAlone }
            let evidence = inGroup ? significant : []
            var score = Self.score(adjustedP: schoolP[i], alpha: alpha)
            if !inGroup { score = min(score, 49) }
            return SchoolAssessment(
                school: school, riskGroup: inGroup, riskScore: score,
                categories: Set(evidence.map(\.category)).sorted(),
                flaggedWorks: flaggedWorks(evidence: evidence, all: tests, schoolID: school.id),
                indicators: Set(evidence.map(\.code)).sorted(),
                participants: participants[school.id] ?? 0,
                schoolPValue: schoolP[i], schoolQValue: schoolQ[i],
                evidence: evidence)
        }
        return assessments.sorted { ($1.riskScore, $0.school.id) < ($0.riskScore, $1.school.id) }
    }

    /// Weights of a school's family: every indicator gets an equal share of the school's error rate; within an
    /// indicator its pooled (all-works) tests share `pooledTestsWeight` of it and its per-work tests the rest
    /// (all to one kind when the other is absent). A manipulation usually spans the school, so pooled tests get more.
    func weights(_ family: [IndicatorTest]) -> [Double] {
        var tests: [IndicatorCode: Int] = [:], pooledTests: [IndicatorCode: Int] = [:]
        for t in family {
            tests[t.code, default: 0] += 1
            if t.scope == .school { pooledTests[t.code, default: 0] += 1 }
        }
        return family.map { t in
            let pooled = pooledTests[t.code] ?? 0
            let perWork = tests[t.code]! - pooled
            let share = pooled == 0 ? 0 : perWork == 0 ? 1 : min(max(config.pooledTestsWeight, 0.01), 0.99)
            let part = t.scope == .school ? share / Double(pooled) : (1 - share) / Double(perWork)
            return part / Double(tests.count)
        }
    }

    /// 100·L/(L + L₀): 0 for p = 1, 50 at p = α, approaching 100 as p → 0.
    public static func score(adjustedP: Double, alpha: Double) -> Int {
        let l = -log10(max(adjustedP, 1e-300))
        let l0 = -log10(alpha)
        guard l > 0 else { return 0 }
        return Int((100 * l / (l + l0)).rounded(.down))
    }

    /// Stage 1: the weighted Holm adjustment within each school, as (position in `tests`, adjusted p) pairs.
    /// Indicators that can flag alone form the school's family; the others (HIGH) are adjusted among themselves,
    /// since they only ever count beside a flag of the family. Returned rather than written, so that the
    /// families' copies of the tests are gone before the tests change (each change would copy a shared test).
    func schoolAdjustedPValues(_ tests: [IndicatorTest], bySchool: [String: [Int]]) -> [(index: Int, p: Double)] {
        var result: [(index: Int, p: Double)] = []
        let families = bySchool.mapValues { indices -> [(test: IndicatorTest, weight: Double)] in
            let family = indices.filter { tests[$0].code.decidesAlone }.map { tests[$0] }
            return Array(zip(family, weights(family)))
        }
        let signal = RegionSignal(families: families, config: config)
        for (schoolID, indices) in bySchool {
            let family = indices.filter { tests[$0].code.decidesAlone }
            let support = indices.filter { !tests[$0].code.decidesAlone }
            let familyWeights = signal.weights(families[schoolID]!, schoolID: schoolID)
            for (group, groupWeights) in [(family, familyWeights), (support, weights(support.map { tests[$0] }))]
                where !group.isEmpty {
                let adjusted = MultipleTesting.weightedHolm(group.map { tests[$0].pValue }, weights: groupWeights)
                for (i, index) in group.enumerated() { result.append((index, adjusted[i])) }
            }
        }
        return result
    }

    /// Works behind the flags: a work-level flag names its work; a pooled flag names the works
    /// where the same indicator and direction point the same way at the nominal 5 % level.
    func flaggedWorks(evidence: [IndicatorTest], all tests: [IndicatorTest], schoolID: String) -> [Work] {
        var works = Set<Work>()
        for flag in evidence {
            if let work = flag.work {
                works.insert(work)
            } else {
                for t in tests where t.schoolID == schoolID && t.scope == .schoolWork && t.code == flag.code
                    && t.direction == flag.direction && t.pValue < 0.05 && t.effectSize > 0 {
                    if let w = t.work { works.insert(w) }
                }
            }
        }
        return works.sorted { ($0.subject, $0.grade, $0.year) < ($1.subject, $1.grade, $1.year) }
    }
}
