/// Checks one data row of a results file on its own and decodes the values a result keeps: numbers parsed from
/// bytes, repeated text interned. It depends only on the file's header, the scales and the task catalog, never
/// on other rows, so copies of it can parse pieces of a file on several cores; `ResultsTableReader` then
/// applies the checks that need the rows before (duplicates, first warnings) in file order.
struct ResultsRowParser: Sendable {
    /// What a work's rows need to know about it before any row is read.
    struct WorkInfo: Sendable {
        var scale: MarkScale?
        /// Per task column: counts towards the work (from `tasks.csv`, or every column without it).
        var included: [Bool]
        /// Per task column: the task's maximum points, when known before reading.
        var maxPoints: [Int?]
    }

    let scales: [Work: MarkScale]
    let catalog: [Work: [TaskSpec]]?
    let taskColumns: [HeaderMapping.TaskColumn]
    let cells: CellParser
    let decoder: FieldDecoder
    private let headerCount: Int
    private let yearColumn: Int, schoolColumn: Int, classColumn: Int, subjectColumn: Int, studentColumn: Int
    private let gradeColumn: Int?, primaryColumn: Int?, markColumn: Int?, journalColumn: Int?
    private let variantColumn: Int?, genderColumn: Int?, schoolNameColumn: Int?, municipalityColumn: Int?
    /// Columns where «отсутствовал» marks the row as an absent participant: the variant, the
    /// primary score, the mark and the task columns, left to right. Elsewhere (names, class,
    /// journal mark) the word is just text.
    private let absenceColumns: [Int]

    private var infos: [Work: WorkInfo] = [:]
    private var lastWork: Work?
    private var lastInfo: WorkInfo?
    private var schoolIDs = ByteStringInterner()
    private var classLabels = ByteStringInterner()
    private var subjects = ByteStringInterner()
    private var variants = ByteStringInterner()
    private var genders = ByteStringInterner()
    private var schoolNames = ByteStringInterner()
    private var municipalities = ByteStringInterner()

    init(header: InputFileScanner.Header, scales: [Work: MarkScale], catalog: [Work: [TaskSpec]]?) {
        self.scales = scales
        self.catalog = catalog
        let mapping = header.mapping
        cells = CellParser(encoding: header.dialect.encoding)
        decoder = FieldDecoder(encoding: header.dialect.encoding)
        headerCount = mapping.headers.count
        taskColumns = mapping.taskColumns
        // The scanner guarantees the required columns.
        yearColumn = mapping[.year]!
        schoolColumn = mapping[.schoolID]!
        classColumn = mapping[.classLabel]!
        subjectColumn = mapping[.subject]!
        studentColumn = mapping[.studentID]!
        gradeColumn = mapping[.grade]
        primaryColumn = mapping[.primaryScore]
        markColumn = mapping[.mark]
        journalColumn = mapping[.journalMark]
        variantColumn = mapping[.variant]
        genderColumn = mapping[.gender]
        schoolNameColumn = mapping[.schoolName]
        municipalityColumn = mapping[.municipality]
        absenceColumns = ([mapping[.variant], mapping[.primaryScore], mapping[.mark]].compactMap { $0 }
            + mapping.taskColumns.map(\.index)).sorted()
    }

    /// The row's outcome and values.
    mutating func parse(_ record: CSVRecord) -> ParsedResultRow {
        for index in absenceColumns where index < record.count && cells.isAbsence(record.trimmed(index)) {
            return ParsedResultRow(line: record.line, outcome: .absent(column: index))
        }
        if let problem = RowShape.problem(record, headerCount: headerCount)
            ?? RowBytes.problem(record, utf8: decoder.encoding != .windows1251) {
            return ParsedResultRow(line: record.line, outcome: .malformed(column: problem.column, reason: problem.reason))
        }
        var work: Work?
        var ignored: [Int] = []
        let outcome: ParsedResultRow.Outcome
        switch values(record, work: &work, ignoredTaskColumns: &ignored) {
        case .success(let valid): outcome = .valid(valid)
        case .failure(let rejection): outcome = .invalid(column: rejection.column, reason: rejection.reason)
        }
        return ParsedResultRow(line: record.line, outcome: outcome, work: work, ignoredTaskColumns: ignored)
    }

