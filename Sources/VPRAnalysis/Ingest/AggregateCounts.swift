/// What the aggregate tables of an input folder say, per school, work and (where given) class, with
/// where each count was read. Built by `AggregateTableReader`, turned into the dataset by
/// `InputFolderReader.applyAggregates`.
struct AggregateCounts: Sendable {
    /// A school's work, or one class of it (`classLabel` empty for the whole school).
    struct Key: Hashable, Sendable, Comparable {
        var schoolID: String
        var work: Work
        var classLabel: String

        var schoolWork: SchoolWorkKey { SchoolWorkKey(schoolID: schoolID, work: work) }

        static func < (a: Key, b: Key) -> Bool {
            (a.schoolWork, a.classLabel) < (b.schoolWork, b.classLabel)
        }
    }

    /// A count with the row it came from.
    struct Count: Sendable {
        var value: Int
        var location: SourceLocation
    }

    /// Participants per primary score.
    var scores: [Key: [Int: Count]] = [:]
    /// Journal mark (2…5) × VPR mark (2…5) counts.
    var journalTables: [Key: [[Int]]] = [:]
    var journalTableLocations: [Key: SourceLocation] = [:]
    /// The three counts ФИС ОКО prints, per school and work.
    var journalShares: [SchoolWorkKey: (comparison: JournalComparison, location: SourceLocation)] = [:]
    /// Counts of marks 2…5.
    var marks: [Key: (counts: [Int], location: SourceLocation)] = [:]
    /// School names and municipalities the tables carry.
    var schoolDetails: [String: (name: String, municipality: String)] = [:]

    var isEmpty: Bool { scores.isEmpty && journalTables.isEmpty && journalShares.isEmpty && marks.isEmpty }
}
