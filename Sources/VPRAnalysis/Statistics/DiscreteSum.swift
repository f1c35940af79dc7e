import Foundation

/// The sum of independent random variables on 0, 1, 2, … with arbitrary finite distributions
/// (e.g. weighted match scores over the tasks of a paper). Exact by convolution.
public enum DiscreteSum {
    /// P(S = s) for s = 0…Σ maxᵢ, where `components[i][v]` = P(Xᵢ = v). Components need not sum to 1
    /// exactly; each is used as given. O(Σ lengths · total range).
    public static func pmf(_ components: [[Double]]) -> [Double] {
        var dist: [Double] = [1]
        for component in components where !component.isEmpty {
            var next = [Double](repeating: 0, count: dist.count + component.count - 1)
            for (v, pv) in component.enumerated() where pv > 0 {
                for (s, ps) in dist.enumerated() where ps > 0 { next[s + v] += ps * pv }
            }
            dist = next
        }
        return dist
    }

    /// P(S ≥ s) for every s = 0…Σ maxᵢ (+ a trailing 0), summed from the top so tiny tails keep their precision.
    public static func survival(_ components: [[Double]]) -> [Double] {
        let p = pmf(components)
        var out = [Double](repeating: 0, count: p.count + 1)
        var acc = 0.0
        for s in stride(from: p.count - 1, through: 0, by: -1) {
            acc += p[s]
            out[s] = min(1, acc)
        }
        return out
    }

    /// P(S ≥ k).
    public static func upperTail(_ k: Int, components: [[Double]]) -> Double {
        if k <= 0 { return 1 }
        let s = survival(components)
        return k < s.count ? s[k] : 0
    }
}
