import Foundation

/// Combining independent p-values into one (e.g. several indicators or several years of a school).
public enum PValueCombination {
    /// Fisher's method: −2 Σ log pᵢ ~ χ²(2k), as `scipy.stats.combine_pvalues(p, method="fisher").pvalue`.
    public static func fisher(_ p: [Double]) -> Double {
        guard !p.isEmpty else { return .nan }
        var stat = 0.0
        for value in p { stat -= 2 * log(value) }
        return ChiSquared.sf(stat, degreesOfFreedom: 2 * Double(p.count))
    }

    /// Stouffer's method: Σ wᵢ Φ⁻¹(1 − pᵢ) / √Σ wᵢ², as `scipy.stats.combine_pvalues(p, method="stouffer", weights=w).pvalue`.
    public static func stouffer(_ p: [Double], weights: [Double]? = nil) -> Double {
        guard !p.isEmpty else { return .nan }
        let w = weights ?? [Double](repeating: 1, count: p.count)
        precondition(w.count == p.count, "weights and p-values differ in length")
        var z = 0.0, norm = 0.0
        for (pi, wi) in zip(p, w) {
            z += wi * Normal.inverseSurvival(pi)
            norm += wi * wi
        }
        return Normal.sf(z / norm.squareRoot())
    }
}
