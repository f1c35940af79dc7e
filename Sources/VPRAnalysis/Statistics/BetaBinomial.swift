import Foundation

/// The beta-binomial distribution: a binomial count whose success probability
/// itself varies between groups as Beta(α, β). The null model for a school's
/// count when schools of a region genuinely differ.
public enum BetaBinomial {
    /// P(X = k), as `scipy.stats.betabinom.pmf(k, n, a, b)`.
    public static func pmf(_ k: Int, n: Int, alpha: Double, beta: Double) -> Double {
        exp(logPmf(k, n: n, alpha: alpha, beta: beta))
    }

    /// log P(X = k); −∞ outside 0…n. Accurate for very large α + β (the binomial limit).
    public static func logPmf(_ k: Int, n: Int, alpha a: Double, beta b: Double) -> Double {
        guard n >= 0, a > 0, b > 0 else { return .nan }
        guard k >= 0, k <= n else { return -.infinity }
        return SpecialFunctions.logChoose(n, k)
            + logRisingFactorial(a, k) + logRisingFactorial(b, n - k) - logRisingFactorial(a + b, n)
    }

    /// P(X ≤ k), summed from the nearer tail so small values stay accurate.
    public static func cdf(_ k: Int, n: Int, alpha: Double, beta: Double) -> Double {
        guard n >= 0, alpha > 0, beta > 0 else { return .nan }
        if k < 0 { return 0 }
        if k >= n { return 1 }
        let mean = Double(n) * alpha / (alpha + beta)
        if Double(k) < mean {
            return min(1, sumTerms(from: k, downTo: true, n: n, a: alpha, b: beta))
        }
        return max(0, 1 - sumTerms(from: k + 1, downTo: false, n: n, a: alpha, b: beta))
    }

    /// P(X ≥ k), summed from the nearer tail so small values stay accurate.
    public static func upperTail(_ k: Int, n: Int, alpha: Double, beta: Double) -> Double {
        guard n >= 0, alpha > 0, beta > 0 else { return .nan }
        if k <= 0 { return 1 }
        if k > n { return 0 }
        let mean = Double(n) * alpha / (alpha + beta)
        if Double(k) > mean {
            return min(1, sumTerms(from: k, downTo: false, n: n, a: alpha, b: beta))
        }
        return max(0, 1 - sumTerms(from: k - 1, downTo: true, n: n, a: alpha, b: beta))
    }

    /// Two-sided tail probability min(1, 2 · min(P(X ≤ k), P(X ≥ k))).
    public static func twoSidedPValue(_ k: Int, n: Int, alpha: Double, beta: Double) -> Double {
        let lower = cdf(k, n: n, alpha: alpha, beta: beta)
        let upper = upperTail(k, n: n, alpha: alpha, beta: beta)
        return min(1, 2 * min(lower, upper))
    }

    /// log Γ(x + m) − log Γ(x) for x > 0, m ≥ 0, without cancellation for large x.
    static func logRisingFactorial(_ x: Double, _ m: Int) -> Double {
        if m == 0 { return 0 }
        let h = Double(m)
        if m <= 8 {
            var prod = 1.0
            for j in 0..<m { prod *= x + Double(j) }
            return log(prod)
        }
        if x >= 10 {
            // Stirling: (x − ½) log1p(h/x) + h log(x + h) − h + δ(x + h) − δ(x)
            return (x - 0.5) * log1p(h / x) + h * log(x + h) - h
                + SpecialFunctions.stirlingCorrection(x + h) - SpecialFunctions.stirlingCorrection(x)
        }
        return SpecialFunctions.logGamma(x + h) - SpecialFunctions.logGamma(x)
    }

    /// Σ pmf(j) for j from `start` towards 0 (`downTo`) or towards n, by the pmf ratio
    /// recurrence scaled to pmf(start), rescaled if terms grow (U-shaped laws).
    static func sumTerms(from start: Int, downTo: Bool, n: Int, a: Double, b: Double) -> Double {
        if start < 0 || start > n { return 0 }
        let logStart = logPmf(start, n: n, alpha: a, beta: b)
        var sum = 1.0, term = 1.0, logScale = 0.0
        let nd = Double(n)
        if downTo {
            var j = start
            while j > 0 {
                let jd = Double(j)
                term *= jd * (nd - jd + b) / ((nd - jd + 1) * (jd - 1 + a))
                sum += term
                if sum > 1e280 { sum *= 1e-280; term *= 1e-280; logScale += 644.723_826_038_332_8 }
                if term == 0 { break }
                j -= 1
            }
        } else {
            var j = start
            while j < n {
                let jd = Double(j)
                term *= (nd - jd) * (jd + a) / ((jd + 1) * (nd - jd - 1 + b))
                sum += term
                if sum > 1e280 { sum *= 1e-280; term *= 1e-280; logScale += 644.723_826_038_332_8 }
                if term == 0 { break }
                j += 1
            }
        }
        return exp(logStart + log(sum) + logScale)
    }
}
