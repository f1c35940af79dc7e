import Foundation

/// A confidence interval for a proportion (a school's share of some mark).
public struct ProportionInterval: Sendable, Codable, Hashable {
    public var lower: Double
    public var upper: Double

    public init(lower: Double, upper: Double) {
        self.lower = lower
        self.upper = upper
    }

    /// Wilson score interval, as statsmodels `proportion_confint(count, nobs, alpha, method="wilson")`.
    public static func wilson(successes: Int, trials: Int, confidence: Double = 0.95) -> ProportionInterval {
        guard trials > 0 else { return ProportionInterval(lower: 0, upper: 1) }
        let n = Double(trials)
        let q = Double(successes) / n
        let crit = Normal.inverseSurvival((1 - confidence) / 2)
        let crit2 = crit * crit
        let denom = 1 + crit2 / n
        let center = (q + crit2 / (2 * n)) / denom
        let dist = crit * (q * (1 - q) / n + crit2 / (4 * n * n)).squareRoot() / denom
        return ProportionInterval(lower: center - dist, upper: center + dist)
    }

    /// Clopper–Pearson exact interval, as statsmodels `proportion_confint(..., method="beta")`.
    public static func clopperPearson(successes: Int, trials: Int, confidence: Double = 0.95) -> ProportionInterval {
        guard trials > 0 else { return ProportionInterval(lower: 0, upper: 1) }
        let alpha = 1 - confidence
        let x = Double(successes), n = Double(trials)
        let lower = successes == 0 ? 0 : SpecialFunctions.betaQuantile(alpha / 2, a: x, b: n - x + 1, upperTail: false)
        let upper = successes == trials ? 1 : SpecialFunctions.betaQuantile(alpha / 2, a: x + 1, b: n - x, upperTail: true)
        return ProportionInterval(lower: lower, upper: upper)
    }
}
