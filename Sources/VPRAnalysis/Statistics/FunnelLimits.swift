import Foundation

/// Control limits of a funnel plot for a proportion (Spiegelhalter 2005, appendix A.1.1): the
/// P-quantile of the count's null distribution, interpolated so the limit is a smooth curve in n.
public enum FunnelLimits {
    /// Interpolated P-quantile of a discrete distribution on 0…n, as a proportion:
    /// r = the smallest count with F(r) ≥ P, α = (F(r) − P) / (F(r) − F(r − 1)), limit = (r − α) / n.
    /// `cdf(r)` must be the null distribution function of the count.
    public static func interpolatedQuantile(n: Int, probability: Double, cdf: (Int) -> Double) -> Double {
        precondition(n > 0 && probability > 0 && probability < 1)
        var r = 0
        var f = cdf(0)
        while f < probability && r < n {
            r += 1
            f = cdf(r)
        }
        let below = r > 0 ? cdf(r - 1) : 0
        let step = f - below
        let alpha = step > 0 ? (f - probability) / step : 0
        return (Double(r) - alpha) / Double(n)
    }

    /// Exact binomial limit for a share in a unit of size n when the null share is p₀
    /// (`probability` 0.975 / 0.999 for the upper 95 % / 99.8 % limits, 0.025 / 0.001 for the lower).
    public static func binomial(n: Int, p0: Double, probability: Double) -> Double {
        interpolatedQuantile(n: n, probability: probability) { Binomial.cdf($0, n: n, p: p0) }
    }

    /// The same limit when the unit's share itself varies as Beta(α, β) between units (additive overdispersion).
    public static func betaBinomial(n: Int, alpha: Double, beta: Double, probability: Double) -> Double {
        interpolatedQuantile(n: n, probability: probability) { BetaBinomial.cdf($0, n: n, alpha: alpha, beta: beta) }
    }
}
