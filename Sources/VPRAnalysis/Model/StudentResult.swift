/// One participant's result on one work, after validation.
public struct StudentResult: Hashable, Sendable {
    public var work: Work
    public var schoolID: String
    /// Class label as written in the export («5Б»).
    public var classLabel: String
    /// Participant code; never a name.
    public var studentID: String
    public var variant: String
    public var primaryScore: Int
    /// The VPR mark 2–5 (as given, or derived from the scale when absent).
    public var mark: Int
    /// The term (journal) mark 2–5, when known.
    public var journalMark: Int?
    public var gender: String
    /// Task scores in the order of the work's `WorkSpec.tasks`; nil where missing.
    public var taskScores: TaskScores
    /// Where the row came from, for explanations and data-quality findings.
    public var source: SourceLocation

    public init(work: Work, schoolID: String, classLabel: String, studentID: String, variant: String = "",
                primaryScore: Int, mark: Int, journalMark: Int? = nil, gender: String = "",
                taskScores: TaskScores = [], source: SourceLocation = SourceLocation(file: "", line: 0)) {
        self.work = work
        self.schoolID = schoolID
        self.classLabel = classLabel
        self.studentID = studentID
        self.variant = variant
        self.primaryScore = primaryScore
        self.mark = mark
        self.journalMark = journalMark
        self.gender = gender
        self.taskScores = taskScores
        self.source = source
    }
}
