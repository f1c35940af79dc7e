import Foundation

/// The region's reference for `PERSONFIT` on one work: item steps ordered by popularity, and per total-score
/// band the `aberrantQuantile` of the normed polytomous Guttman error count G* (Molenaar 1991; Emons 2008).
///
/// A task with maximum m has item steps «score ≥ 1», …, «score ≥ m». Steps are ordered from the most to the
/// least often passed in the region. A Guttman error is a pair (easier step failed, harder step passed);
/// G counts them, G* = G / (r·(S − r)) with r passed of S steps (r is the total score). A student whose G*
/// exceeds the band's quantile is «aberrant»: easy tasks failed while hard ones solved.
struct PersonFitModel {
    let taskMax: [Int]
    /// For each position in the popularity order: the task and the step (1…max) there.
    let order: [(task: Int, step: Int)]
    let bands: TotalScoreBands
    /// Threshold on G* per band (a student is aberrant when G* > threshold).
    let thresholds: [Double]
    /// The region's G* values per band, sorted (for a student's percentile within the band).
    let sortedByBand: [[Double]]
    let totalSteps: Int

    init?(vectors: [[Int]], taskMax: [Int], config: PersonFitConfig) {
        guard !taskMax.isEmpty, vectors.count >= max(2, config.minRegionStudents) else { return nil }
        self.taskMax = taskMax
        totalSteps = taskMax.reduce(0, +)
        var passed = taskMax.map { [Int](repeating: 0, count: $0 + 1) }
        for v in vectors { for t in v.indices where v[t] > 0 { for k in 1...v[t] { passed[t][k] += 1 } } }
        var steps: [(task: Int, step: Int, count: Int)] = []
        for t in taskMax.indices where taskMax[t] > 0 { for k in 1...taskMax[t] { steps.append((t, k, passed[t][k])) } }
        // Most popular first; within a task the lower step first (it is never less popular).
        steps.sort { ($0.count, -$0.task, -$0.step) > ($1.count, -$1.task, -$1.step) }
        order = steps.map { ($0.task, $0.step) }
        let totals = vectors.map { $0.reduce(0, +) }
        bands = TotalScoreBands(totals: totals, maxTotal: totalSteps, minStudents: config.minBandStudents)
        var byBand = [[Double]](repeating: [], count: bands.count)
        let tmp = PersonFitModel.Partial(taskMax: taskMax, order: order, totalSteps: totalSteps)
        for (v, r) in zip(vectors, totals) { byBand[bands.band(ofTotal: r)].append(tmp.normedErrors(v)) }
        sortedByBand = byBand.map { $0.sorted() }
        thresholds = byBand.map { values in
            guard !values.isEmpty else { return .infinity }
            let sorted = values.sorted()
            // Empirical quantile: the smallest value with at least q of the band at or below it.
            let index = min(sorted.count - 1, max(0, Int((config.aberrantQuantile * Double(sorted.count)).rounded(.up)) - 1))
            return sorted[index]
        }
    }

    /// Guttman error count G of a score vector.
    func errors(_ v: [Int]) -> Int {
        Partial(taskMax: taskMax, order: order, totalSteps: totalSteps).errors(v)
    }

    func normedErrors(_ v: [Int]) -> Double {
        Partial(taskMax: taskMax, order: order, totalSteps: totalSteps).normedErrors(v)
    }

    /// Normal score of the student's G* within the band: Φ⁻¹ of the mid-rank percentile among the region's
    /// students of the band (≈ N(0, 1) over the region; higher = more aberrant than peers of the same level).
    func normalScore(_ v: [Int]) -> Double {
        let sorted = sortedByBand[bands.band(ofTotal: v.reduce(0, +))]
        guard !sorted.isEmpty else { return 0 }
        let g = normedErrors(v)
        let below = Self.partition(sorted) { $0 < g }
        let atOrBelow = Self.partition(sorted) { $0 <= g }
        let n = Double(sorted.count)
        let u = (Double(below) + 0.5 * Double(atOrBelow - below) + 0.5) / (n + 1)
        return Normal.quantile(min(max(u, 0.5 / (n + 1)), 1 - 0.5 / (n + 1)))
    }

    /// Number of leading elements of a sorted array satisfying a monotone predicate.
    static func partition(_ a: [Double], _ isBefore: (Double) -> Bool) -> Int {
        var lo = 0, hi = a.count
        while lo < hi {
            let mid = (lo + hi) / 2
            if isBefore(a[mid]) { lo = mid + 1 } else { hi = mid }
        }
        return lo
    }

    func isAberrant(_ v: [Int]) -> Bool {
        normedErrors(v) > thresholds[bands.band(ofTotal: v.reduce(0, +))]
    }

    /// The computation of G without the fitted thresholds (used while fitting them).
    struct Partial {
        let taskMax: [Int]
        let order: [(task: Int, step: Int)]
        let totalSteps: Int

        /// Scanning steps from the most to the least popular: each passed step adds the failed easier steps seen so far.
        func errors(_ v: [Int]) -> Int {
            var failed = 0, g = 0
            for (t, k) in order {
                if v[t] >= k { g += failed } else { failed += 1 }
            }
            return g
        }

        func normedErrors(_ v: [Int]) -> Double {
            let r = v.reduce(0, +)
            let bound = r * (totalSteps - r)
            return bound > 0 ? Double(errors(v)) / Double(bound) : 0
        }
    }
}
