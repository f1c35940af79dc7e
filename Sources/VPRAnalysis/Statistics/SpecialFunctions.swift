import Foundation

/// Special functions behind every distribution in the analyzer: log-gamma and
/// log-beta, the regularized incomplete beta and gamma functions, and the
/// saddle-point helpers (Loader's `stirlerr`, `bd0`) that keep binomial and
/// Poisson terms accurate in relative terms for large counts.
public enum SpecialFunctions {
    /// log Γ(x) for x > 0 (thread-safe `lgamma_r` through the Swift overlay).
    public static func logGamma(_ x: Double) -> Double {
        let (value, _) = lgamma(x)
        return value
    }

    /// log B(a, b) = log Γ(a) + log Γ(b) − log Γ(a + b), computed without
    /// cancellation for large arguments (Stirling form with exact corrections).
    public static func logBeta(_ a: Double, _ b: Double) -> Double {
        guard a > 0, b > 0 else { return a == 0 || b == 0 ? .infinity : .nan }
        let p = min(a, b), q = max(a, b)
        let s = p + q
        if p >= 10 {
            let corr = stirlingCorrection(p) + stirlingCorrection(q) - stirlingCorrection(s)
            return -0.5 * log(q) + halfLogTwoPi + corr + (p - 0.5) * log(p / s) + q * log1p(-p / s)
        } else if q >= 10 {
            let corr = stirlingCorrection(q) - stirlingCorrection(s)
            return logGamma(p) + corr + p - p * log(s) + (q - 0.5) * log1p(-p / s)
        } else {
            return logGamma(p) + logGamma(q) - logGamma(s)
        }
    }

    /// log C(n, k); −∞ outside 0 ≤ k ≤ n.
    public static func logChoose(_ n: Int, _ k: Int) -> Double {
        guard k >= 0, k <= n else { return -.infinity }
        if k == 0 || k == n { return 0 }
        let kk = min(k, n - k)
        if kk == 1 { return log(Double(n)) }
        return -log(Double(n) + 1) - logBeta(Double(n - kk) + 1, Double(kk) + 1)
    }

    /// Regularized incomplete beta I_x(a, b), as `scipy.special.betainc(a, b, x)`.
    public static func regularizedIncompleteBeta(a: Double, b: Double, x: Double) -> Double {
        incompleteBeta(a: a, b: b, x: x, y: 1 - x).lower
    }

    /// Regularized lower incomplete gamma P(a, x), as `scipy.special.gammainc(a, x)`.
    public static func regularizedGammaP(a: Double, x: Double) -> Double {
        incompleteGamma(a: a, x: x).lower
    }

    /// Regularized upper incomplete gamma Q(a, x), as `scipy.special.gammaincc(a, x)`.
    public static func regularizedGammaQ(a: Double, x: Double) -> Double {
        incompleteGamma(a: a, x: x).upper
    }

    // MARK: - Internals shared by the distributions

    static let halfLogTwoPi = 0.918_938_533_204_672_741_78   // log(sqrt(2π))
    static let logTwoPi = 1.837_877_066_409_345_483_56

    /// Stirling-series error δ(x) = log Γ(x) − [(x − ½) log x − x + ½ log 2π]
    /// (equals Loader's stirlerr(x) = log x! − log(√(2πx) (x/e)^x)).
    static func stirlingCorrection(_ x: Double) -> Double {
        if x >= 10 {
            let r = 1 / x, r2 = r * r
            // Bernoulli series: 1/12x − 1/360x³ + 1/1260x⁵ − 1/1680x⁷ + 1/1188x⁹ − 691/360360x¹¹ + 1/156x¹³ − 3617/122400x¹⁵
            var s = -3617.0 / 122_400.0
            s = s * r2 + 1.0 / 156.0
            s = s * r2 - 691.0 / 360_360.0
            s = s * r2 + 1.0 / 1188.0
            s = s * r2 - 1.0 / 1680.0
            s = s * r2 + 1.0 / 1260.0
            s = s * r2 - 1.0 / 360.0
            s = s * r2 + 1.0 / 12.0
            return s * r
        }
        // log Γ(x+1) − (x+½) log x + x − ½ log 2π, direct (magnitudes are small here).
        return logGamma(x + 1) - (x + 0.5) * log(x) + x - halfLogTwoPi
    }

    /// Loader's deviance term bd0(x, m) = x log(x/m) + m − x, accurate when x ≈ m.
    static func bd0(_ x: Double, _ m: Double) -> Double {
        if x == 0 { return m }
        if abs(x - m) < 0.1 * (x + m) {
            var v = (x - m) / (x + m)
            var s = (x - m) * v
            var ej = 2 * x * v
            v *= v
            var j = 1.0
            while j < 1000 {
                ej *= v
                let s1 = s + ej / (2 * j + 1)
                if s1 == s { return s1 }
                s = s1
                j += 1
            }
            return s
        }
        return x * log(x / m) + m - x
    }

