import Foundation

/// The Poisson-binomial distribution: the number of successes among independent
/// trials with unequal probabilities (e.g. students with different expected marks).
public enum PoissonBinomial {
    /// P(X ≥ k) where X is a sum of independent Bernoulli(pᵢ); exact by dynamic programming.
    /// Tracks only min(k, n − k + 1) + 1 states with an absorbing tail state, so the cost is
    /// O(n · min(k, n − k)) and every operation adds non-negative terms (tiny tails stay accurate).
    public static func upperTail(_ k: Int, probabilities: [Double]) -> Double {
        let n = probabilities.count
        if k <= 0 { return 1 }
        if k > n { return 0 }
        if k <= n - k + 1 {
            return absorbingDistribution(threshold: k, probabilities: probabilities, flip: false)[k]
        }
        // P(X ≥ k) = P(failures ≤ n − k): count failures up to the absorbing state n − k + 1.
        let threshold = n - k + 1
        let dist = absorbingDistribution(threshold: threshold, probabilities: probabilities, flip: true)
        var sum = 0.0
        for f in 0..<threshold { sum += dist[f] }
        return min(1, sum)
    }

    /// P(X = j) for j = 0…n, exact by dynamic programming in O(n²).
    public static func pmf(probabilities: [Double]) -> [Double] {
        let n = probabilities.count
        var dp = [Double](repeating: 0, count: n + 1)
        dp[0] = 1
        for (i, p) in probabilities.enumerated() {
            let q = 1 - p
            dp[i + 1] = dp[i] * p
            var j = i
            while j > 0 {
                dp[j] = dp[j] * q + dp[j - 1] * p
                j -= 1
            }
            dp[0] *= q
        }
        return dp
    }

    /// Distribution of min(X, threshold) (X counts failures when `flip`).
    private static func absorbingDistribution(threshold k: Int, probabilities: [Double], flip: Bool) -> [Double] {
        var dp = [Double](repeating: 0, count: k + 1)
        dp[0] = 1
        var reach = 0   // highest state with possible mass
        for raw in probabilities {
            let p = flip ? 1 - raw : raw
            let q = flip ? raw : 1 - raw
            if reach == k {
                dp[k] += dp[k - 1] * p
            } else {
                dp[reach + 1] = dp[reach] * p
            }
            var j = min(reach, k - 1)
            while j > 0 {
                dp[j] = dp[j] * q + dp[j - 1] * p
                j -= 1
            }
            dp[0] *= q
            reach = min(reach + 1, k)
        }
        return dp
    }
}
