/// Single fields of a row, read without rebuilding it as a `StudentResult` (which copies its texts and task
/// scores): for loops over every row of a run that need one or two fields.
extension ResultTable {
    /// Whether rows `i` and `j` belong to the same school's work.
    public func sameSchoolWork(_ i: Int, _ j: Int) -> Bool {
        let rows = columns.rows
        return rows[i].schoolID == rows[j].schoolID && rows[i].work == rows[j].work
    }

    public func schoolID(at i: Int) -> String { columns.schools[columns.rows[i].schoolID] }
    public func work(at i: Int) -> Work { columns.works[columns.rows[i].work] }
    public func classLabel(at i: Int) -> String { columns.classes[columns.rows[i].classLabel] }
    public func primaryScore(at i: Int) -> Int { Int(columns.rows[i].primaryScore) }
    public func mark(at i: Int) -> Int { Int(columns.rows[i].mark) }
    public func journalMark(at i: Int) -> Int? { Columns.journal(columns.rows[i].journalMark) }

    // MARK: Positions

    /// The schools of the table, each once; `schoolPosition(at:)` names a row's school by its place here.
    public var distinctSchoolIDs: [String] { columns.schools.values }
    /// The works of the table, each once; `workPosition(at:)` names a row's work by its place here.
    public var distinctWorks: [Work] { columns.works.values }

    /// The place of row `i`'s school in `distinctSchoolIDs`: a small number to group rows by, without hashing text.
    public func schoolPosition(at i: Int) -> Int { Int(columns.rows[i].schoolID) }
    /// The place of row `i`'s work in `distinctWorks`.
    public func workPosition(at i: Int) -> Int { Int(columns.rows[i].work) }

    // MARK: Task scores

    /// The number of task scores row `i` holds (its work's tasks when the file had a column for each).
    public func taskCount(at i: Int) -> Int { Int(columns.rows[i].taskCount) }

    /// The score of task `task` (0-based, in the order of the work's tasks) in row `i`; nil when missing.
    public func taskScore(at i: Int, task: Int) -> Int? {
        let row = columns.rows[i]
        precondition(task >= 0 && task < Int(row.taskCount), "task \(task) out of range")
        let raw = columns.taskScores[Int(row.taskStart) + task]
        return raw == TaskScores.missing ? nil : Int(raw)
    }
}
