import Foundation

/// Sum of independent beta-binomial counts, one per class: the null for a school's count when each
/// class (each teacher) has its own success probability drawn from the region's Beta(α, β).
public enum BetaBinomialSum {
    /// One component: n trials with probability drawn from Beta(alpha, beta).
    public struct Component: Hashable, Sendable {
        public var trials: Int
        public var alpha: Double
        public var beta: Double

        public init(trials: Int, alpha: Double, beta: Double) {
            self.trials = trials
            self.alpha = alpha
            self.beta = beta
        }
    }

    /// P(Σ Xⱼ = s) for s = 0…Σ nⱼ, by convolution of the components' probability mass functions.
    public static func pmf(_ components: [Component]) -> [Double] {
        var dist = [1.0]
        for c in components where c.trials > 0 {
            let own = (0...c.trials).map { BetaBinomial.pmf($0, n: c.trials, alpha: c.alpha, beta: c.beta) }
            var next = [Double](repeating: 0, count: dist.count + c.trials)
            for (i, a) in dist.enumerated() where a > 0 {
                for (j, b) in own.enumerated() { next[i + j] += a * b }
            }
            dist = next
        }
        return dist
    }

    /// P(Σ Xⱼ ≥ k), summed over the upper tail directly so small values stay accurate.
    public static func upperTail(_ k: Int, components: [Component]) -> Double {
        if k <= 0 { return 1 }
        let usable = components.filter { $0.trials > 0 }
        if usable.count == 1 {
            return BetaBinomial.upperTail(k, n: usable[0].trials, alpha: usable[0].alpha, beta: usable[0].beta)
        }
        let dist = pmf(usable)
        guard k < dist.count else { return 0 }
        return min(1, dist[k...].reduce(0, +))
    }
}
