/// The pooled primary-score histogram of a school's peers: the schools of the region closest to it in mean
/// score (itself left out). It keeps the lumps that a work's task structure puts into the distribution of
/// strong or weak students (e.g. "everything but the last two-point task"), which a smooth curve cannot.
struct PeerScoreShape {
    /// Mean primary score and histogram of every school on one work, in the work's key order.
    let means: [Double]
    let histograms: [[Int]]

    init(histograms: [[Int]]) {
        self.histograms = histograms
        means = histograms.map { h in
            let n = h.reduce(0, +)
            return n > 0 ? Double(h.indices.reduce(0) { $0 + $1 * h[$1] }) / Double(n) : .nan
        }
    }

    /// The pooled histogram of the nearest schools in mean score, excluding `index`, until they hold at least
    /// `minPapers` papers from at least `minSchools` schools; nil when the region is too small for that.
    func peers(of index: Int, minPapers: Int, minSchools: Int) -> [Int]? {
        guard means[index].isFinite else { return nil }
        let order = histograms.indices.filter { $0 != index && means[$0].isFinite }
            .sorted { (abs(means[$0] - means[index]), $0) < (abs(means[$1] - means[index]), $1) }
        var pooled = [Int](repeating: 0, count: histograms[index].count)
        var papers = 0, schools = 0
        for j in order {
            for s in pooled.indices { pooled[s] += histograms[j][s] }
            papers += histograms[j].reduce(0, +)
            schools += 1
            if papers >= minPapers && schools >= minSchools { return pooled }
        }
        return nil
    }

    /// The null share at the boundary: the model's share, or the peers' own share when the peers have
    /// significantly more papers at b than the model's share allows (one-sided exact binomial, `lumpPValue`):
    /// then the lump is part of the work at that level, not of this school.
    static func boundedShare(_ modelShare: Double, peers: [Int], boundary b: Int, cellsBelow: Int,
                             lumpPValue: Double) -> Double {
        let window = max(0, b - cellsBelow)...b
        let total = window.reduce(0) { $0 + peers[$1] }
        guard total > 0 else { return modelShare }
        let lump = BinomialTest.pValue(successes: peers[b], trials: total, probability: modelShare, alternative: .greater)
        guard lump < lumpPValue else { return modelShare }
        return max(modelShare, (Double(peers[b]) + 0.5) / (Double(total) + 1.5))
    }
}
