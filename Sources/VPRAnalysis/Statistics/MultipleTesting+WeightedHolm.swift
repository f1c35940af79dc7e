extension MultipleTesting {
    /// Weighted Holm step-down adjusted p-values (Holm 1979, weighted form): hypotheses are ordered by pᵢ/wᵢ
    /// and p̃₍ₖ₎ = max over j ≤ k of min(1, p₍ⱼ₎/w₍ⱼ₎ · Σ_{l ≥ j} w₍ₗ₎). Rejecting p̃ ≤ α controls the
    /// family-wise error at α. Weights need not sum to one (they are normalised); equal weights give `holm`.
    /// NaN p-values stay NaN and take no part.
    public static func weightedHolm(_ p: [Double], weights: [Double]) -> [Double] {
        precondition(p.count == weights.count, "p-values and weights differ in length")
        precondition(weights.allSatisfy { $0 > 0 }, "weights must be positive")
        let active = p.indices.filter { !p[$0].isNaN }
        let total = active.reduce(0.0) { $0 + weights[$1] }
        let order = active.sorted { p[$0] / weights[$0] < p[$1] / weights[$1] }
        var remaining = total
        var running = 0.0
        var result = p
        for i in order {
            running = max(running, p[i] / (weights[i] / total) * (remaining / total))
            result[i] = min(1, running)
            remaining -= weights[i]
        }
        return result
    }
}
