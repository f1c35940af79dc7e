import Foundation

/// The region's model of honest task scores on one work, for `SIMILARITY`: for each total-score band, the
/// distribution of each task's score (smoothed toward the region's overall one). Two students of one class are
/// independent given their bands; a pair's weighted match score then has an exact null by convolution.
///
/// Match weight of task t when both students scored s: v = −½·ln(Pᵢ(s)·Pⱼ(s)) (capped, in integer steps of
/// `weightUnit`). A match on a rare score (an easy task failed, the same partial credit) weighs much more than a
/// match on full marks, which students of similar ability share honestly.
final class SimilarityModel: @unchecked Sendable {
    let taskMax: [Int]
    let bands: TotalScoreBands
    /// prob[band][task][score]
    let prob: [[[Double]]]
    let unit: Double
    let cap: Double
    /// Pair tables built so far; the lock lets the units of a work be scanned in parallel.
    private var tables: [Int: PairTable] = [:]
    private let lock = NSLock()

    /// Null of the weighted match score for one pair of bands.
    final class PairTable: @unchecked Sendable {
        /// weights[task][score] in integer steps.
        let weights: [[Int]]
        /// matchProbability[task][score] = Pᵢ(s)·Pⱼ(s).
        let matchProbability: [[Double]]
        let mean: Double
        let sd: Double
        /// The exact null, computed on first use under `lock` (only screened-in pairs need it).
        private let lock = NSLock()
        private var computedSurvival: [Double]?
        var survival: [Double] {
            lock.lock(); defer { lock.unlock() }
            if let computedSurvival { return computedSurvival }
            let value = makeSurvival()
            computedSurvival = value
            return value
        }

        private func makeSurvival() -> [Double] {
            let components = weights.indices.map { t -> [Double] in
                var c = [Double](repeating: 0, count: (weights[t].max() ?? 0) + 1)
                var total = 0.0
                for s in weights[t].indices {
                    c[weights[t][s]] += matchProbability[t][s]
                    total += matchProbability[t][s]
                }
                c[0] += max(0, 1 - total)
                return c
            }
            return DiscreteSum.survival(components)
        }

        init(weights: [[Int]], matchProbability: [[Double]]) {
            self.weights = weights
            self.matchProbability = matchProbability
            var mean = 0.0, variance = 0.0
            for t in weights.indices {
                var m1 = 0.0, m2 = 0.0
                for s in weights[t].indices {
                    let w = Double(weights[t][s])
                    m1 += matchProbability[t][s] * w
                    m2 += matchProbability[t][s] * w * w
                }
                mean += m1
                variance += max(0, m2 - m1 * m1)
            }
            self.mean = mean
            self.sd = variance.squareRoot()
        }

        func pValue(_ score: Int) -> Double { score < survival.count ? survival[max(0, score)] : 0 }
    }

    /// nil when the region has too few complete papers.
    init?(vectors: [[Int]], taskMax: [Int], config: SimilarityConfig) {
        guard !taskMax.isEmpty, vectors.count >= max(2, config.minRegionStudents) else { return nil }
        self.taskMax = taskMax
        unit = config.weightUnit
        cap = config.maxTaskWeight
        let maxTotal = taskMax.reduce(0, +)
        let totals = vectors.map { $0.reduce(0, +) }
        bands = TotalScoreBands(totals: totals, maxTotal: maxTotal, minStudents: config.minBandStudents)
        var counts = [[[Double]]](repeating: taskMax.map { [Double](repeating: 0, count: $0 + 1) }, count: bands.count)
        var bandSizes = [Double](repeating: 0, count: bands.count)
        var overall = taskMax.map { [Double](repeating: 0.5, count: $0 + 1) }   // Jeffreys-like floor
        for (v, total) in zip(vectors, totals) {
            let b = bands.band(ofTotal: total)
            bandSizes[b] += 1
            for t in v.indices {
                counts[b][t][v[t]] += 1
                overall[t][v[t]] += 1
            }
        }
        let overallShare = overall.map { row -> [Double] in
            let n = row.reduce(0, +)
            return row.map { $0 / n }
        }
        let lambda = config.smoothing
        prob = (0..<bands.count).map { b in
            taskMax.indices.map { t in
                (0...taskMax[t]).map { s in
                    (counts[b][t][s] + lambda * overallShare[t][s]) / (bandSizes[b] + lambda)
                }
            }
        }
    }

    func band(of vector: [Int]) -> Int { bands.band(ofTotal: vector.reduce(0, +)) }

    func table(_ b1: Int, _ b2: Int) -> PairTable {
        let lo = min(b1, b2), hi = max(b1, b2)
        let key = lo * bands.count + hi
        lock.lock(); defer { lock.unlock() }
        if let t = tables[key] { return t }
        var weights: [[Int]] = [], match: [[Double]] = []
        for t in taskMax.indices {
            var w: [Int] = [], q: [Double] = []
            for s in 0...taskMax[t] {
                let m = prob[lo][t][s] * prob[hi][t][s]
                q.append(m)
                w.append(Int((min(cap, -0.5 * log(m)) / unit).rounded()))
            }
            weights.append(w)
            match.append(q)
        }
        let table = PairTable(weights: weights, matchProbability: match)
        tables[key] = table
        return table
    }

    /// One compared pair: matched tasks, weighted match score, its null's z and (when screened in) exact p.
    struct PairResult {
        var matchedTasks: Int
        var score: Int
        var z: Double
        var pValue: Double
    }

    /// The same pair seen from student a («source»): p-value of the weighted match score given a's scores, with b
    /// random in its band. Given a, these p-values are independent over classmates b and exactly super-uniform,
    /// which the «star» statistic needs (the unconditional pair p is valid only marginally).
    /// `table` is the pair's table (`table(bandA, bandB)`); a class scan fetches each one once.
    func conditionalPValue(source a: [Int], _ b: [Int], bandB: Int, table: PairTable, screenZ: Double) -> Double {
        // The screen needs only the score and its normal approximation: no allocation for the pairs it drops.
        var score = 0, mean = 0.0, variance = 0.0
        let rows = prob[bandB]
        for t in a.indices {
            let w = table.weights[t][a[t]]
            guard w > 0 else { continue }
            let q = rows[t][a[t]]
            if a[t] == b[t] { score += w }
            mean += q * Double(w)
            variance += q * (1 - q) * Double(w * w)
        }
        guard variance > 0, (Double(score) - mean) / variance.squareRoot() >= screenZ else { return 1 }
        var components: [[Double]] = []
        components.reserveCapacity(a.count)
        for t in a.indices {
            let w = table.weights[t][a[t]]
            guard w > 0 else { continue }
            let q = rows[t][a[t]]
            var c = [Double](repeating: 0, count: w + 1)
            c[0] = 1 - q
            c[w] = q
            components.append(c)
        }
        return DiscreteSum.upperTail(score, components: components)
    }

    /// `table` is the pair's table (`table(bandA, bandB)`).
    func compare(_ a: [Int], _ b: [Int], table: PairTable, screenZ: Double) -> PairResult {
        var score = 0, matched = 0
        for t in a.indices where a[t] == b[t] {
            matched += 1
            score += table.weights[t][a[t]]
        }
        let z = table.sd > 0 ? (Double(score) - table.mean) / table.sd : 0
        let p = z >= screenZ ? table.pValue(score) : 1
        return PairResult(matchedTasks: matched, score: score, z: z, pValue: p)
    }
}
