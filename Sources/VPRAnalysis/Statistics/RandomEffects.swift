import Foundation

/// Random-effects pooling of per-group effects (e.g. a school's yearly deviations) when the
/// groups truly differ: between-group variance τ² and the pooled mean.
public enum RandomEffects {
    /// DerSimonian–Laird: returns pooled mean and between-group variance τ² (as statsmodels
    /// `combine_effects(effects, variances, method_re="dl")` `mean_effect_re` and `tau2`), except that
    /// τ² is truncated at 0 (the standard estimator; statsmodels reports the negative moment value).
    public static func derSimonianLaird(effects: [Double], variances: [Double]) -> (mean: Double, tau2: Double) {
        precondition(effects.count == variances.count, "effects and variances differ in length")
        let k = effects.count
        guard k > 0 else { return (.nan, .nan) }
        let w = variances.map { 1 / $0 }
        let wSum = w.reduce(0, +)
        var meanFE = 0.0
        for (wi, e) in zip(w, effects) { meanFE += wi * e }
        meanFE /= wSum
        guard k > 1 else { return (meanFE, 0) }
        var q = 0.0, w2 = 0.0
        for (wi, e) in zip(w, effects) { q += wi * (e - meanFE) * (e - meanFE); w2 += wi * wi }
        let c = wSum - w2 / wSum
        let tau2 = c > 0 ? max(0, (q - Double(k - 1)) / c) : 0
        var num = 0.0, den = 0.0
        for (v, e) in zip(variances, effects) {
            let wr = 1 / (v + tau2)
            num += wr * e
            den += wr
        }
        return (num / den, tau2)
    }
}
