/// What `ResultsRowParser` makes of one data row of a results file on its own, before the checks that need the
/// rows read before it (duplicates, the works seen so far, the first warning of a kind). Column numbers are
/// 0-based positions in the file's (merged) layout unless said otherwise.
struct ParsedResultRow: Sendable {
    enum Outcome: Sendable {
        /// «отсутствовал» in `column`: not a participant.
        case absent(column: Int)
        /// The row's shape or bytes are unusable (`column` is already 1-based, as the user counts).
        case malformed(column: Int?, reason: String)
        /// A value is unusable.
        case invalid(column: Int, reason: String)
        /// Every value is usable.
        case valid(ValidResultRow)
    }

    var line: Int
    var outcome: Outcome
    /// The row's work, when the row got far enough to know it (a row rejected later still makes its work known).
    var work: Work?
    /// Task columns (positions in the layout's task columns) with a value that `tasks.csv` does not describe for
    /// the work, met before any rejection.
    var ignoredTaskColumns: [Int] = []
}

/// The values of a row that passed every check of its own.
struct ValidResultRow: Sendable {
    struct OverMaximum: Sendable {
        var column: Int
        var taskID: String
        var score: Int
        var maxPoints: Int
    }

    var schoolID: String
    var studentID: String
    /// The participant code as a number when it is all digits and unquoted (it hashes faster).
    var participantNumber: Int64?
    var classLabel: String
    var variant: String
    var gender: String
    var primaryScore: Int
    var mark: Int
    var markGiven: Bool
    /// The mark the scale gives, when a given mark contradicts it.
    var scaleMark: Int?
    var journalMark: Int?
    /// The text of a journal mark outside 2–5.
    var journalProblem: String?
    var taskScores: TaskScores
    /// The sum of the task scores, when it differs from a given primary score.
    var mismatchedTaskSum: Int?
    var overMaximum: [OverMaximum] = []
    /// Whether the work has a scale from `scales.csv`; without one the reader collects (score, mark) pairs.
    var workHasScale: Bool
    var schoolName: String?
    var municipality: String?
}
