import Foundation

/// Sum of independent binomials Bin(mⱼ, pⱼ): upper tail by convolution. Used for the
/// bunching test across mark boundaries.
public enum BinomialSum {
    /// P(Σ Xⱼ ≥ k) with Xⱼ ~ Bin(mⱼ, pⱼ). Equal probabilities reduce to one binomial;
    /// otherwise convolution truncated at an absorbing state, counting successes or
    /// failures, whichever threshold is smaller.
    public static func upperTail(_ k: Int, trials: [Int], probabilities: [Double]) -> Double {
        precondition(trials.count == probabilities.count, "trials and probabilities differ in length")
        let total = trials.reduce(0, +)
        if k <= 0 { return 1 }
        if k > total { return 0 }
        var groups: [(m: Int, p: Double)] = []
        for (m, p) in zip(trials, probabilities) where m > 0 { groups.append((m, p)) }
        if let first = groups.first?.p, groups.allSatisfy({ $0.p == first }) {
            return Binomial.upperTail(k, n: total, p: first)
        }
        if k <= total - k + 1 {
            return absorbingDistribution(threshold: k, groups: groups, flip: false)[k]
        }
        let threshold = total - k + 1
        let dist = absorbingDistribution(threshold: threshold, groups: groups, flip: true)
        var sum = 0.0
        for f in 0..<threshold { sum += dist[f] }
        return min(1, sum)
    }

    /// Distribution of min(S, threshold), S the sum (of failures when `flip`).
    private static func absorbingDistribution(threshold k: Int, groups: [(m: Int, p: Double)], flip: Bool) -> [Double] {
        var dp = [Double](repeating: 0, count: k + 1)
        dp[0] = 1
        var reach = 0
        var next = dp
        for group in groups {
            let p = flip ? 1 - group.p : group.p
            let m = group.m
            let width = min(m, k)
            var pmf = [Double](repeating: 0, count: width + 1)
            for i in 0...width { pmf[i] = Binomial.pmf(i, n: m, p: p) }
            // tail[r] = P(Bin ≥ r) for r = 0…k (0 beyond m).
            var tail = [Double](repeating: 0, count: k + 1)
            if m <= k {
                var acc = 0.0
                var r = m
                while r >= 0 { acc += pmf[r]; tail[r] = acc; r -= 1 }
            } else {
                tail[k] = Binomial.upperTail(k, n: m, p: p)
                var r = k - 1
                while r >= 0 { tail[r] = tail[r + 1] + pmf[r]; r -= 1 }
            }
            for j in 0..<k {
                var s = 0.0
                let lo = max(0, j - reach)
                let hi = min(j, width)
                if lo <= hi {
                    for i in lo...hi { s += dp[j - i] * pmf[i] }
                }
                next[j] = s
            }
            var absorbed = dp[k]
            for j in 0...min(reach, k - 1) { absorbed += dp[j] * tail[k - j] }
            next[k] = absorbed
            swap(&dp, &next)
            reach = min(reach + m, k)
        }
        return dp
    }
}
