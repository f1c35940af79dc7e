/// The region's expected value of one per-student quantity (a success rate) at a given total score on leveled
/// tasks, with its residual variance: per total T the count and the sums needed for a local linear fit in T;
/// sparse totals borrow a symmetric window of neighbouring totals until it holds enough students.
struct InversionExpectation: Sendable {
    var count: [Double]
    var sumY: [Double]
    var sumY2: [Double]

    init(maxTotal: Int) {
        count = Array(repeating: 0, count: maxTotal + 1)
        sumY = count
        sumY2 = count
    }

    mutating func add(total: Int, value y: Double) {
        count[total] += 1
        sumY[total] += y
        sumY2[total] += y * y
    }

    /// The region without one school's students (leave-one-school-out, so a school is not its own norm).
    func subtracting(_ other: InversionExpectation) -> InversionExpectation {
        var out = self
        for t in count.indices {
            out.count[t] -= other.count[t]
            out.sumY[t] -= other.sumY[t]
            out.sumY2[t] -= other.sumY2[t]
        }
        return out
    }

    /// Expected value and residual variance at total `t` from a local linear fit over a window holding at
    /// least `minCount` students (or every student when the region has fewer); nil when the region has none.
    /// `meanVariance` is the variance of the fitted expectation itself, σ²·(1/c + x̄²/Sxx): every student of a
    /// school at total `t` is compared with the same estimate, so its error does not average out over them.
    func expected(total t: Int, minCount: Int) -> (mean: Double, variance: Double, meanVariance: Double)? {
        let last = count.count - 1
        var width = 0
        var c = 0.0, sy = 0.0, sy2 = 0.0, st = 0.0, st2 = 0.0, syt = 0.0
        while true {
            for u in (width == 0 ? [t] : [t - width, t + width]) where u >= 0 && u <= last {
                let x = Double(u - t)
                c += count[u]; sy += sumY[u]; sy2 += sumY2[u]
                st += count[u] * x; st2 += count[u] * x * x; syt += sumY[u] * x
            }
            if c >= Double(minCount) || (t - width <= 0 && t + width >= last) { break }
            width += 1
        }
        guard c > 0 else { return nil }
        // Fit y = a + b·(T − t) over the window; the expectation at t is a.
        let varT = st2 / c - (st / c) * (st / c)
        let b = varT > 1e-12 ? (syt / c - (st / c) * (sy / c)) / varT : 0
        let a = sy / c - b * st / c
        let rss = sy2 - 2 * a * sy - 2 * b * syt + a * a * c + 2 * a * b * st + b * b * st2
        let variance = max(0, rss / c)
        let meanT = st / c
        let meanVariance = varT > 1e-12 ? variance * (1 / c + meanT * meanT / (varT * c)) : variance / c
        return (a, variance, meanVariance)
    }
}
