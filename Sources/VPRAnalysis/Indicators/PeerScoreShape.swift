/// The pooled primary-score histogram of a school's peers: the schools of the region closest to it in mean
/// score (itself left out). It keeps the lumps that a work's task structure puts into the distribution of
/// strong or weak students (e.g. "everything but the last two-point task"), which a smooth curve cannot.
struct PeerScoreShape {
    /// Mean primary score and histogram of every school on one work, in the work's key order.
    let means: [Double]
    let histograms: [[Int]]
    /// The schools with a mean, sorted by (mean, index), and each school's place in that order (nil without a mean):
    /// a school's nearest peers are found by walking outward from its place, not by sorting the region again for
    /// every school (which made BOUNDARY quadratic in the number of schools of a national run).
    private let order: [Int]
    private let place: [Int?]
    private let papers: [Int]

    init(histograms: [[Int]]) {
        self.histograms = histograms
        papers = histograms.map { $0.reduce(0, +) }
        means = zip(histograms, papers).map { h, n in
            n > 0 ? Double(h.indices.reduce(0) { $0 + $1 * h[$1] }) / Double(n) : .nan
        }
        let means = means
        order = histograms.indices.filter { means[$0].isFinite }.sorted { (means[$0], $0) < (means[$1], $1) }
        var place = [Int?](repeating: nil, count: histograms.count)
        for (k, i) in order.enumerated() { place[i] = k }
        self.place = place
    }

    /// The schools other than `index` in order of (distance in mean score, index), lazily: the next one is the
    /// nearer of the two frontiers left and right of the school's place; schools at one distance come in index order.
    func nearest(to index: Int) -> AnyIterator<Int> {
        guard let home = place[index] else { return AnyIterator { nil } }
        let centre = means[index]
        var left = home - 1, right = home + 1
        var pending: [Int] = [], next = 0
        return AnyIterator {
            if next < pending.count { defer { next += 1 }; return pending[next] }
            // The next block: every school at the smallest distance left on either side.
            let dl = left >= 0 ? abs(means[order[left]] - centre) : .infinity
            let dr = right < order.count ? abs(means[order[right]] - centre) : .infinity
            let d = min(dl, dr)
            guard d.isFinite else { return nil }
            pending.removeAll(keepingCapacity: true)
            next = 0
            while left >= 0 && abs(means[order[left]] - centre) == d { pending.append(order[left]); left -= 1 }
            while right < order.count && abs(means[order[right]] - centre) == d { pending.append(order[right]); right += 1 }
            pending.sort()
            defer { next = 1 }
            return pending[0]
        }
    }

    /// The pooled histogram of the nearest schools in mean score, excluding `index`, until they hold at least
    /// `minPapers` papers from at least `minSchools` schools; nil when the region is too small for that.
    func peers(of index: Int, minPapers: Int, minSchools: Int) -> [Int]? {
        var pooled = [Int](repeating: 0, count: histograms[index].count)
        var total = 0, schools = 0
        for j in nearest(to: index) {
            for s in pooled.indices { pooled[s] += histograms[j][s] }
            total += papers[j]
            schools += 1
            if total >= minPapers && schools >= minSchools { return pooled }
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
