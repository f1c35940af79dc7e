import Foundation

/// The change of one school's cohort in region-standardised score from one year to the next.
///
/// When enough participants are found by code in both years, the change is the mean of their own
/// changes (paired: composition effects removed). Otherwise it is the difference of the two cohort means.
struct CohortChange {
    var earlierCount: Int
    var laterCount: Int
    var matched: Int
    var paired: Bool
    /// Mean normal score of the earlier work (over matched students when paired).
    var earlierMean: Double
    /// Mean normal score of the later work (over matched students when paired).
    var laterMean: Double
    /// later − earlier.
    var change: Double
    /// Student-level variance behind the change (of the paired differences, or the pooled two-sample one).
    var spread: Double
    /// Number of students the spread is divided by (m when paired, 1 / (1/n₁ + 1/n₂) otherwise).
    var effectiveCount: Double
    /// Enough students in both years (and enough pairs when paired).
    var eligible: Bool

    /// Sampling variance of the change.
    var variance: Double { spread / effectiveCount }
    var standardError: Double { variance.squareRoot() }
    /// Degrees of freedom of the spread, for pooling it over the region.
    var degreesOfFreedom: Double { paired ? Double(matched - 1) : Double(earlierCount + laterCount - 2) }

    init(earlier: [String: Double], later: [String: Double], config: CohortConfig) {
        earlierCount = earlier.count
        laterCount = later.count
        let codes = earlier.keys.filter { later[$0] != nil }.sorted()
        matched = codes.count
        paired = matched >= config.minMatchedStudents
        if paired {
            let e = codes.map { earlier[$0]! }, l = codes.map { later[$0]! }
            let diffs = zip(l, e).map { $0 - $1 }
            earlierMean = Descriptive.mean(e)
            laterMean = Descriptive.mean(l)
            change = Descriptive.mean(diffs)
            spread = Descriptive.variance(diffs)
            effectiveCount = Double(matched)
        } else {
            let e = earlier.keys.sorted().map { earlier[$0]! }, l = later.keys.sorted().map { later[$0]! }
            earlierMean = Descriptive.mean(e)
            laterMean = Descriptive.mean(l)
            change = laterMean - earlierMean
            let n1 = Double(e.count), n2 = Double(l.count)
            effectiveCount = n1 > 0 && n2 > 0 ? 1 / (1 / n1 + 1 / n2) : 0
            spread = (Descriptive.variance(e) / n1 + Descriptive.variance(l) / n2) * effectiveCount
        }
        eligible = earlierCount >= config.minStudents && laterCount >= config.minStudents
            && change.isFinite && spread.isFinite && effectiveCount > 0
    }

    /// A weighted combination of several changes of one school (its cohorts and subjects), each with its own variance.
    init(combining parts: [CohortChange]) {
        let w = parts.map { 1 / $0.variance }
        let wSum = w.reduce(0, +)
        earlierCount = parts.reduce(0) { $0 + $1.earlierCount }
        laterCount = parts.reduce(0) { $0 + $1.laterCount }
        matched = parts.reduce(0) { $0 + $1.matched }
        paired = parts.allSatisfy(\.paired)
        earlierMean = Descriptive.weightedMean(parts.map(\.earlierMean), weights: w)
        laterMean = Descriptive.weightedMean(parts.map(\.laterMean), weights: w)
        change = Descriptive.weightedMean(parts.map(\.change), weights: w)
        effectiveCount = parts.reduce(0) { $0 + $1.effectiveCount }
        spread = effectiveCount / wSum
        eligible = !parts.isEmpty && parts.allSatisfy(\.eligible)
    }

    /// The changes with each school's student-level spread raised to at least the region's pooled spread
    /// (per mode, paired or not): a small school's spread is estimated from few students and an
    /// accidentally small one would overstate the evidence.
    static func floored(_ changes: [CohortChange]) -> [CohortChange] {
        var pooled: [Bool: Double] = [:]
        for mode in [true, false] {
            let units = changes.filter { $0.eligible && $0.paired == mode && $0.degreesOfFreedom > 0 }
            let df = units.reduce(0) { $0 + $1.degreesOfFreedom }
            if df > 0 { pooled[mode] = units.reduce(0) { $0 + $1.degreesOfFreedom * $1.spread } / df }
        }
        return changes.map { c in
            var c = c
            if let floor = pooled[c.paired], c.spread < floor { c.spread = floor }
            return c
        }
    }
}
