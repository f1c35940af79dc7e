import Foundation

/// Descriptive statistics of a sample; empty input gives NaN.
public enum Descriptive {
    /// Arithmetic mean.
    public static func mean(_ x: [Double]) -> Double {
        guard !x.isEmpty else { return .nan }
        let m0 = x.reduce(0, +) / Double(x.count)
        // One correction pass for accuracy.
        let corr = x.reduce(0) { $0 + ($1 - m0) } / Double(x.count)
        return m0 + corr
    }

    /// Sample variance with n − 1 in the denominator (`numpy.var(x, ddof=1)`); NaN for fewer than 2 values.
    public static func variance(_ x: [Double]) -> Double {
        guard x.count >= 2 else { return .nan }
        let m = mean(x)
        var ss = 0.0, s = 0.0
        for v in x { let d = v - m; ss += d * d; s += d }
        return (ss - s * s / Double(x.count)) / Double(x.count - 1)
    }

    /// Sample standard deviation (ddof 1).
    public static func standardDeviation(_ x: [Double]) -> Double {
        variance(x).squareRoot()
    }

    /// Mean of the values 0, 1, 2, … given by their counts (`numpy.mean(numpy.repeat(range(len(c)), c))`): the
    /// sum is exact in integers and divided once. NaN when every count is 0.
    public static func histogramMean(_ counts: [Int]) -> Double {
        var n = 0, sum = 0
        for (value, count) in counts.enumerated() { n += count; sum += value * count }
        return n > 0 ? Double(sum) / Double(n) : .nan
    }

    /// Sample variance (ddof 1) of the values 0, 1, 2, … given by their counts, with the same correction as
    /// `variance`; NaN for fewer than 2 values.
    public static func histogramVariance(_ counts: [Int]) -> Double {
        let n = counts.reduce(0, +)
        guard n >= 2 else { return .nan }
        let m = histogramMean(counts)
        var ss = 0.0, s = 0.0
        for (value, count) in counts.enumerated() where count > 0 {
            let d = Double(value) - m, c = Double(count)
            ss += c * d * d
            s += c * d
        }
        return (ss - s * s / Double(n)) / Double(n - 1)
    }

    /// Sample standard deviation (ddof 1) of the values given by their counts.
    public static func histogramStandardDeviation(_ counts: [Int]) -> Double {
        histogramVariance(counts).squareRoot()
    }

    /// Median (mean of the two middle values for even n), as `numpy.median`.
    public static func median(_ x: [Double]) -> Double {
        guard !x.isEmpty else { return .nan }
        let s = x.sorted()
        let n = s.count
        return n % 2 == 1 ? s[n / 2] : 0.5 * (s[n / 2 - 1] + s[n / 2])
    }

    /// Median absolute deviation scaled to the normal σ (× 1.4826…), as
    /// `scipy.stats.median_abs_deviation(x, scale="normal")`.
    public static func medianAbsoluteDeviation(_ x: [Double]) -> Double {
        guard !x.isEmpty else { return .nan }
        let m = median(x)
        // scale="normal" divides by Φ⁻¹(3/4) = 0.6744897501960817.
        return median(x.map { abs($0 - m) }) / 0.674_489_750_196_081_7
    }

    /// Weighted mean Σ wᵢxᵢ / Σ wᵢ; NaN if the weights sum to 0.
    public static func weightedMean(_ x: [Double], weights: [Double]) -> Double {
        precondition(x.count == weights.count, "values and weights differ in length")
        var num = 0.0, den = 0.0
        for (v, w) in zip(x, weights) { num += w * v; den += w }
        return den == 0 ? .nan : num / den
    }
}
