/// Samplers over `Xoshiro256StarStar`, written out so that every platform draws the same numbers.
extension Xoshiro256StarStar {
    /// Uniform in [0, 1) with 53 random bits.
    public mutating func uniform() -> Double {
        Double(next() >> 11) * 0x1.0p-53
    }

    /// Uniform in [a, b).
    public mutating func uniform(_ a: Double, _ b: Double) -> Double { a + (b - a) * uniform() }

    /// Uniform integer in a closed range (Lemire's multiply-shift with rejection; no modulo bias).
    public mutating func int(in range: ClosedRange<Int>) -> Int {
        let span = UInt64(range.upperBound - range.lowerBound) &+ 1
        if span == 0 { return Int(bitPattern: UInt(next())) }  // full 64-bit range
        let threshold = (0 &- span) % span
        while true {
            let r = next()
            let m = r.multipliedFullWidth(by: span)
            if m.low >= threshold { return range.lowerBound + Int(m.high) }
        }
    }

    /// True with probability p.
    public mutating func bernoulli(_ p: Double) -> Bool { uniform() < p }

    /// Standard normal by Marsaglia's polar method (no trigonometry).
    public mutating func normal() -> Double {
        while true {
            let u = 2 * uniform() - 1, v = 2 * uniform() - 1
            let s = u * u + v * v
            if s > 0 && s < 1 {
                return u * (-2 * DeterministicMath.log(s) / s).squareRoot()
            }
        }
    }

    /// Normal with mean and standard deviation.
    public mutating func normal(mean: Double, sd: Double) -> Double { mean + sd * normal() }

    /// Gamma(shape, scale = 1) by Marsaglia & Tsang (2000); shape < 1 boosted by U^(1/shape).
    public mutating func gamma(shape: Double) -> Double {
        precondition(shape > 0)
        if shape < 1 {
            let g = gamma(shape: shape + 1)
            let u = max(uniform(), 1e-300)
            return g * DeterministicMath.exp(DeterministicMath.log(u) / shape)
        }
        let d = shape - 1.0 / 3.0
        let c = 1 / (9 * d).squareRoot()
        while true {
            var x: Double, v: Double
            repeat {
                x = normal()
                v = 1 + c * x
            } while v <= 0
            v = v * v * v
            let u = uniform()
            if u < 1 - 0.0331 * x * x * x * x { return d * v }
            if u > 0, DeterministicMath.log(u) < 0.5 * x * x + d * (1 - v + DeterministicMath.log(v)) { return d * v }
        }
    }

    /// Beta(a, b) as a ratio of gammas.
    public mutating func beta(_ a: Double, _ b: Double) -> Double {
        let x = gamma(shape: a), y = gamma(shape: b)
        return x / (x + y)
    }

    /// Binomial(n, p): a sum of Bernoulli draws (n here is a class or a school, never large).
    public mutating func binomial(n: Int, p: Double) -> Int {
        var k = 0
        for _ in 0..<max(n, 0) where uniform() < p { k += 1 }
        return k
    }

    /// Fisher–Yates shuffle.
    public mutating func shuffle<T>(_ array: inout [T]) {
        guard array.count > 1 else { return }
        for i in stride(from: array.count - 1, to: 0, by: -1) {
            let j = int(in: 0...i)
            if i != j { array.swapAt(i, j) }
        }
    }

    /// A uniformly chosen element.
    public mutating func pick<T>(_ array: [T]) -> T {
        precondition(!array.isEmpty)
        return array[int(in: 0...(array.count - 1))]
    }

    /// `k` distinct elements in random order.
    public mutating func sample<T>(_ array: [T], count k: Int) -> [T] {
        var copy = array
        shuffle(&copy)
        return Array(copy.prefix(max(0, k)))
    }
}
