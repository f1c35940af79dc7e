/// Reads the rows of aggregate tables into `AggregateCounts`. Every row is used or rejected with its
/// reason and column; percentages are turned into counts with the row's number of participants.
struct AggregateTableReader: Sendable {
    var counts = AggregateCounts()
    var rejected: [RejectedRow] = []
    var rowsRead = 0
    /// Scales of the works, to reject scores above the maximum as they are read.
    let scales: [Work: MarkScale]

    /// The most participants one row may count: far above any school's grade (a few hundred), low enough that
    /// a hostile number (10¹²) cannot make the reader build that many papers.
    static let largestCount = 100_000

    init(scales: [Work: MarkScale]) {
        self.scales = scales
    }

    private struct Rejection: Error {
        var reason: String
        var column: Int?
    }

    /// Reads one data row of a file laid out as `layout`.
    mutating func consume(_ row: TableRow, layout: AggregateLayout, file: String) {
        rowsRead += 1
        do {
            try read(row, layout: layout, file: file)
        } catch let r as Rejection {
            rejected.append(RejectedRow(location: SourceLocation(file: file, line: row.number, column: r.column),
                                        reason: r.reason, fields: row.cells))
        } catch {
            rejected.append(RejectedRow(location: SourceLocation(file: file, line: row.number), reason: "\(error)",
                                        fields: row.cells))
        }
    }

    private mutating func read(_ row: TableRow, layout: AggregateLayout, file: String) throws {
        func column(_ role: ColumnRole) -> Int? { layout[role].map { $0 + 1 } }
        let schoolText = layout[.schoolID].map { row[$0].trimmingWhitespaceAndNBSP() } ?? layout.metadata.schoolID?.value ?? ""
        guard !schoolText.isEmpty, !CellParser.isMissing(text: schoolText) else {
            throw Rejection(reason: "не указан код ОО", column: column(.schoolID))
        }
        let (year, subject, grade) = layout.work(of: row)
        guard let year, (1990...2100).contains(year) else { throw Rejection(reason: "не указан год", column: column(.year)) }
        guard let subject, !subject.isEmpty else { throw Rejection(reason: "не указан предмет", column: column(.subject)) }
        guard let grade, (1...11).contains(grade) else {
            throw Rejection(reason: "не указан класс (параллель)", column: column(.grade) ?? column(.classLabel))
        }
        let work = Work(year: year, subject: subject, grade: grade)
        let classText = layout[.classLabel].map { row[$0].trimmingWhitespaceAndNBSP() } ?? ""
        // A class column holding only the grade («5») is the whole school's parallel.
        let classLabel = classText == String(grade) ? "" : classText
        let key = AggregateCounts.Key(schoolID: schoolText, work: work, classLabel: classLabel)
        let location = SourceLocation(file: file, line: row.number)
        if counts.schoolDetails[schoolText] == nil {
            let name = layout[.schoolName].map { row[$0].trimmingWhitespaceAndNBSP() } ?? layout.metadata.schoolName ?? ""
            let municipality = layout[.municipality].map { row[$0].trimmingWhitespaceAndNBSP() } ?? ""
            if !name.isEmpty || !municipality.isEmpty { counts.schoolDetails[schoolText] = (name, municipality) }
        }

        switch layout.kind {
        case .scoreDistribution:
            let scoreColumn = layout[.primaryScore]!
            guard case .integer(let score) = CellParser.value(of: row[scoreColumn]), score >= 0 else {
                throw Rejection(reason: "первичный балл «\(row[scoreColumn])» не целое неотрицательное число", column: scoreColumn + 1)
            }
            if scales[work] == nil, score > MarkScale.largestMaxScore {
                throw Rejection(reason: "первичный балл \(score) больше \(MarkScale.largestMaxScore): такого максимума нет ни у одной ВПР, а шкалы работы «\(work.title)» в scales.csv нет",
                                column: scoreColumn + 1)
            }
            if let scale = scales[work], score > scale.maxScore {
                throw Rejection(reason: "первичный балл \(score) больше максимального (\(scale.maxScore)) для работы «\(work.title)»",
                                column: scoreColumn + 1)
            }
            let n = try count(row, layout: layout, countColumn: layout[.count], percentColumn: layout[.percent])
            if counts.scores[key]?[score] != nil {
                throw Rejection(reason: "балл \(score) этой ОО\(classLabel.isEmpty ? "" : ", класса \(classLabel)") по работе «\(work.title)» уже указан в строке \(counts.scores[key]![score]!.location.line) файла \(counts.scores[key]![score]!.location.file)",
                                column: scoreColumn + 1)
            }
            counts.scores[key, default: [:]][score] = AggregateCounts.Count(value: n, location: location)

        case .journalTable:
            let j = try mark(row, layout[.journalMark]!), m = try mark(row, layout[.mark]!)
            let n = try count(row, layout: layout, countColumn: layout[.count], percentColumn: layout[.percent])
            var table = counts.journalTables[key] ?? [[Int]](repeating: [0, 0, 0, 0], count: 4)
            table[j - 2][m - 2] += n
            counts.journalTables[key] = table
            if counts.journalTableLocations[key] == nil { counts.journalTableLocations[key] = location }

        case .journalShares:
            let lowered = try count(row, layout: layout, role: .lowered)
            let confirmed = try count(row, layout: layout, role: .confirmed)
            let raised = try count(row, layout: layout, role: .raised)
            let schoolWork = key.schoolWork
            if let first = counts.journalShares[schoolWork] {
                throw Rejection(reason: "сравнение с журналом этой ОО по работе «\(work.title)» уже указано в строке \(first.location.line) файла \(first.location.file)",
                                column: nil)
            }
            var comparison = JournalComparison()
            comparison.lowered = lowered
            comparison.confirmed = confirmed
            comparison.raised = raised
            counts.journalShares[schoolWork] = (comparison, location)

        case .marks:
            let values = try [ColumnRole.marks2, .marks3, .marks4, .marks5].map { try count(row, layout: layout, role: $0) }
            if let first = counts.marks[key] {
                throw Rejection(reason: "отметки этой ОО по работе «\(work.title)» уже указаны в строке \(first.location.line) файла \(first.location.file)",
                                column: nil)
            }
            counts.marks[key] = (values, location)
        }
    }

