/// How an aggregate table (no participant rows) is laid out: which of the three kinds it is, where its
/// header is, and what the rows above the header say about the work.
///
/// The kinds, recognised by their header whatever the file is called:
/// - the distribution of primary scores: school, work, [class], primary score, count (or percentage with
///   the number of participants);
/// - the table of marks: school, work, [class], counts or percentages of marks 2–5;
/// - the journal comparison, either as the cross table (journal mark, VPR mark, count) or as the three
///   counts or percentages ФИС ОКО prints (понизили, подтвердили, повысили).
struct AggregateLayout: Sendable {
    enum Kind: String, Sendable {
        case scoreDistribution, marks, journalTable, journalShares

        /// How `validate` names the layout.
        var russianName: String {
            switch self {
            case .scoreDistribution: return "распределение первичных баллов"
            case .marks: return "распределение отметок"
            case .journalTable: return "сравнение с отметками по журналу (таблица отметок)"
            case .journalShares: return "сравнение с отметками по журналу (понизили / подтвердили / повысили)"
            }
        }
    }

    var kind: Kind
    var headerRow: Int
    var headers: [String]
    var columns: [ColumnRole: Int]
    /// Columns whose values are percentages rather than counts.
    var percentColumns: Set<Int>
    /// Year, subject, grade and school named above the header (as in a ФИС ОКО export).
    var metadata: ResultsLayout

    subscript(role: ColumnRole) -> Int? { columns[role] }

    /// The mark columns 2…5 in order, where present.
    var markColumns: [Int?] { [columns[.marks2], columns[.marks3], columns[.marks4], columns[.marks5]] }

    /// Recognises an aggregate table in the first rows of a sheet, or nil when none is there.
    static func recognise(_ rows: [TableRow], file: String) -> AggregateLayout? {
        for (index, row) in rows.enumerated() where !row.isBlank {
            let headers = row.cells.map { $0.trimmingWhitespaceAndNBSP() }
            var columns: [ColumnRole: Int] = [:]
            var percent: Set<Int> = []
            for (column, header) in headers.enumerated() where !header.isEmpty {
                guard let (role, isPercent) = AggregateHeader.role(of: header) else { continue }
                if role == .count, isPercent {
                    if columns[.percent] == nil { columns[.percent] = column; percent.insert(column) }
                    continue
                }
                // A count column beside a percentage column of the same role: the count wins.
                if let first = columns[role] {
                    if percent.contains(first) && !isPercent { columns[role] = column; percent.remove(first) }
                    continue
                }
                columns[role] = column
                if isPercent { percent.insert(column) }
            }
            guard columns[.studentID] == nil, let kind = kind(of: columns) else { continue }
            let mapping = HeaderMapping(headers: [], vocabulary: .results, file: file, line: row.number)
            var metadata = ResultsLayout(kind: .contract, headerRow: row.number, mapping: mapping)
            for above in rows[..<index] { metadata.readMetadata(above, file: file) }
            guard columns[.schoolID] != nil || metadata.schoolID != nil else { continue }
            return AggregateLayout(kind: kind, headerRow: row.number, headers: headers, columns: columns,
                                   percentColumns: percent, metadata: metadata)
        }
        return nil
    }

    private static func kind(of columns: [ColumnRole: Int]) -> Kind? {
        let counted = columns[.count] != nil || columns[.percent] != nil
        if columns[.primaryScore] != nil && counted { return .scoreDistribution }
        if columns[.journalMark] != nil && columns[.mark] != nil && counted { return .journalTable }
        if columns[.lowered] != nil && columns[.confirmed] != nil && columns[.raised] != nil { return .journalShares }
        let marks = [ColumnRole.marks2, .marks3, .marks4, .marks5].filter { columns[$0] != nil }.count
        return marks == 4 ? .marks : nil
    }

    /// The work a row belongs to: columns first, then the metadata above the header; the grade may
    /// come from the class label. Nil values name what is missing.
    func work(of row: TableRow) -> (year: Int?, subject: String?, grade: Int?) {
        func text(_ role: ColumnRole) -> String? {
            guard let c = columns[role] else { return nil }
            let t = row[c].trimmingWhitespaceAndNBSP()
            return t.isEmpty ? nil : t
        }
        let year = text(.year).flatMap { CellParser.leadingInteger(of: $0) } ?? metadata.year?.value
        let subject = text(.subject).map(HeaderText.subjectName) ?? metadata.subject?.value
        let grade = text(.grade).flatMap { CellParser.leadingInteger(of: $0) }
            ?? text(.classLabel).flatMap { CellParser.leadingInteger(of: $0) } ?? metadata.grade?.value
        return (year, subject, grade)
    }
}
