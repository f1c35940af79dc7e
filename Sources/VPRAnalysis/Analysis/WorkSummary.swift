/// Region-wide figures of one work: who wrote it and how the marks fell.
public struct WorkSummary: Hashable, Sendable, Codable {
    public var work: Work
    public var scale: MarkScale
    public var schools: Int
    public var participants: Int
    /// Count of marks 2, 3, 4, 5.
    public var marks: [Int]
    public var meanPrimaryScore: Double
    public var journal: JournalComparison
}
