import Foundation

/// `HELP`: help during the test seen across several indicators at once. A helped school looks like a
/// stronger school, so each indicator alone sees it weakly; together the traces add up. The school-level
/// p-values of HIGH (mean score), JOURNAL (raised), PERSONFIT and INVERSION become normal scores and are
/// summed by Stouffer's method; the sum is judged against the same sum over the region's schools (an
/// empirical null, Efron 2004: median centre and spread from the lower half, never below the theoretical
/// 0 and 1),
/// which also absorbs the dependence between the indicators.
public struct HelpSignature: Sendable {
    /// The pooled tests that make up the signature: indicator and direction.
    public static let components: [(code: IndicatorCode, direction: String)] = [
        (.high, "meanScore"), (.journal, "raised"), (.personFit, "aberrant"), (.inversion, "inversion"),
    ]

    public init() {}

    /// The signature's tests, one per school, computed from the other indicators' school-level tests.
    public func combine(_ tests: [IndicatorTest], config: HelpSignatureConfig) -> [IndicatorTest] {
        var bySchool: [String: [IndicatorCode: IndicatorTest]] = [:]
        for t in tests where t.scope == .school && t.eligible {
            guard Self.components.contains(where: { $0.code == t.code && $0.direction == t.direction }) else { continue }
            bySchool[t.schoolID, default: [:]][t.code] = t
        }
        let schools = bySchool.keys.sorted().filter { bySchool[$0]!.count >= config.minComponents }
        let combined = schools.map { id -> Double in
            let parts = bySchool[id]!
            let z = Self.components.compactMap { parts[$0.code].map { Self.normalScore($0.pValue) } }
            return z.reduce(0, +) / Double(z.count).squareRoot()
        }
        let null = Self.empiricalNull(combined)
        let eligible = combined.count >= config.minSchools
        return zip(schools, combined).map { id, z in
            let parts = bySchool[id]!
            let standardized = (z - null.centre) / null.scale
            let p = eligible ? Normal.sf(standardized) : 1
            let corroborating = Self.components.filter { (parts[$0.code]?.pValue ?? 1) < config.corroborationPValue }.count
            var figures = Self.components.compactMap { c in parts[c.code].map { Figure("z_\(c.code.rawValue)", Self.normalScore($0.pValue)) } }
            figures += [Figure("combined_z", z), Figure("region_centre", null.centre), Figure("region_scale", null.scale),
                        Figure("corroborating_indicators", Double(corroborating))]
            let traces = Self.components.compactMap { c in parts[c.code].map { (c.code, $0.pValue) } }
            let explanation = Explanation {
                let signs = traces.map { "\(Self.russianTrace($0.0)) (\(RussianFormat.pValue($0.1)))" }
                return "Следы помощи на работе в нескольких показателях сразу: " + signs.joined(separator: ", ")
                    + "; в сумме они сильнее, чем у ОО региона (\(RussianFormat.pValue(p)))."
            }
            return IndicatorTest(
                code: .helpSignature, direction: "combined", category: .vpr, scope: .school, schoolID: id, work: nil,
                participants: Self.components.compactMap { parts[$0.code]?.participants }.max() ?? 0, eligible: eligible,
                statisticName: "сумма нормальных оценок показателей (Стауффер)", statistic: z, pValue: p,
                effectName: "превышение над обычным для региона, в единицах разброса", effectSize: standardized,
                material: corroborating >= config.minCorroborating, explanation: explanation, figures: figures)
        }
    }

    /// z = Φ⁻¹(1 − p), kept within [−3, 8] so a p of exactly 1 or 0 stays finite.
    static func normalScore(_ p: Double) -> Double {
        min(8, max(-3, Normal.quantile(1 - min(max(p, 1e-15), 1 - 1e-15))))
    }

    /// Median centre, never below the theoretical 0 (conservative components pull the median down, and a
    /// lower centre would make the signature lenient), and a spread estimated from the lower half
    /// (median − lower quartile over 0.6745), never below the theoretical 1.
    public static func empiricalNull(_ values: [Double]) -> (centre: Double, scale: Double) {
        guard values.count >= 4 else { return (0, 1) }
        let sorted = values.sorted()
        func quantile(_ q: Double) -> Double {
            let position = q * Double(sorted.count - 1)
            let lower = Int(position.rounded(.down)), upper = min(lower + 1, sorted.count - 1)
            return sorted[lower] + (position - Double(lower)) * (sorted[upper] - sorted[lower])
        }
        let median = quantile(0.5)
        let scale = max(1, (median - quantile(0.25)) / 0.6744897501960817)
        return (max(0, median), scale)
    }

    static func russianTrace(_ code: IndicatorCode) -> String {
        switch code {
        case .high: return "результаты выше региона"
        case .journal: return "отметки ВПР выше журнальных"
        case .personFit: return "нетипичные профили выполнения"
        case .inversion: return "сложные задания лучше базовых"
        default: return code.rawValue
        }
    }
}
