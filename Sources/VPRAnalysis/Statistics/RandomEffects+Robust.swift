import Foundation

extension RandomEffects {
    /// DerSimonian–Laird centre and τ², refitted without the groups whose effect is improbable (two-sided
    /// p < `trimP`) under the previous fit, up to `rounds` times: a few extreme groups neither shift the centre
    /// nor widen the spread as much as in the plain fit.
    public static func trimmedDerSimonianLaird(effects: [Double], variances: [Double], trimP: Double,
                                               rounds: Int = 2) -> (mean: Double, tau2: Double) {
        var keep = Array(effects.indices)
        var fit = derSimonianLaird(effects: effects, variances: variances)
        for _ in 0..<max(rounds, 0) {
            let next = keep.filter { i in
                let z = (effects[i] - fit.mean) / (variances[i] + fit.tau2).squareRoot()
                return 2 * Normal.sf(abs(z)) >= trimP
            }
            guard next.count != keep.count, next.count >= 2 else { break }
            keep = next
            fit = derSimonianLaird(effects: keep.map { effects[$0] }, variances: keep.map { variances[$0] })
        }
        return fit
    }

    /// A between-group variance that a minority of extreme groups cannot inflate: the centre is the median
    /// effect, and τ² is the value at which the median of |eᵢ − centre| / √(vᵢ + τ²) equals Φ⁻¹(¾), its
    /// expectation when every group follows N(centre, vᵢ + τ²) (0 when that median is already below Φ⁻¹(¾)
    /// at τ² = 0). It is the median absolute deviation made to allow for unequal sampling variances.
    /// Reference: `scripts/reference/statistics_reference.py` (`mad_tau2`, scipy `brentq`).
    public static func medianAbsoluteDeviationTau2(effects: [Double], variances: [Double]) -> (centre: Double, tau2: Double) {
        precondition(effects.count == variances.count, "effects and variances differ in length")
        guard !effects.isEmpty else { return (.nan, .nan) }
        let centre = Descriptive.median(effects)
        let target = 0.674_489_750_196_081_7
        func excess(_ tau2: Double) -> Double {
            Descriptive.median(zip(effects, variances).map { abs($0 - centre) / ($1 + tau2).squareRoot() }) - target
        }
        guard excess(0) > 0 else { return (centre, 0) }
        // The median falls monotonically in τ²; bracket the root, then bisect.
        var low = 0.0
        var high = max(Descriptive.median(effects.map { ($0 - centre) * ($0 - centre) }), 1e-12)
        while excess(high) > 0 { low = high; high *= 4 }
        for _ in 0..<200 {
            let mid = 0.5 * (low + high)
            if excess(mid) > 0 { low = mid } else { high = mid }
            if high - low <= 1e-15 * max(high, 1e-300) { break }
        }
        return (centre, 0.5 * (low + high))
    }
}
