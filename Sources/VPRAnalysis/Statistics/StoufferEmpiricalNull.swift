import Foundation

/// Pooling a unit's z-scores over several works (Stouffer's Σz / √K) and judging the pooled values
/// against the spread of the region's units (Efron's empirical null, here only allowed to widen):
/// honest schools' deviations often persist across works, so pooled z-scores of a region vary more than N(0, 1).
public enum StoufferEmpiricalNull {
    /// Σ z / √K; NaN for no scores.
    public static func pooled(_ z: [Double]) -> Double {
        guard !z.isEmpty else { return .nan }
        return z.reduce(0, +) / Double(z.count).squareRoot()
    }

    /// The scale of the pooled scores of a region: the normal-consistent median absolute deviation about 0
    /// (`scipy.stats.median_abs_deviation(x, center=lambda a: 0, scale="normal")`), never below 1;
    /// 1 with fewer than `minimumUnits` scores.
    public static func scale(_ pooled: [Double], minimumUnits: Int) -> Double {
        let finite = pooled.filter(\.isFinite)
        guard finite.count >= max(1, minimumUnits) else { return 1 }
        let mad = Descriptive.median(finite.map { abs($0) }) * 1.482602218505602
        return max(1, mad)
    }
}
