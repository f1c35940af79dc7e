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

    /// The histograms of the nearest schools in mean score, excluding `index`, until they hold at least
    /// `minPapers` papers from at least `minSchools` schools; nil when the region is too small for that.
    func peers(of index: Int, minPapers: Int, minSchools: Int) -> [[Int]]? {
        var chosen: [[Int]] = []
        var total = 0
        for j in nearest(to: index) {
            chosen.append(histograms[j])
            total += papers[j]
            if total >= minPapers && chosen.count >= minSchools { return chosen }
        }
        return nil
    }

    /// The peers' papers at b and in its window {b − cellsBelow, …, b}, pooled over the peers left after dropping
    /// `trimShare` of them from each end of the ranking by their own share at b (peers with no paper in the window
    /// take no rank and add nothing).
    static func pooledWindow(_ peers: [[Int]], boundary b: Int, cellsBelow: Int, trimShare: Double) -> (at: Int, total: Int) {
        let window = max(0, b - cellsBelow)...b
        var counts = peers.map { h in (at: h[b], total: window.reduce(0) { $0 + h[$1] }) }.filter { $0.total > 0 }
        let drop = Int((trimShare * Double(counts.count)).rounded(.down))
        if drop > 0 && counts.count > 2 * drop {
            // Ties in the share are broken by the count, then by the peer's rank in distance: deterministic.
            let ranked = counts.enumerated().sorted { a, c in
                let left = a.element.at * c.element.total, right = c.element.at * a.element.total
                return (left, a.element.total, a.offset) < (right, c.element.total, c.offset)
            }
            counts = ranked[drop..<(ranked.count - drop)].map(\.element)
        }
        return counts.reduce((0, 0)) { ($0.0 + $1.at, $0.1 + $1.total) }
    }

    /// The null share at the boundary: the model's share, or the peers' own share when the peers have
    /// significantly more papers at b than the model's share allows (one-sided exact binomial, `lumpPValue`):
    /// then the lump is part of the work at that level, not of this school.
    static func boundedShare(_ modelShare: Double, peers: [[Int]], boundary b: Int, cellsBelow: Int,
                             lumpPValue: Double, trimShare: Double) -> Double {
        let (at, total) = pooledWindow(peers, boundary: b, cellsBelow: cellsBelow, trimShare: trimShare)
        guard total > 0 else { return modelShare }
        let lump = BinomialTest.pValue(successes: at, trials: total, probability: modelShare, alternative: .greater)
        guard lump < lumpPValue else { return modelShare }
        return max(modelShare, (Double(at) + 0.5) / (Double(total) + 1.5))
    }
}
