/// A data-quality problem in a row that was still used: the value is kept, the specialist is told.
public struct QualityFinding: Sendable, Codable, Hashable {
    /// What kind of inconsistency the row shows.
    public enum Kind: String, Sendable, Codable {
        /// The given mark is not the one the scale gives for the primary score.
        case markContradictsScale
        /// A task score exceeds the task's maximum points.
        case taskAboveMaximum
        /// The given primary score is not the sum of the task scores.
        case primaryScoreMismatch
        /// The journal mark is not 2–5; it was treated as missing.
        case invalidJournalMark
        /// Two aggregate tables of one school's work disagree (marks against scores, journal against marks).
        case aggregateMismatch
    }

    public var kind: Kind
    public var location: SourceLocation
    public var schoolID: String
    public var work: Work
    public var studentID: String
    /// Russian text for the specialist.
    public var message: String

    public init(kind: Kind, location: SourceLocation, schoolID: String, work: Work, studentID: String, message: String) {
        self.kind = kind
        self.location = location
        self.schoolID = schoolID
        self.work = work
        self.studentID = studentID
        self.message = message
    }
}
