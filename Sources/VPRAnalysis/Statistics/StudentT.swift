import Foundation

/// Student's t distribution with ν degrees of freedom (ν may be fractional; ∞ is normal).
public enum StudentT {
    /// P(T > t), as `scipy.stats.t.sf(t, df)`; accurate in relative terms far into both tails.
    public static func sf(_ t: Double, degreesOfFreedom df: Double) -> Double {
        if t.isNaN || df.isNaN || df <= 0 { return .nan }
        if df.isInfinite { return Normal.sf(t) }
        if t == 0 { return 0.5 }
        // Two-sided tail: I_{ν/(ν+t²)}(ν/2, ½), with x and 1 − x formed separately.
        let r = t * t / df
        let x: Double, y: Double
        if r.isInfinite {
            x = 0; y = 1
        } else {
            x = 1 / (1 + r); y = r / (1 + r)
        }
        let pair = SpecialFunctions.incompleteBeta(a: df / 2, b: 0.5, x: x, y: y)
        let halfTail = 0.5 * pair.lower
        return t > 0 ? halfTail : 0.5 + 0.5 * pair.upper
    }

    /// P(T ≤ t), as `scipy.stats.t.cdf(t, df)`.
    public static func cdf(_ t: Double, degreesOfFreedom df: Double) -> Double {
        sf(-t, degreesOfFreedom: df)
    }
}