    /// Why a row is rejected, and at which column.
    struct Rejection: Error {
        var reason: String
        var column: Int
        init(_ reason: String, _ column: Int) {
            self.reason = reason
            self.column = column
        }
    }

    /// The values of a well-shaped row, or why the row is rejected; sets the row's work once it is known and the
    /// ignored task columns met before any rejection.
    private mutating func values(_ record: CSVRecord, work rowWork: inout Work?,
                                 ignoredTaskColumns: inout [Int]) -> Result<ValidResultRow, Rejection> {
        let decoder = self.decoder
        let cells = self.cells

        // Year.
        let yearBytes = record.trimmed(yearColumn)
        let year: Int
        switch cells.value(yearBytes) {
        case .integer(let v) where (1990...2100).contains(v): year = v
        case .missing: return .failure(Rejection("не указан год", yearColumn))
        case .integer: return .failure(Rejection("год вне допустимого диапазона: «\(decoder.shown(yearBytes))»", yearColumn))
        case .fractional, .invalid: return .failure(Rejection("год не число: «\(decoder.shown(yearBytes))»", yearColumn))
        }

        // Identifiers and labels.
        guard !cells.isMissing(record.trimmed(schoolColumn)) else { return .failure(Rejection("нет кода ОО", schoolColumn)) }
        guard !cells.isMissing(record.trimmed(classColumn)) else { return .failure(Rejection("нет класса", classColumn)) }
        guard !cells.isMissing(record.trimmed(subjectColumn)) else { return .failure(Rejection("нет предмета", subjectColumn)) }
        let studentBytes = record.trimmed(studentColumn)
        guard !cells.isMissing(studentBytes) else { return .failure(Rejection("нет кода участника", studentColumn)) }

        // Grade: its own column, or the leading number of the class label.
        var grade: Int?
        var gradeSourceColumn = classColumn
        if let gradeColumn, !cells.isMissing(record.trimmed(gradeColumn)) {
            gradeSourceColumn = gradeColumn
            grade = Self.leadingInteger(record.trimmed(gradeColumn))
            guard let g = grade, (1...11).contains(g) else {
                return .failure(Rejection("параллель не число от 1 до 11: «\(decoder.shown(record.trimmed(gradeColumn)))»", gradeColumn))
            }
        } else {
            grade = Self.leadingInteger(record.trimmed(classColumn))
        }
        guard let grade, (1...11).contains(grade) else {
            return .failure(Rejection("не удалось определить параллель по классу «\(decoder.shown(record.trimmed(classColumn)))»: ожидается номер в начале, например «5Б»",
                                      gradeSourceColumn))
        }

        let subject = record.fields[subjectColumn].hasEscapedQuotes
            ? HeaderText.subjectName(decoder.text(record, subjectColumn))
            : subjects.intern(record.trimmed(subjectColumn)) { HeaderText.subjectName(decoder.string($0)) }
        let work = Work(year: year, subject: subject, grade: grade)
        rowWork = work
        let info = info(for: work)
        let scale = info.scale

        // Task scores.
        var scores = [Int?](repeating: nil, count: taskColumns.count)
        var sum = 0
        var anyScore = false
        var overMaximum: [ValidResultRow.OverMaximum] = []
        for k in 0..<taskColumns.count {
            let column = taskColumns[k]
            guard column.index < record.count else { continue }
            let bytes = record.trimmed(column.index)
            if !info.included[k] {
                if !cells.isMissing(bytes) { ignoredTaskColumns.append(k) }
                continue
            }
            switch cells.value(bytes) {
            case .missing:
                continue
            case .integer(let v):
                guard v >= 0 else {
                    return .failure(Rejection("отрицательный балл за задание \(column.id): «\(decoder.shown(bytes))»", column.index))
                }
                guard v <= TaskScores.maximumScore else {
                    return .failure(Rejection("балл за задание \(column.id) слишком велик для балла: «\(decoder.shown(bytes))»", column.index))
                }
                scores[k] = v
                sum += v
                anyScore = true
                if let max = info.maxPoints[k], v > max {
                    overMaximum.append(.init(column: column.index, taskID: column.id, score: v, maxPoints: max))
                }
            case .fractional:
                return .failure(Rejection("балл за задание \(column.id) не целое число: «\(decoder.shown(bytes))»", column.index))
            case .invalid:
                return .failure(Rejection("балл за задание \(column.id) не число: «\(decoder.shown(bytes))»", column.index))
            }
        }

        // Primary score: given, or the sum of the task scores.
        var primary = sum
        var primaryGiven = false
        if let primaryColumn {
            let bytes = record.trimmed(primaryColumn)
            switch cells.value(bytes) {
            case .missing: break
            case .integer(let v):
                guard v >= 0 else { return .failure(Rejection("отрицательный первичный балл: «\(decoder.shown(bytes))»", primaryColumn)) }
                primary = v
                primaryGiven = true
            case .fractional:
                return .failure(Rejection("первичный балл не целое число: «\(decoder.shown(bytes))»", primaryColumn))
            case .invalid:
                return .failure(Rejection("первичный балл не число: «\(decoder.shown(bytes))»", primaryColumn))
            }
        }
        let firstTaskColumn = taskColumns.first?.index ?? primaryColumn ?? studentColumn
        if !primaryGiven && !anyScore {
            return .failure(Rejection("нет ни первичного балла, ни баллов за задания", primaryColumn ?? firstTaskColumn))
        }
        if scale == nil, primary > MarkScale.largestMaxScore {
            let what = primaryGiven ? "первичный балл" : "сумма баллов за задания"
            return .failure(Rejection("\(what) \(primary) больше \(MarkScale.largestMaxScore): такого максимума нет ни у одной ВПР, "
                                      + "а шкалы работы «\(work.title)» \(work.year) года в scales.csv нет",
                                      primaryGiven ? primaryColumn! : firstTaskColumn))
        }
        if let scale, primary > scale.maxScore {
            if primaryGiven {
                return .failure(Rejection("первичный балл \(primary) больше максимального (\(scale.maxScore)) для работы «\(work.title)» \(work.year) года",
                                          primaryColumn!))
            }
            return .failure(Rejection("сумма баллов за задания \(primary) больше максимального первичного балла (\(scale.maxScore)) для работы «\(work.title)» \(work.year) года",
                                      firstTaskColumn))
        }

        // Marks.
        var mark = 0
        var markGiven = false
        if let markColumn {
            let bytes = record.trimmed(markColumn)
            switch cells.value(bytes) {
            case .missing: break
            case .integer(let v) where (2...5).contains(v):
                mark = v
                markGiven = true
            case .integer, .fractional:
                return .failure(Rejection("отметка вне диапазона 2–5: «\(decoder.shown(bytes))»", markColumn))
            case .invalid:
                return .failure(Rejection("отметка не число: «\(decoder.shown(bytes))»", markColumn))
            }
        }
        if !markGiven { mark = scale?.mark(for: primary) ?? 0 }
        var journal: Int?
        var journalProblem: String?
        if let journalColumn, journalColumn < record.count {
            let bytes = record.trimmed(journalColumn)
            switch cells.value(bytes) {
            case .missing: break
            case .integer(let v) where (2...5).contains(v): journal = v
            default: journalProblem = decoder.text(record, journalColumn)
            }
        }

        // Identifiers as text.
        let schoolID = record.fields[schoolColumn].hasEscapedQuotes
            ? decoder.string(record.unescaped(schoolColumn)).trimmingWhitespaceAndNBSP()
            : schoolIDs.intern(record.trimmed(schoolColumn)) { decoder.string($0).trimmingWhitespaceAndNBSP() }
        let quotedStudent = record.fields[studentColumn].hasEscapedQuotes
        let studentID = quotedStudent ? decoder.text(record, studentColumn) : decoder.string(studentBytes).trimmingWhitespaceAndNBSP()
        let classLabel = record.fields[classColumn].hasEscapedQuotes
            ? decoder.text(record, classColumn)
            : classLabels.intern(record.trimmed(classColumn)) { decoder.string($0).trimmingWhitespaceAndNBSP() }
        var variant = ""
        if let bytes = optionalBytes(record, variantColumn) {
            variant = variants.intern(bytes) { decoder.string($0).trimmingWhitespaceAndNBSP() }
        }
        var gender = ""
        if let bytes = optionalBytes(record, genderColumn) {
            gender = genders.intern(bytes) { decoder.string($0).trimmingWhitespaceAndNBSP() }
        }
        var scaleMark: Int?
        if markGiven, let scale, scale.mark(for: primary) != mark { scaleMark = scale.mark(for: primary) }
        return .success(ValidResultRow(
            schoolID: schoolID, studentID: studentID,
            participantNumber: quotedStudent ? nil : Self.participantNumber(studentBytes),
            classLabel: classLabel, variant: variant, gender: gender, primaryScore: primary, mark: mark,
            markGiven: markGiven, scaleMark: scaleMark, journalMark: journal, journalProblem: journalProblem,
            taskScores: TaskScores(scores), mismatchedTaskSum: primaryGiven && anyScore && sum != primary ? sum : nil,
            overMaximum: overMaximum, workHasScale: scale != nil,
            schoolName: Self.text(record, schoolNameColumn, &schoolNames, cells, decoder),
            municipality: Self.text(record, municipalityColumn, &municipalities, cells, decoder)))
    }

