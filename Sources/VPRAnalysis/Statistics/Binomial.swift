import Foundation

/// The binomial distribution Bin(n, p): point probabilities by Loader's
/// saddle-point formula and both tails through the regularized incomplete
/// beta, so tails far below 1e-12 keep their relative accuracy in O(√n).
public enum Binomial {
    /// P(X = k), as `scipy.stats.binom.pmf(k, n, p)`.
    public static func pmf(_ k: Int, n: Int, p: Double) -> Double {
        exp(logPmf(k, n: n, p: p))
    }

    /// log P(X = k); −∞ outside 0…n.
    public static func logPmf(_ k: Int, n: Int, p: Double) -> Double {
        guard n >= 0, p >= 0, p <= 1 else { return .nan }
        guard k >= 0, k <= n else { return -.infinity }
        return SpecialFunctions.logBinomialTerm(Double(k), Double(n), p: p, q: 1 - p)
    }

    /// P(X ≤ k), as `scipy.stats.binom.cdf(k, n, p)`.
    public static func cdf(_ k: Int, n: Int, p: Double) -> Double {
        guard n >= 0, p >= 0, p <= 1 else { return .nan }
        if k < 0 { return 0 }
        if k >= n { return 1 }
        if p == 0 { return 1 }
        if p == 1 { return 0 }
        // P(X ≤ k) = I_{1−p}(n − k, k + 1)
        return SpecialFunctions.incompleteBeta(a: Double(n - k), b: Double(k + 1), x: 1 - p, y: p).lower
    }

    /// P(X ≥ k), as `scipy.stats.binom.sf(k - 1, n, p)`.
    public static func upperTail(_ k: Int, n: Int, p: Double) -> Double {
        guard n >= 0, p >= 0, p <= 1 else { return .nan }
        if k <= 0 { return 1 }
        if k > n { return 0 }
        if p == 0 { return 0 }
        if p == 1 { return 1 }
        // P(X ≥ k) = I_p(k, n − k + 1)
        return SpecialFunctions.incompleteBeta(a: Double(k), b: Double(n - k + 1), x: p, y: 1 - p).lower
    }
}
