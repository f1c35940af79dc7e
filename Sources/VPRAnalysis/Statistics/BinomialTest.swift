import Foundation

/// The exact binomial test of an observed count against a known success
/// probability (e.g. a school's share of marks "5" against the region's share).
public enum BinomialTest {
    /// Exact binomial test, as `scipy.stats.binomtest(k, n, p, alternative).pvalue`
    /// (two-sided uses scipy's method: sum of pmf ≤ pmf(k) with relative tolerance 1 + 1e-7).
    public static func pValue(successes k: Int, trials n: Int, probability p: Double, alternative: Alternative) -> Double {
        guard n >= 0, k >= 0, k <= n, p >= 0, p <= 1 else { return .nan }
        switch alternative {
        case .less:
            return Binomial.cdf(k, n: n, p: p)
        case .greater:
            return Binomial.upperTail(k, n: n, p: p)
        case .twoSided:
            if n == 0 { return 1 }
            let d = Binomial.pmf(k, n: n, p: p)
            let rerr = 1 + 1e-7
            let mean = p * Double(n)
            let pval: Double
            if Double(k) == mean {
                pval = 1
            } else if Double(k) < mean {
                let ix = binarySearch(lo: Int(mean.rounded(.up)), hi: n, target: -d * rerr) { -Binomial.pmf($0, n: n, p: p) }
                let y = n - ix + (d * rerr == Binomial.pmf(ix, n: n, p: p) ? 1 : 0)
                pval = Binomial.cdf(k, n: n, p: p) + Binomial.upperTail(n - y + 1, n: n, p: p)
            } else {
                let ix = binarySearch(lo: 0, hi: Int(mean.rounded(.down)), target: d * rerr) { Binomial.pmf($0, n: n, p: p) }
                let y = ix + 1
                pval = Binomial.cdf(y - 1, n: n, p: p) + Binomial.upperTail(k, n: n, p: p)
            }
            return min(1, pval)
        }
    }

    /// scipy's `_binary_search_for_binom_tst`: index i in lo…hi with a(i) ≤ d < a(i+1), for ascending a.
    private static func binarySearch(lo: Int, hi: Int, target d: Double, _ a: (Int) -> Double) -> Int {
        var lo = lo, hi = hi
        while lo < hi {
            let mid = lo + (hi - lo) / 2
            let midval = a(mid)
            if midval < d {
                lo = mid + 1
            } else if midval > d {
                hi = mid - 1
            } else {
                return mid
            }
        }
        return a(lo) <= d ? lo : lo - 1
    }
}
