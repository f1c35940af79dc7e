import Foundation

/// All within-class pairs of one class on one work compared under `SimilarityModel`, with the class-level test.
///
/// Two class-level statistics, each a valid bound on its own, combined by Bonferroni (×2):
/// * the smallest pair p-value, Šidák-corrected over the class's n(n−1)/2 pairs (one copied paper);
/// * the «star»: for each student i and k = 2…K, the k-th smallest p_{j|i} over classmates, p₍ₖ₎, where p_{j|i} is
///   the pair's p-value given i's scores (`SimilarityModel.conditionalPValue`). Given i's scores the classmates are
///   independent under the null and each p_{j|i} is super-uniform, so
///   P(p₍ₖ₎ ≤ x) ≤ P(Bin(n − 1, x) ≥ k); Bonferroni over the n students and the K − 1 values of k.
///   A group of k copies of one paper makes k of i's pairs small at once, which is very unlikely by chance even
///   when each pair alone is only moderately rare (strong students who share many full marks).
struct SimilarityClassScan {
    var classLabel: String
    var codes: [String]
    var pairs: Int
    var minPairP: Double
    var bestPairMatched: Int
    /// The best star: its centre, size k (classmates) and bound before the class's correction.
    var starSize: Int
    var pStar: Double
    var pPair: Double
    var pValue: Double
    /// Groups of students (indices) whose similarity is significant at `clusterAlpha` by itself.
    var components: [[Int]]
    /// Per component: its strongest pair's p-value and the fewest and most tasks with equal scores over its pairs.
    /// Kept instead of the class's n × n pair tables, which a region's classes together would hold by the
    /// hundred megabytes.
    var componentPairs: [(strongest: Double, fewest: Int, most: Int)]

    init(classLabel: String, students: [(code: String, scores: [Int])], model: SimilarityModel, config: SimilarityConfig) {
        self.classLabel = classLabel
        let n = students.count
        codes = students.map(\.code)
        pairs = n * (n - 1) / 2
        let bandsOf = students.map { model.band(of: $0.scores) }
        // Each band pair's table once per class: the model's cache is shared between threads behind a lock.
        let bandCount = model.bands.count
        var tables = [SimilarityModel.PairTable?](repeating: nil, count: bandCount * bandCount)
        func table(_ i: Int, _ j: Int) -> SimilarityModel.PairTable {
            let key = min(bandsOf[i], bandsOf[j]) * bandCount + max(bandsOf[i], bandsOf[j])
            if let t = tables[key] { return t }
            let t = model.table(bandsOf[i], bandsOf[j])
            tables[key] = t
            return t
        }
        let scores = students.map(\.scores)
        var p = [[Double]](repeating: [Double](repeating: 1, count: n), count: n)
        var m = [[Int]](repeating: [Int](repeating: 0, count: n), count: n)
        var minP = 1.0, bestMatched = 0
        for i in 0..<n {
            let a = scores[i]
            for j in (i + 1)..<max(i + 1, n) {
                let r = model.compare(a, scores[j], table: table(i, j), screenZ: config.screenZ)
                p[i][j] = r.pValue; p[j][i] = r.pValue
                m[i][j] = r.matchedTasks; m[j][i] = r.matchedTasks
                if r.pValue < minP || (r.pValue == minP && r.matchedTasks > bestMatched) {
                    minP = r.pValue
                    bestMatched = r.matchedTasks
                }
            }
        }
        minPairP = minP
        bestPairMatched = bestMatched
        pPair = Sidak.adjust(minP, tests: pairs)

        // Stars: the k nearest classmates of each student.
        let kMax = min(config.maxGroupSize, n - 1)
        let kValues = max(0, kMax - 1)
        var groups: [[Int]] = []
        var bestTail = 1.0, bestK = 0
        var nearestByStudent: [[Int]] = []
        var tailByStudent: [(tail: Double, k: Int)] = []
        var conditional = [[Double]](repeating: [Double](repeating: 1, count: n), count: n)
        for i in 0..<n {
            let a = scores[i]
            var row = [Double](repeating: 1, count: n)
            for j in 0..<n where j != i {
                row[j] = model.conditionalPValue(source: a, scores[j], bandB: bandsOf[j], table: table(i, j),
                                                 screenZ: config.screenZ)
            }
            conditional[i] = row
        }
        for i in 0..<n {
            let c = conditional[i]
            let nearest = (0..<n).filter { $0 != i }.sorted { (c[$0], $0) < (c[$1], $1) }
            var best = (tail: 1.0, k: 0)
            if kMax >= 2 {
                for k in 2...kMax {
                    let x = c[nearest[k - 1]]
                    guard x < 1 else { break }
                    let tail = Binomial.upperTail(k, n: n - 1, p: x)
                    if tail < best.tail { best = (tail, k) }
                }
            }
            nearestByStudent.append(nearest)
            tailByStudent.append(best)
            if best.tail < bestTail { bestTail = best.tail; bestK = best.k }
        }
        let starFactor = Double(n * max(1, kValues))
        pStar = kValues > 0 ? min(1, starFactor * bestTail) : 1
        starSize = bestK
        pValue = kValues > 0 ? min(1, 2 * min(pPair, pStar)) : pPair

        // Groups reported: stars and pairs significant at clusterAlpha after the same corrections.
        for i in 0..<n {
            let (tail, k) = tailByStudent[i]
            if k >= 2 && min(1, 2 * starFactor * tail) <= config.clusterAlpha {
                groups.append([i] + nearestByStudent[i].prefix(k))
            }
            for j in (i + 1)..<max(i + 1, n) where min(1, 2 * Sidak.adjust(p[i][j], tests: pairs)) <= config.clusterAlpha {
                groups.append([i, j])
            }
        }
        var parent = Array(0..<n)
        func find(_ x: Int) -> Int {
            var x = x
            while parent[x] != x { parent[x] = parent[parent[x]]; x = parent[x] }
            return x
        }
        for g in groups {
            for v in g.dropFirst() {
                let a = find(g[0]), b = find(v)
                if a != b { parent[max(a, b)] = min(a, b) }
            }
        }
        var byRoot: [Int: Set<Int>] = [:]
        for g in groups { for v in g { byRoot[find(v), default: []].insert(v) } }
        components = byRoot.values.map { $0.sorted() }.sorted { ($0.count, $1[0]) > ($1.count, $0[0]) }
        let taskCount = students.first?.scores.count ?? 0
        componentPairs = components.map { members in
            var strongest = 1.0, fewest = taskCount, most = 0
            for (a, i) in members.enumerated() {
                for j in members[(a + 1)...] {
                    strongest = min(strongest, p[i][j])
                    fewest = min(fewest, m[i][j])
                    most = max(most, m[i][j])
                }
            }
            return (strongest, fewest, most)
        }
    }

    func clusters(schoolID: String, work: Work, taskCount: Int) -> [SimilarityCluster] {
        zip(components, componentPairs).map { members, pairs in
            SimilarityCluster(
                schoolID: schoolID, work: work, classLabel: classLabel,
                participantCodes: members.map { codes[$0] }.sorted { ($0.count, $0) < ($1.count, $1) },
                strongestPairPValue: pairs.strongest, fewestMatchedTasks: pairs.fewest, mostMatchedTasks: pairs.most,
                taskCount: taskCount)
        }
    }
}