    /// What the work's rows need to know about it; computed once per work.
    private mutating func info(for work: Work) -> WorkInfo {
        if let lastWork, lastWork == work, let lastInfo { return lastInfo }
        let info: WorkInfo
        if let known = infos[work] {
            info = known
        } else {
            var included = [Bool](repeating: true, count: taskColumns.count)
            var maxPoints = taskColumns.map(\.maxPoints)
            if let catalog, let tasks = catalog[work] {
                let byID = Dictionary(tasks.map { ($0.id, $0.maxPoints) }, uniquingKeysWith: { first, _ in first })
                for k in 0..<taskColumns.count {
                    included[k] = byID[taskColumns[k].id] != nil
                    maxPoints[k] = byID[taskColumns[k].id]
                }
            }
            info = WorkInfo(scale: scales[work], included: included, maxPoints: maxPoints)
            infos[work] = info
        }
        lastWork = work
        lastInfo = info
        return info
    }

    /// The bytes of an optional short text column, or nil when absent, missing or quoted with
    /// doubled quotes (those are rare and decoded separately).
    private func optionalBytes(_ record: CSVRecord, _ column: Int?) -> UnsafeBufferPointer<UInt8>? {
        guard let column, column < record.count, !record.fields[column].hasEscapedQuotes else { return nil }
        let bytes = record.trimmed(column)
        return cells.isMissing(bytes) ? nil : bytes
    }

