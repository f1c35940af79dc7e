import Foundation

/// Turns every indicator test into the risk group.
///
/// The rule: within each school, the deciding tests (school × work and school-pooled) are adjusted by the
/// weighted Holm procedure (pooled tests share `pooledTestsWeight` of the school's error rate), which bounds
/// the probability that an honest school is flagged by `schoolFalsePositiveRate`; across the
/// run, Benjamini–Hochberg bounds the share of false flags among all flags by `falseDiscoveryRate`.
/// A test flags when it passes both and its effect is material. The school's score is
/// 100·L / (L + L₀) with L = −log₁₀ of its smallest adjusted p-value and L₀ = −log₁₀ α,
/// so it is 50 exactly at the school's error rate α and the risk group is the schools scoring 50 or more.
public struct RiskDecision: Sendable {
    public var config: DecisionConfig

    public init(config: DecisionConfig) {
        self.config = config
    }

    /// Adjusts the tests in place (q-values, school-adjusted p-values, significance) and assesses every school.
    public func decide(tests: inout [IndicatorTest], schools: [School], participants: [String: Int]) -> [SchoolAssessment] {
        let deciding = tests.indices.filter { tests[$0].scope.decides && tests[$0].eligible }
        let q = MultipleTesting.benjaminiHochberg(deciding.map { tests[$0].pValue })
        for (i, index) in deciding.enumerated() { tests[index].qValue = q[i] }

        var bySchool: [String: [Int]] = [:]
        for index in deciding { bySchool[tests[index].schoolID, default: []].append(index) }
        for (_, indices) in bySchool {
            let adjusted = MultipleTesting.weightedHolm(indices.map { tests[$0].pValue },
                                                        weights: weights(indices.map { tests[$0].scope }))
            for (i, index) in indices.enumerated() {
                tests[index].schoolAdjustedP = adjusted[i]
                tests[index].significant = adjusted[i] <= config.schoolFalsePositiveRate
                    && (tests[index].qValue ?? 1) <= config.falseDiscoveryRate
                    && tests[index].material
            }
        }

        let assessments = schools.map { school -> SchoolAssessment in
            let indices = bySchool[school.id] ?? []
            let significant = indices.map { tests[$0] }.filter(\.significant)
                .sorted { ($0.schoolAdjustedP ?? 1, $0.pValue) < ($1.schoolAdjustedP ?? 1, $1.pValue) }
            // Indicators that cannot flag alone (HIGH) count only beside one that can.
            let inGroup = significant.contains { $0.code.decidesAlone }
            let evidence = inGroup ? significant : []
            let deciding = indices.filter { tests[$0].material && tests[$0].code.decidesAlone }
            let materialP = deciding.compactMap { tests[$0].schoolAdjustedP }.min() ?? 1
            var score = Self.score(adjustedP: materialP, alpha: config.schoolFalsePositiveRate)
            if !inGroup { score = min(score, 49) }
            return SchoolAssessment(
                school: school, riskGroup: inGroup, riskScore: score,
                categories: Set(evidence.map(\.category)).sorted(),
                flaggedWorks: flaggedWorks(evidence: evidence, all: tests, schoolID: school.id),
                indicators: Set(evidence.map(\.code)).sorted(),
                participants: participants[school.id] ?? 0,
                smallestAdjustedP: indices.compactMap { tests[$0].schoolAdjustedP }.min() ?? 1,
                evidence: evidence)
        }
        return assessments.sorted { ($1.riskScore, $0.school.id) < ($0.riskScore, $1.school.id) }
    }

    /// Weights of a school's family: `pooledTestsWeight` shared by its pooled tests, the rest by its per-work
    /// tests (all to one kind when the other is absent).
    func weights(_ scopes: [TestScope]) -> [Double] {
        let pooled = scopes.filter { $0 == .school }.count
        let perWork = scopes.count - pooled
        let share = pooled == 0 ? 0 : perWork == 0 ? 1 : min(max(config.pooledTestsWeight, 0.01), 0.99)
        return scopes.map { $0 == .school ? share / Double(pooled) : (1 - share) / Double(perWork) }
    }

    /// 100·L/(L + L₀): 0 for p = 1, 50 at p = α, approaching 100 as p → 0.
    public static func score(adjustedP: Double, alpha: Double) -> Int {
        let l = -log10(max(adjustedP, 1e-300))
        let l0 = -log10(alpha)
        guard l > 0 else { return 0 }
        return Int((100 * l / (l + l0)).rounded(.down))
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