    /// Loader's binomial density Γ(n+1)/(Γ(x+1)Γ(n−x+1)) pˣ qⁿ⁻ˣ for real x, n (q = 1 − p given separately), in log.
    static func logBinomialTerm(_ x: Double, _ n: Double, p: Double, q: Double) -> Double {
        if p == 0 { return x == 0 ? 0 : -.infinity }
        if q == 0 { return x == n ? 0 : -.infinity }
        if x == 0 {
            if n == 0 { return 0 }
            return p < 0.1 ? -bd0(n, n * q) - n * p : n * log(q)
        }
        if x == n {
            return q < 0.1 ? -bd0(n, n * p) - n * q : n * log(p)
        }
        if x < 0 || x > n { return -.infinity }
        let lc = stirlingCorrection(n) - stirlingCorrection(x) - stirlingCorrection(n - x)
            - bd0(x, n * p) - bd0(n - x, n * q)
        let lf = logTwoPi + log(x) + log1p(-x / n)
        return lc - 0.5 * lf
    }

    /// log of xᵃ e⁻ˣ / Γ(a) (the front factor of the incomplete gamma), accurate for large a.
    static func logGammaFront(a: Double, x: Double) -> Double {
        if a < 10 { return a * log(x) - x - logGamma(a) }
        // a · λᵃ e^{−λ}/Γ(a+1) with Loader's Poisson density.
        return log(a) - stirlingCorrection(a) - bd0(a, x) - 0.5 * (logTwoPi + log(a))
    }

    /// log of xᵃ yᵇ / B(a, b) (y = 1 − x), the front factor of the incomplete beta.
    static func logBetaFront(a: Double, b: Double, x: Double, y: Double) -> Double {
        if a < 1 || b < 1 || (a < 10 && b < 10) {
            return a * log(x) + b * log(y) - logBeta(a, b)
        }
        // xᵃ yᵇ / B(a,b) = dbinom(a; a+b, x) · a b / (a + b)
        return logBinomialTerm(a, a + b, p: x, q: y) + log(a) + log(b) - log(a + b)
    }

    /// I_x(a, b) and its complement 1 − I_x(a, b), each accurate in relative terms
    /// on its own side (modified Lentz continued fraction, Numerical Recipes `betacf`).
    static func incompleteBeta(a: Double, b: Double, x: Double, y: Double) -> (lower: Double, upper: Double) {
        if x.isNaN || a.isNaN || b.isNaN { return (.nan, .nan) }
        if x <= 0 { return (0, 1) }
        if y <= 0 { return (1, 0) }
        if a == 0 { return (1, 0) }
        if b == 0 { return (0, 1) }
        if x > (a + 1) / (a + b + 2) {
            let u = betaContinuedFraction(a: b, b: a, x: y, y: x)
            return (1 - u, u)
        }
        let l = betaContinuedFraction(a: a, b: b, x: x, y: y)
        return (l, 1 - l)
    }

    /// xᵃ yᵇ / (a B(a,b)) · CF, valid (fast) for x < (a+1)/(a+b+2).
    private static func betaContinuedFraction(a: Double, b: Double, x: Double, y: Double) -> Double {
        let front = logBetaFront(a: a, b: b, x: x, y: y) - log(a)
        if front < -745.2 { return 0 }
        let tiny = 1e-300
        let qab = a + b, qap = a + 1, qam = a - 1
        var c = 1.0
        var d = 1 - qab * x / qap
        if abs(d) < tiny { d = tiny }
        d = 1 / d
        var h = d
        var m = 1.0
        while m < 100_000 {
            let m2 = 2 * m
            var aa = m * (b - m) * x / ((qam + m2) * (a + m2))
            d = 1 + aa * d
            if abs(d) < tiny { d = tiny }
            c = 1 + aa / c
            if abs(c) < tiny { c = tiny }
            d = 1 / d
            h *= d * c
            aa = -(a + m) * (qab + m) * x / ((a + m2) * (qap + m2))
            d = 1 + aa * d
            if abs(d) < tiny { d = tiny }
            c = 1 + aa / c
            if abs(c) < tiny { c = tiny }
            d = 1 / d
            let del = d * c
            h *= del
            if abs(del - 1) < 1e-16 { break }
            m += 1
        }
        return exp(front) * h
    }

    /// P(a, x) and Q(a, x) = 1 − P(a, x), each accurate on its own side.
    static func incompleteGamma(a: Double, x: Double) -> (lower: Double, upper: Double) {
        if x.isNaN || a.isNaN || a < 0 || x < 0 { return (.nan, .nan) }
        if a == 0 { return x > 0 ? (1, 0) : (.nan, .nan) }
        if x == 0 { return (0, 1) }
        if x.isInfinite { return (1, 0) }
        let front = logGammaFront(a: a, x: x)
        if x < a + 1 {
            // Series: P = front · Σ xⁿ / (a (a+1) ··· (a+n)).
            var ap = a
            var del = 1 / a
            var sum = del
            for _ in 0..<1_000_000 {
                ap += 1
                del *= x / ap
                sum += del
                if abs(del) < abs(sum) * 1e-17 { break }
            }
            let p = front < -745.2 ? 0 : exp(front) * sum
            return (p, 1 - p)
        }
        // Continued fraction for Q (modified Lentz).
        let tiny = 1e-300
        var bb = x + 1 - a
        var c = 1 / tiny
        var d = 1 / bb
        var h = d
        var i = 1.0
        while i < 1_000_000 {
            let an = -i * (i - a)
            bb += 2
            d = an * d + bb
            if abs(d) < tiny { d = tiny }
            c = bb + an / c
            if abs(c) < tiny { c = tiny }
            d = 1 / d
            let del = d * c
            h *= del
            if abs(del - 1) < 1e-16 { break }
            i += 1
        }
        let q = front < -745.2 ? 0 : exp(front) * h
        return (1 - q, q)
    }
}
