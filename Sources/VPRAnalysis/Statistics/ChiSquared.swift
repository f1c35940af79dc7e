import Foundation

/// The chi-squared distribution with ν degrees of freedom (ν may be fractional).
public enum ChiSquared {
    /// P(X > x), as `scipy.stats.chi2.sf(x, df)`; accurate in relative terms far into the tail.
    public static func sf(_ x: Double, degreesOfFreedom df: Double) -> Double {
        if x <= 0 { return 1 }
        return SpecialFunctions.incompleteGamma(a: df / 2, x: x / 2).upper
    }

    /// P(X ≤ x), as `scipy.stats.chi2.cdf(x, df)`.
    public static func cdf(_ x: Double, degreesOfFreedom df: Double) -> Double {
        if x <= 0 { return 0 }
        return SpecialFunctions.incompleteGamma(a: df / 2, x: x / 2).lower
    }
}