    /// A mark 2…5.
    private func mark(_ row: TableRow, _ column: Int) throws -> Int {
        guard case .integer(let m) = CellParser.value(of: row[column]), (2...5).contains(m) else {
            throw Rejection(reason: "отметка «\(row[column])» не от 2 до 5", column: column + 1)
        }
        return m
    }

    /// The count of a role's column: the number itself, or its percentage of the row's participants.
    private func count(_ row: TableRow, layout: AggregateLayout, role: ColumnRole) throws -> Int {
        guard let column = layout[role] else { throw Rejection(reason: "нет столбца «\(role.russianName)»", column: nil) }
        return layout.percentColumns.contains(column)
            ? try count(row, layout: layout, countColumn: nil, percentColumn: column)
            : try count(row, layout: layout, countColumn: column, percentColumn: nil)
    }

    private func count(_ row: TableRow, layout: AggregateLayout, countColumn: Int?, percentColumn: Int?) throws -> Int {
        if let c = countColumn {
            switch CellParser.value(of: row[c]) {
            case .integer(let n) where n > Self.largestCount:
                throw Rejection(reason: "количество \(n) больше \(Self.largestCount): столько участников одной работы в одной ОО не бывает",
                                column: c + 1)
            case .integer(let n) where n >= 0: return n
            case .missing: return 0
            default: throw Rejection(reason: "количество «\(row[c])» не целое неотрицательное число", column: c + 1)
            }
        }
        guard let p = percentColumn else { throw Rejection(reason: "нет столбца с количеством участников", column: nil) }
        let percent: Double
        switch CellParser.value(of: row[p]) {
        case .integer(let v): percent = Double(v)
        case .fractional(let v): percent = v
        case .missing: return 0
        case .invalid: throw Rejection(reason: "доля «\(row[p])» не число", column: p + 1)
        }
        guard (0...100).contains(percent) else { throw Rejection(reason: "доля \(row[p]) % вне диапазона 0–100", column: p + 1) }
        // The total the percentage is of: the participants column, else the count column of a table of marks or signs.
        guard let totalColumn = layout[.participants] ?? (layout.kind == .scoreDistribution ? nil : layout[.count]),
              case .integer(let total) = CellParser.value(of: row[totalColumn]), total > 0 else {
            throw Rejection(reason: "доля в процентах без числа участников: нужен столбец «Всего участников»", column: p + 1)
        }
        guard total <= Self.largestCount else {
            throw Rejection(reason: "участников \(total) больше \(Self.largestCount): столько участников одной работы в одной ОО не бывает",
                            column: totalColumn + 1)
        }
        let exact = percent * Double(total) / 100
        let rounded = exact.rounded()
        // A percentage rounded to whole points may be off by half a point; more is a contradiction.
        guard abs(exact - rounded) <= 0.005 * Double(total) + 0.01 else {
            throw Rejection(reason: "доля \(row[p]) % от \(total) участников не соответствует целому числу участников",
                            column: p + 1)
        }
        return Int(rounded)
    }
}
