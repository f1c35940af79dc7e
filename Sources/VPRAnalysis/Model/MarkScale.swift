/// The published conversion of a primary score into a mark (2–5) for one work.
public struct MarkScale: Hashable, Sendable, Codable {
    public var maxScore: Int
    /// The largest maximum primary score the engine accepts, for a scale given in `scales.csv` or one recovered
    /// from the data. No VPR work has more than about 60 points; the bound keeps a mistyped or hostile number
    /// (10¹² points) from sizing the per-score counts of every school.
    public static let largestMaxScore = 300
    public var minMark3: Int
    public var minMark4: Int
    public var minMark5: Int

    public init(maxScore: Int, minMark3: Int, minMark4: Int, minMark5: Int) {
        self.maxScore = maxScore
        self.minMark3 = minMark3
        self.minMark4 = minMark4
        self.minMark5 = minMark5
    }

    /// The mark a primary score earns on this scale.
    public func mark(for score: Int) -> Int {
        if score >= minMark5 { return 5 }
        if score >= minMark4 { return 4 }
        if score >= minMark3 { return 3 }
        return 2
    }

    /// The lowest scores of marks 3, 4 and 5, in order: where a pulled paper lands.
    public var boundaries: [Int] { [minMark3, minMark4, minMark5] }

    /// True when 0 < min3 < min4 < min5 ≤ max.
    public var isConsistent: Bool {
        0 < minMark3 && minMark3 < minMark4 && minMark4 < minMark5 && minMark5 <= maxScore
    }
}
