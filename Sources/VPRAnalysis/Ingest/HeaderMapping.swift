/// Where each recognised column of a file is, and which columns carry task scores.
struct HeaderMapping: Sendable {
    /// A task-score column of `results.csv`.
    struct TaskColumn: Sendable, Hashable {
        var index: Int
        var id: String
        /// From a header such as `1 (2б)`.
        var maxPoints: Int?
    }

    var columns: [ColumnRole: Int] = [:]
    var taskColumns: [TaskColumn] = []
    var headers: [String] = []
    /// Notes about ignored or duplicated columns.
    var diagnostics: [Diagnostic] = []

    subscript(role: ColumnRole) -> Int? { columns[role] }

    /// Maps decoded headers with a vocabulary; the header is on `line` of `file`.
    init(headers: [String], vocabulary: HeaderVocabulary, file: String, line: Int) {
        self.headers = headers
        var taskIDs: Set<String> = []
        // A bare «Код» is the participant code only when no column says so in full («Код участника»).
        let bareCode = "код"
        let fullCodeColumn = headers.firstIndex { header in
            HeaderText.normalise(header) != bareCode && vocabulary.role(of: header) == .studentID
        }
        for (index, header) in headers.enumerated() {
            let location = SourceLocation(file: file, line: line, column: index + 1)
            if header.trimmingWhitespaceAndNBSP().isEmpty { continue }
            if let fullCodeColumn, HeaderText.normalise(header) == bareCode {
                diagnostics.append(Diagnostic(.note,
                    "столбец «\(header)» не используется: код участника берётся из столбца \(fullCodeColumn + 1) («\(headers[fullCodeColumn])»)",
                    at: location))
                continue
            }
            if let role = vocabulary.role(of: header) {
                if let first = columns[role] {
                    diagnostics.append(Diagnostic(.warning,
                        "столбец «\(header)» повторяет столбец \(first + 1) («\(headers[first])», \(role.russianName)); используется первый",
                        at: location))
                } else {
                    columns[role] = index
                }
                continue
            }
            if vocabulary.hasTaskColumns, let task = TaskIdentifier.header(header) {
                if taskIDs.contains(task.id) {
                    diagnostics.append(Diagnostic(.warning,
                        "столбец «\(header)» повторяет задание \(task.id); используется первый", at: location))
                } else {
                    taskIDs.insert(task.id)
                    taskColumns.append(TaskColumn(index: index, id: task.id, maxPoints: task.maxPoints))
                }
                continue
            }
            diagnostics.append(Diagnostic(.note, "столбец «\(header)» не распознан и не используется", at: location))
        }
    }
}
