/// Counts of one group of results (a school's work, a municipality's work, the region's work) as ФИС ОКО
/// tabulates them: participants, marks, the comparison with journal marks, primary scores, points by task level.
///
/// The run counts every (school, work) once, right after ingest (`AnalysisContext.tallies`): the indicators that
/// need only counts (BOUNDARY's score histograms, HIGH's shares and means) and every table and chart of the
/// reports read these instead of the rows.
public struct ResultTally: Sendable {
    public init() {}

    public var participants = 0
    /// Count of marks 2, 3, 4, 5.
    public var marks = [0, 0, 0, 0]
    /// Count of participants per primary score 0…max.
    public var scores: [Int] = []
    public var journal = JournalComparison()
    /// Points scored and points possible on the tasks of each level (Б, П, В), over participants with task scores.
    public var levelPoints: [TaskLevel: (scored: Int, possible: Int)] = [:]
    /// Schools with results in the group.
    public var schools = Set<String>()

    /// Adds the counts of `other`, a group with none of this group's results.
    public mutating func merge(_ other: ResultTally) {
        participants += other.participants
        for i in 0..<4 { marks[i] += other.marks[i] }
        if scores.count < other.scores.count {
            scores += [Int](repeating: 0, count: other.scores.count - scores.count)
        }
        for (score, count) in other.scores.enumerated() { scores[score] += count }
        journal = journal + other.journal
        for (level, points) in other.levelPoints {
            let old = levelPoints[level] ?? (0, 0)
            levelPoints[level] = (old.scored + points.scored, old.possible + points.possible)
        }
        schools.formUnion(other.schools)
    }

    /// The primary-score histogram 0…`maxScore` (scores above it are not counted, as no valid row has one).
    public func histogram(maxScore: Int) -> [Int] {
        var counts = [Int](repeating: 0, count: maxScore + 1)
        for (score, count) in scores.prefix(maxScore + 1).enumerated() { counts[score] = count }
        return counts
    }

    /// Share of participants with a mark (2…5).
    public func markShare(_ mark: Int) -> Double {
        participants > 0 ? Double(marks[mark - 2]) / Double(participants) : .nan
    }

    /// Share of students with both marks whose VPR mark is below, equal to or above the journal mark.
    public var journalShares: (lowered: Double, confirmed: Double, raised: Double) {
        let n = Double(journal.total)
        guard n > 0 else { return (.nan, .nan, .nan) }
        return (Double(journal.lowered) / n, Double(journal.confirmed) / n, Double(journal.raised) / n)
    }

    /// Share of the possible points of a level that were scored, when the work has tasks of that level.
    public func levelSuccess(_ level: TaskLevel) -> Double? {
        guard let p = levelPoints[level], p.possible > 0 else { return nil }
        return Double(p.scored) / Double(p.possible)
    }
}
