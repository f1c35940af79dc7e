import Foundation

extension SpecialFunctions {
    /// Quantile of Beta(a, b): the x with I_x(a, b) = p (or 1 − I_x(a, b) = p when `upperTail`),
    /// as `scipy.stats.beta.ppf` / `beta.isf`. Safeguarded Newton iteration inside a shrinking bracket.
    public static func betaQuantile(_ p: Double, a: Double, b: Double, upperTail: Bool = false) -> Double {
        if p.isNaN || a <= 0 || b <= 0 || p < 0 || p > 1 { return .nan }
        if p == 0 { return upperTail ? 1 : 0 }
        if p == 1 { return upperTail ? 0 : 1 }
        var lo = 0.0, hi = 1.0
        var x = a / (a + b)
        for _ in 0..<400 {
            let y = 1 - x
            let pair = incompleteBeta(a: a, b: b, x: x, y: y)
            let f = upperTail ? pair.upper - p : pair.lower - p
            // f increases with x for the lower tail, decreases for the upper tail.
            let increasing = !upperTail
            if f == 0 { return x }
            if (f < 0) == increasing { lo = x } else { hi = x }
            let density = exp(logBetaFront(a: a, b: b, x: x, y: y)) / (x * y)
            var next = density > 0 && density.isFinite ? x - (increasing ? f : -f) / density : .nan
            if !(next > lo && next < hi) {
                if lo == 0 {
                    next = 0.25 * hi
                } else if hi == 1 {
                    next = 1 - 0.25 * (1 - lo)
                } else {
                    next = 0.5 * (lo + hi)
                }
            }
            if abs(next - x) <= 1e-15 * x { return next }
            if hi - lo <= 4e-16 * hi { return next }
            x = next
        }
        return x
    }
}
