/// The region's expected points on basic tasks for a student with a given total on leveled tasks:
/// per total T the count, Σb and Σb² of basic points; sparse totals borrow a symmetric window of neighbours,
/// the expectation being T times the window's ratio of basic points to total points.
struct InversionExpectation: Sendable {
    var basicMax: Int
    var harderMax: Int
    var count: [Double]
    var sumBasic: [Double]
    var sumBasicSquared: [Double]

    init(basicMax: Int, harderMax: Int) {
        self.basicMax = basicMax
        self.harderMax = harderMax
        let cells = basicMax + harderMax + 1
        count = Array(repeating: 0, count: cells)
        sumBasic = count
        sumBasicSquared = count
    }

    mutating func add(basic: Int, harder: Int) {
        let t = basic + harder
        count[t] += 1
        sumBasic[t] += Double(basic)
        sumBasicSquared[t] += Double(basic * basic)
    }

    /// The region without one school's students (leave-one-school-out, so a school is not its own norm).
    func subtracting(_ other: InversionExpectation) -> InversionExpectation {
        var out = self
        for t in count.indices {
            out.count[t] -= other.count[t]
            out.sumBasic[t] -= other.sumBasic[t]
            out.sumBasicSquared[t] -= other.sumBasicSquared[t]
        }
        return out
    }

    /// Expected basic points and their variance at total `total`, from at least `minCount` students
    /// (or every student when the region has fewer); nil when the region has none.
    func expected(total t: Int, minCount: Int) -> (mean: Double, variance: Double)? {
        let low = max(0, t - harderMax), high = min(t, basicMax)
        if low == high { return (Double(low), 0) }
        let last = count.count - 1
        var width = 0
        var c = 0.0, sb = 0.0, sb2 = 0.0, st = 0.0, sbt = 0.0, st2 = 0.0
        while true {
            for u in Set([t - width, t + width]) where u >= 0 && u <= last {
                let tu = Double(u)
                c += count[u]; sb += sumBasic[u]; sb2 += sumBasicSquared[u]
                st += count[u] * tu; sbt += sumBasic[u] * tu; st2 += count[u] * tu * tu
            }
            if c >= Double(minCount) || (t - width <= 0 && t + width >= last) { break }
            width += 1
        }
        guard c > 0, st > 0 else { return nil }
        let ratio = sb / st
        let mean = min(max(ratio * Double(t), Double(low)), Double(high))
        // Second moment of b about the ratio line b = ratio·T over the window.
        let moment = max(0, (sb2 - 2 * ratio * sbt + ratio * ratio * st2) / c)
        let bound = Double(high - low) * Double(high - low) / 4
        return (mean, min(moment, bound))
    }
}
