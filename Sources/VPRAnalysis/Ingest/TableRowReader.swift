/// Decoded access to one row of a small table (`schools.csv`, `scales.csv`, `tasks.csv`) and a
/// way to reject it with a reason pointing at a column.
struct TableRowReader {
    let file: String
    let record: CSVRecord
    let mapping: HeaderMapping
    let decoder: FieldDecoder

    /// The column's text (trimmed), or nil when the file has no such column.
    func text(_ role: ColumnRole) -> String? {
        guard let index = mapping[role] else { return nil }
        guard index < record.count else { return "" }
        return decoder.text(record, index)
    }

    /// The column's text, or nil when the column is absent, empty or a missing-value token.
    func value(_ role: ColumnRole) -> String? {
        guard let text = text(role), !CellParser.isMissing(text: text) else { return nil }
        return text
    }

    func location(_ role: ColumnRole?) -> SourceLocation {
        SourceLocation(file: file, line: record.line, column: role.flatMap { mapping[$0] }.map { $0 + 1 })
    }

    func rejection(_ reason: String, at role: ColumnRole?) -> RejectedRow {
        RejectedRow(location: location(role), reason: reason, fields: decoder.allFields(record))
    }

    func rejection(_ reason: String, column: Int) -> RejectedRow {
        RejectedRow(location: SourceLocation(file: file, line: record.line, column: column),
                    reason: reason, fields: decoder.allFields(record))
    }

    /// A whole number in a column, or the reason it is not one.
    func integer(_ role: ColumnRole, allowMissing: Bool = false) -> Result<Int?, RowProblem> {
        guard let text = value(role) else {
            return allowMissing ? .success(nil) : .failure(RowProblem("не указано: \(role.russianName)", role))
        }
        switch CellParser.value(of: text) {
        case .integer(let v): return .success(v)
        case .fractional: return .failure(RowProblem("\(role.russianName) не целое число: «\(text)»", role))
        case .missing: return allowMissing ? .success(nil) : .failure(RowProblem("не указано: \(role.russianName)", role))
        case .invalid: return .failure(RowProblem("\(role.russianName) не число: «\(text)»", role))
        }
    }

    /// The work (year, subject, grade) the row names, or the reason it cannot be read.
    func work() -> Result<Work, RowProblem> {
        let year: Int
        switch integer(.year) {
        case .success(let v): year = v!
        case .failure(let p): return .failure(p)
        }
        guard let subjectText = value(.subject) else { return .failure(RowProblem("не указан предмет", .subject)) }
        guard let gradeText = value(.grade) else { return .failure(RowProblem("не указана параллель (класс)", .grade)) }
        guard let grade = CellParser.leadingInteger(of: gradeText), (1...11).contains(grade) else {
            return .failure(RowProblem("параллель не число от 1 до 11: «\(gradeText)»", .grade))
        }
        return .success(Work(year: year, subject: HeaderText.subjectName(subjectText), grade: grade))
    }
}

/// Why a row cannot be used, and the column at fault.
struct RowProblem: Error {
    var reason: String
    var role: ColumnRole?

    init(_ reason: String, _ role: ColumnRole?) {
        self.reason = reason
        self.role = role
    }
}
