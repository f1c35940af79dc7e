/// A linear map from data values to pixels, with «nice» tick values for its axis.
struct SVGScale {
    var domain: (low: Double, high: Double)
    var range: (low: Double, high: Double)

    init(domain low: Double, _ high: Double, range from: Double, _ to: Double) {
        let span = high - low
        domain = span.isFinite && span > 0 ? (low, high) : (low, low + 1)
        range = (from, to)
    }

    func callAsFunction(_ v: Double) -> Double {
        range.low + (v - domain.low) / (domain.high - domain.low) * (range.high - range.low)
    }

    /// Round values (1, 2 or 5 × 10^k apart) covering the domain, about `count` of them.
    func ticks(_ count: Int = 5) -> [Double] {
        let span = domain.high - domain.low
        let raw = span / Double(max(count, 1))
        let magnitude = pow10(Int((log10(raw)).rounded(.down)))
        let step = [1.0, 2, 5, 10].map { $0 * magnitude }.first { $0 >= raw } ?? raw
        var out: [Double] = []
        var v = (domain.low / step).rounded(.up) * step
        while v <= domain.high + step * 1e-9 {
            out.append(abs(v) < step * 1e-9 ? 0 : v)
            v += step
        }
        return out
    }

    private func pow10(_ k: Int) -> Double {
        var r = 1.0
        if k >= 0 { for _ in 0..<k { r *= 10 } } else { for _ in 0..<(-k) { r /= 10 } }
        return r
    }

    private func log10(_ x: Double) -> Double {
        var k = 0.0, v = x
        guard v > 0, v.isFinite else { return 0 }
        while v >= 10 { v /= 10; k += 1 }
        while v < 1 { v *= 10; k -= 1 }
        return k
    }
}