    /// A descriptive text column (school name, municipality), nil when absent or missing; repeated values share
    /// one string.
    private static func text(_ record: CSVRecord, _ column: Int?, _ interner: inout ByteStringInterner,
                             _ cells: CellParser, _ decoder: FieldDecoder) -> String? {
        guard let column, column < record.count else { return nil }
        let bytes = record.trimmed(column)
        if cells.isMissing(bytes) { return nil }
        if record.fields[column].hasEscapedQuotes { return decoder.text(record, column) }
        return interner.intern(bytes) { decoder.string($0).trimmingWhitespaceAndNBSP() }
    }

    /// A participant code made only of digits (at most 18), as a number.
    static func participantNumber(_ bytes: UnsafeBufferPointer<UInt8>) -> Int64? {
        guard !bytes.isEmpty, bytes.count <= 18, bytes[0] != 0x30 || bytes.count == 1 else { return nil }
        var value: Int64 = 0
        for byte in bytes {
            let d = byte &- 0x30
            if d > 9 { return nil }
            value = value * 10 + Int64(d)
        }
        return value
    }

    /// The leading decimal digits of a field: «5Б» → 5, «10-А» → 10.
    static func leadingInteger(_ bytes: UnsafeBufferPointer<UInt8>) -> Int? {
        var value = 0
        var digits = 0
        for byte in bytes {
            let d = byte &- 0x30
            if d > 9 { break }
            value = value * 10 + Int(d)
            digits += 1
            if digits > 4 { return nil }
        }
        return digits == 0 ? nil : value
    }
}
