/// Elementary functions computed with `+ − × ÷` and `sqrt` only, which IEEE 754 rounds
/// identically everywhere. The platform `exp`/`log` (glibc, Darwin libm) may differ in the last bit,
/// which would make a seed produce different districts on Linux and macOS.
enum DeterministicMath {
    static let ln2 = 0.693_147_180_559_945_309_417_232_121_458

    /// e^x for |x| < 700.
    static func exp(_ x: Double) -> Double {
        if x > 700 { return .infinity }
        if x < -700 { return 0 }
        let k = (x / ln2).rounded(.toNearestOrEven)
        let r = x - k * ln2              // |r| ≤ ln2/2
        // Taylor series to degree 14: error < 1e-17 on |r| ≤ 0.35.
        var term = 1.0, sum = 1.0
        for n in 1...14 {
            term *= r / Double(n)
            sum += term
        }
        return scale(sum, by: Int(k))
    }

    /// Natural logarithm for x > 0.
    static func log(_ x: Double) -> Double {
        precondition(x > 0, "log of a non-positive number")
        let e = x.exponent
        var m = x.significand          // in [1, 2)
        var ex = Int(e)
        if m > 1.414_213_562_373_095 { m /= 2; ex += 1 }
        // log(m) = 2 atanh(z), z = (m − 1)/(m + 1), |z| ≤ 0.172
        let z = (m - 1) / (m + 1)
        let z2 = z * z
        var term = z, sum = 0.0
        var n = 1.0
        for _ in 0..<20 {
            sum += term / n
            term *= z2
            n += 2
        }
        return 2 * sum + Double(ex) * ln2
    }

    /// The logistic function 1 / (1 + e^−x).
    static func logistic(_ x: Double) -> Double { 1 / (1 + exp(-x)) }

    private static func scale(_ value: Double, by power: Int) -> Double {
        var v = value, p = power
        while p > 1000 { v *= Double(sign: .plus, exponent: 1000, significand: 1); p -= 1000 }
        while p < -1000 { v *= Double(sign: .plus, exponent: -1000, significand: 1); p += 1000 }
        return v * Double(sign: .plus, exponent: p, significand: 1)
    }
}
