import Foundation

extension RandomEffects {
    /// A random-effects meta-regression on one covariate: effect eᵢ = a + b·xᵢ + uᵢ + εᵢ, uᵢ ~ N(0, τ²),
    /// εᵢ ~ N(0, vᵢ). τ² is the method-of-moments (DerSimonian–Laird) estimate from the residual heterogeneity
    /// of the fixed-effect fit, Q_E, with k − 2 degrees of freedom (Raudenbush 2009, "Analyzing effect sizes:
    /// random-effects models", in *The Handbook of Research Synthesis and Meta-Analysis*; metafor's `method="DL"`);
    /// a and b are then the weighted least-squares fit with weights 1 / (vᵢ + τ²).
    /// Without spread in the covariate it is the plain DerSimonian–Laird fit with b = 0.
    /// Reference: `scripts/reference/statistics_reference.py` (`dl_regression`, statsmodels `WLS`).
    public static func derSimonianLairdRegression(effects: [Double], variances: [Double],
                                                  covariate: [Double]) -> (intercept: Double, slope: Double, tau2: Double) {
        precondition(effects.count == variances.count && effects.count == covariate.count, "inputs differ in length")
        let k = effects.count
        func plain() -> (intercept: Double, slope: Double, tau2: Double) {
            let fit = derSimonianLaird(effects: effects, variances: variances)
            return (fit.mean, 0, fit.tau2)
        }
        guard k >= 3 else { return plain() }
        guard let fixed = weightedLine(effects, covariate, weights: variances.map { 1 / $0 }) else { return plain() }
        // Q_E and the trace of P = W − W X (XᵀWX)⁻¹ XᵀW.
        var q = 0.0
        var s0 = 0.0, s1 = 0.0, s2 = 0.0, t0 = 0.0, t1 = 0.0, t2 = 0.0
        for i in 0..<k {
            let w = 1 / variances[i], x = covariate[i]
            let r = effects[i] - fixed.intercept - fixed.slope * x
            q += w * r * r
            s0 += w; s1 += w * x; s2 += w * x * x
            t0 += w * w; t1 += w * w * x; t2 += w * w * x * x
        }
        let det = s0 * s2 - s1 * s1
        // tr((XᵀWX)⁻¹ XᵀW²X) for the 2 × 2 case.
        let traceTerm = (s2 * t0 - 2 * s1 * t1 + s0 * t2) / det
        let traceP = s0 - traceTerm
        let tau2 = traceP > 0 ? max(0, (q - Double(k - 2)) / traceP) : 0
        guard let random = weightedLine(effects, covariate, weights: variances.map { 1 / ($0 + tau2) }) else { return plain() }
        return (random.intercept, random.slope, tau2)
    }

    /// The meta-regression refitted without the groups whose effect is improbable (two-sided p < `trimP`) under
    /// the previous fit, up to `rounds` times, as `trimmedDerSimonianLaird` does for the plain fit.
    public static func trimmedDerSimonianLairdRegression(effects: [Double], variances: [Double], covariate: [Double],
                                                         trimP: Double, rounds: Int = 2) -> (intercept: Double, slope: Double, tau2: Double) {
        var keep = Array(effects.indices)
        var fit = derSimonianLairdRegression(effects: effects, variances: variances, covariate: covariate)
        for _ in 0..<max(rounds, 0) {
            let next = keep.filter { i in
                let z = (effects[i] - fit.intercept - fit.slope * covariate[i]) / (variances[i] + fit.tau2).squareRoot()
                return 2 * Normal.sf(abs(z)) >= trimP
            }
            guard next.count != keep.count, next.count >= 3 else { break }
            keep = next
            fit = derSimonianLairdRegression(effects: keep.map { effects[$0] }, variances: keep.map { variances[$0] },
                                             covariate: keep.map { covariate[$0] })
        }
        return fit
    }

    /// Weighted least-squares line; nil when the covariate has no spread.
    private static func weightedLine(_ y: [Double], _ x: [Double], weights w: [Double]) -> (intercept: Double, slope: Double)? {
        var s0 = 0.0, s1 = 0.0, s2 = 0.0, sy = 0.0, sxy = 0.0
        for i in y.indices {
            s0 += w[i]; s1 += w[i] * x[i]; s2 += w[i] * x[i] * x[i]
            sy += w[i] * y[i]; sxy += w[i] * x[i] * y[i]
        }
        let det = s0 * s2 - s1 * s1
        guard det > 1e-12 * max(s0 * s2, 1e-300) else { return nil }
        return ((s2 * sy - s1 * sxy) / det, (s0 * sxy - s1 * sy) / det)
    }
}
