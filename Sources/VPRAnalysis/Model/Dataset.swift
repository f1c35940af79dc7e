/// Validated input of one run: works with their scales and tasks, schools, and student results.
public struct Dataset: Sendable {
    public var works: [Work: WorkSpec]
    public var schools: [String: School]
    public var results: ResultTable
    /// Schools' works known only from aggregate tables: their `results` are one entry per participant
    /// rebuilt from the score distribution, without participant codes or task scores.
    public var aggregateKeys: Set<SchoolWorkKey>
    /// The journal comparison as three counts (понизили / подтвердили / повысили), for schools' works whose
    /// aggregate tables give no journal mark per participant.
    public var journalShares: [SchoolWorkKey: JournalComparison]

    public init(works: [Work: WorkSpec] = [:], schools: [String: School] = [:], results: ResultTable = [],
                aggregateKeys: Set<SchoolWorkKey> = [], journalShares: [SchoolWorkKey: JournalComparison] = [:]) {
        self.works = works
        self.schools = schools
        self.results = results
        self.aggregateKeys = aggregateKeys
        self.journalShares = journalShares
    }

    /// A dataset of these results (stored as a `ResultTable`).
    public init(works: [Work: WorkSpec] = [:], schools: [String: School] = [:], results: [StudentResult],
                aggregateKeys: Set<SchoolWorkKey> = [], journalShares: [SchoolWorkKey: JournalComparison] = [:]) {
        self.init(works: works, schools: schools, results: ResultTable(results), aggregateKeys: aggregateKeys,
                  journalShares: journalShares)
    }

    /// True when no result carries task scores, so the task-level indicators cannot run.
    public var hasTaskScores: Bool { results.contains { !$0.taskScores.isEmpty } }

    /// The school record for an id, or a bare one when `schools.csv` did not describe it.
    public func school(_ id: String) -> School { schools[id] ?? School(id: id) }
}
