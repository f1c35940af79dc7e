/// Validates the rows of `results.csv` straight from their bytes and turns them into student
/// results. This is the hot path: numbers are parsed from bytes, repeated text is interned, and
/// only the fields a result keeps are decoded.
struct ResultsTableReader {
    /// What the reader learned about one work while reading its rows.
    private struct WorkState {
        var work: Work
        var scale: MarkScale?
        var firstLine: Int
        /// Per task column: counts towards the work (from `tasks.csv`, or every column without it).
        var included: [Bool]
        /// Per task column: the task's maximum points, when known before reading.
        var maxPoints: [Int?]
        /// Per task column: non-blank in at least one used row.
        var nonBlank: [Bool]
        var observedMax: [Int]
        var ignoredColumnReported: [Bool]
        /// Without a scale: per primary score, the marks given with it (bit m for mark m).
        var marksAtScore: [UInt8] = []
        /// Without a scale: rows that gave a mark, and the highest primary score of any used row.
        var rowsWithMark = 0
        var highestPrimary = 0
    }

    /// Work, school and participant code; numeric codes are kept as numbers, which hash faster.
    private struct ParticipantKey: Hashable {
        var work: Int32
        var school: Int32
        var number: Int64
        var text: String

        func hash(into hasher: inout Hasher) {
            hasher.combine(Int64(work) << 32 | Int64(school))
            hasher.combine(number)
            if number < 0 { hasher.combine(text) }
        }
    }

    /// The file whose rows are being read (changes between sources when several files are merged).
    private(set) var file: String
    let header: InputFileScanner.Header
    let scales: [Work: MarkScale]
    /// Tasks by work from `tasks.csv`; nil when there is no such file.
    let catalog: [Work: [TaskSpec]]?

    private(set) var results: [StudentResult] = []
    private(set) var rejected: [RejectedRow] = []
    private(set) var findings: [QualityFinding] = []
    private(set) var diagnostics: [Diagnostic] = []
    private(set) var rowsRead = 0
    private(set) var rowsAbsent = 0
    /// School names and municipalities as `results.csv` gives them.
    private(set) var schoolDetails: [String: School] = [:]

    private let cells: CellParser
    private let decoder: FieldDecoder
    private let headerCount: Int
    private let taskColumns: [HeaderMapping.TaskColumn]
    private let yearColumn: Int, schoolColumn: Int, classColumn: Int, subjectColumn: Int, studentColumn: Int
    private let gradeColumn: Int?, primaryColumn: Int?, markColumn: Int?, journalColumn: Int?
    private let variantColumn: Int?, genderColumn: Int?, schoolNameColumn: Int?, municipalityColumn: Int?
    /// Columns where «отсутствовал» marks the row as an absent participant: the variant, the
    /// primary score, the mark and the task columns, left to right. Elsewhere (names, class,
    /// journal mark) the word is just text.
    private let absenceColumns: [Int]

    private var workStates: [WorkState] = []
    private var workIndex: [Work: Int] = [:]
    private var lastWork: Work?
    private var lastWorkIndex = 0
    private var resultWork: [Int32] = []
    private var seen: [ParticipantKey: Int] = [:]
    private var lastSchoolWithDetails: String?
    /// When rows come from several files: the files so far, the current one, and per column of
    /// the merged layout the 1-based column of the current file (nil for values from its metadata).
    private var sourceFiles: [String] = []
    private var sourceIndex = 0
    private var columnNumbers: [Int?]?
    /// Whether the task catalog came from `tasks.csv` (its warnings name that file).
    var catalogFromTasksFile = true

    private var schoolIDs = ByteStringInterner()
    private var classLabels = ByteStringInterner()
    private var subjects = ByteStringInterner()
    private var variants = ByteStringInterner()
    private var genders = ByteStringInterner()

    /// `expectedRows` (an estimate from the file size) sizes the tables once instead of growing them.
    init(file: String, header: InputFileScanner.Header, scales: [Work: MarkScale], catalog: [Work: [TaskSpec]]?,
         expectedRows: Int = 0) {
        self.file = file
        self.header = header
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
        if expectedRows > 0 {
            results.reserveCapacity(expectedRows)
            resultWork.reserveCapacity(expectedRows)
            seen.reserveCapacity(expectedRows)
        }
    }

    // MARK: - Rows

    mutating func consume(_ record: CSVRecord) {
        rowsRead += 1
        for index in absenceColumns where index < record.count && cells.isAbsence(record.trimmed(index)) {
            rowsAbsent += 1
            rejected.append(RejectedRow(location: location(record, index), reason: "участник отсутствовал",
                                        fields: decoder.allFields(record), isAbsence: true))
            return
        }
        if let problem = RowShape.problem(record, headerCount: headerCount)
            ?? RowBytes.problem(record, utf8: decoder.encoding != .windows1251) {
            rejected.append(RejectedRow(location: SourceLocation(file: file, line: record.line, column: problem.column),
                                        reason: problem.reason, fields: decoder.allFields(record)))
            return
        }
        if let problem = validate(record) {
            rejected.append(RejectedRow(location: location(record, problem.column), reason: problem.reason,
                                        fields: decoder.allFields(record)))
        }
    }

    /// Counts a row rejected before validation (a row of a merged file whose shape is wrong).
    mutating func reject(line: Int, column: Int?, reason: String, fields: [String]) {
        rowsRead += 1
        rejected.append(RejectedRow(location: SourceLocation(file: file, line: line, column: column), reason: reason, fields: fields))
    }

    private struct Rejection {
        var reason: String
        var column: Int
        init(_ reason: String, _ column: Int) {
            self.reason = reason
            self.column = column
        }
    }

    /// Builds the result of a well-shaped row, or says why the row is rejected.
    private mutating func validate(_ record: CSVRecord) -> Rejection? {
        let decoder = self.decoder
        let cells = self.cells

        // Year.
        let yearBytes = record.trimmed(yearColumn)
        let year: Int
        switch cells.value(yearBytes) {
        case .integer(let v) where (1990...2100).contains(v): year = v
        case .missing: return Rejection("не указан год", yearColumn)
        case .integer: return Rejection("год вне допустимого диапазона: «\(decoder.shown(yearBytes))»", yearColumn)
        case .fractional, .invalid: return Rejection("год не число: «\(decoder.shown(yearBytes))»", yearColumn)
        }

        // Identifiers and labels.
        guard !cells.isMissing(record.trimmed(schoolColumn)) else { return Rejection("нет кода ОО", schoolColumn) }
        guard !cells.isMissing(record.trimmed(classColumn)) else { return Rejection("нет класса", classColumn) }
        guard !cells.isMissing(record.trimmed(subjectColumn)) else { return Rejection("нет предмета", subjectColumn) }
        let studentBytes = record.trimmed(studentColumn)
        guard !cells.isMissing(studentBytes) else { return Rejection("нет кода участника", studentColumn) }

        // Grade: its own column, or the leading number of the class label.
        var grade: Int?
        var gradeSourceColumn = classColumn
        if let gradeColumn, !cells.isMissing(record.trimmed(gradeColumn)) {
            gradeSourceColumn = gradeColumn
            grade = Self.leadingInteger(record.trimmed(gradeColumn))
            guard let g = grade, (1...11).contains(g) else {
                return Rejection("параллель не число от 1 до 11: «\(decoder.shown(record.trimmed(gradeColumn)))»", gradeColumn)
            }
        } else {
            grade = Self.leadingInteger(record.trimmed(classColumn))
        }
        guard let grade, (1...11).contains(grade) else {
            return Rejection("не удалось определить параллель по классу «\(decoder.shown(record.trimmed(classColumn)))»: ожидается номер в начале, например «5Б»",
                             gradeSourceColumn)
        }

        let subject = record.fields[subjectColumn].hasEscapedQuotes
            ? HeaderText.subjectName(decoder.text(record, subjectColumn))
            : subjects.intern(record.trimmed(subjectColumn)) { HeaderText.subjectName(decoder.string($0)) }
        let work = Work(year: year, subject: subject, grade: grade)
        let stateIndex = state(for: work, line: record.line)
        let scale = workStates[stateIndex].scale

        // Task scores.
        var scores = [Int?](repeating: nil, count: taskColumns.count)
        var sum = 0
        var anyScore = false
        var overMaximum: [(column: Int, id: String, score: Int, max: Int)] = []
        for k in 0..<taskColumns.count {
            let column = taskColumns[k]
            guard column.index < record.count else { continue }
            let bytes = record.trimmed(column.index)
            if !workStates[stateIndex].included[k] {
                if !workStates[stateIndex].ignoredColumnReported[k] && !cells.isMissing(bytes) {
                    workStates[stateIndex].ignoredColumnReported[k] = true
                    diagnostics.append(Diagnostic(.warning,
                        "задание \(column.id) не описано в tasks.csv для работы «\(work.title)» \(work.year) года; его баллы не учитываются",
                        at: location(record, column.index)))
                }
                continue
            }
            switch cells.value(bytes) {
            case .missing:
                continue
            case .integer(let v):
                guard v >= 0 else {
                    return Rejection("отрицательный балл за задание \(column.id): «\(decoder.shown(bytes))»", column.index)
                }
                guard v <= TaskScores.maximumScore else {
                    return Rejection("балл за задание \(column.id) слишком велик для балла: «\(decoder.shown(bytes))»", column.index)
                }
                scores[k] = v
                sum += v
                anyScore = true
                if let max = workStates[stateIndex].maxPoints[k], v > max {
                    overMaximum.append((column.index, column.id, v, max))
                }
            case .fractional:
                return Rejection("балл за задание \(column.id) не целое число: «\(decoder.shown(bytes))»", column.index)
            case .invalid:
                return Rejection("балл за задание \(column.id) не число: «\(decoder.shown(bytes))»", column.index)
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
                guard v >= 0 else { return Rejection("отрицательный первичный балл: «\(decoder.shown(bytes))»", primaryColumn) }
                primary = v
                primaryGiven = true
            case .fractional:
                return Rejection("первичный балл не целое число: «\(decoder.shown(bytes))»", primaryColumn)
            case .invalid:
                return Rejection("первичный балл не число: «\(decoder.shown(bytes))»", primaryColumn)
            }
        }
        let firstTaskColumn = taskColumns.first?.index ?? primaryColumn ?? studentColumn
        if !primaryGiven && !anyScore {
            return Rejection("нет ни первичного балла, ни баллов за задания", primaryColumn ?? firstTaskColumn)
        }
        if let scale, primary > scale.maxScore {
            if primaryGiven {
                return Rejection("первичный балл \(primary) больше максимального (\(scale.maxScore)) для работы «\(work.title)» \(work.year) года",
                                 primaryColumn!)
            }
            return Rejection("сумма баллов за задания \(primary) больше максимального первичного балла (\(scale.maxScore)) для работы «\(work.title)» \(work.year) года",
                             firstTaskColumn)
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
                return Rejection("отметка вне диапазона 2–5: «\(decoder.shown(bytes))»", markColumn)
            case .invalid:
                return Rejection("отметка не число: «\(decoder.shown(bytes))»", markColumn)
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

        // Duplicates: the same participant on the same work in the same school.
        let schoolIndex = record.fields[schoolColumn].hasEscapedQuotes
            ? record.unescaped(schoolColumn).withUnsafeBufferPointer { bytes in
                schoolIDs.index(bytes) { decoder.string($0).trimmingWhitespaceAndNBSP() }
            }
            : schoolIDs.index(record.trimmed(schoolColumn)) { decoder.string($0).trimmingWhitespaceAndNBSP() }
        let schoolID = schoolIDs.values[schoolIndex]
        let studentID = record.fields[studentColumn].hasEscapedQuotes
            ? decoder.text(record, studentColumn)
            : decoder.string(studentBytes).trimmingWhitespaceAndNBSP()
        var key = ParticipantKey(work: Int32(stateIndex), school: Int32(schoolIndex), number: -1, text: "")
        if let number = Self.participantNumber(studentBytes), !record.fields[studentColumn].hasEscapedQuotes {
            key.number = number
        } else {
            key.text = studentID
        }
        if let first = seen[key] {
            let firstSource = first >> 40, firstLine = first & ((1 << 40) - 1)
            if firstSource != sourceIndex, firstSource < sourceFiles.count {
                return Rejection("повторная строка участника: он уже есть в файле \(sourceFiles[firstSource]), строка \(firstLine); учтён один раз",
                                 studentColumn)
            }
            return Rejection("повторная строка участника, первая — строка \(firstLine)", studentColumn)
        }
        seen[key] = sourceIndex << 40 | record.line

        // The row is used.
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
        let source = SourceLocation(file: file, line: record.line)
        results.append(StudentResult(work: work, schoolID: schoolID, classLabel: classLabel, studentID: studentID,
                                     variant: variant, primaryScore: primary, mark: mark, journalMark: journal,
                                     gender: gender, taskScores: TaskScores(scores), source: source))
        resultWork.append(Int32(stateIndex))
        if scale == nil { observe(primary: primary, mark: markGiven ? mark : nil, stateIndex: stateIndex) }
        for k in 0..<scores.count {
            if let score = scores[k] {
                workStates[stateIndex].nonBlank[k] = true
                if score > workStates[stateIndex].observedMax[k] { workStates[stateIndex].observedMax[k] = score }
            }
        }

        // Findings on the used row.
        func finding(_ kind: QualityFinding.Kind, _ column: Int, _ message: String) {
            findings.append(QualityFinding(kind: kind, location: location(record, column), schoolID: schoolID,
                                           work: work, studentID: studentID, message: message))
        }
        for over in overMaximum {
            finding(.taskAboveMaximum, over.column,
                    "балл за задание \(over.id) (\(over.score)) больше максимального (\(over.max))")
        }
        if primaryGiven && anyScore && sum != primary {
            finding(.primaryScoreMismatch, primaryColumn!,
                    "первичный балл \(primary) не равен сумме баллов за задания (\(sum)); оставлен указанный балл")
        }
        if markGiven, let scale, scale.mark(for: primary) != mark {
            finding(.markContradictsScale, markColumn!,
                    "отметка \(mark) не соответствует шкале: первичный балл \(primary) даёт отметку \(scale.mark(for: primary)); оставлена указанная отметка")
        }
        if let journalProblem, let journalColumn {
            finding(.invalidJournalMark, journalColumn,
                    "отметка по журналу «\(journalProblem)» не из диапазона 2–5; считается неизвестной")
        }
        rememberSchoolDetails(record, schoolID: schoolID)
        return nil
    }

    /// Remembers a (primary score, mark) pair of a work without a scale, to infer the scale later.
    private mutating func observe(primary: Int, mark: Int?, stateIndex: Int) {
        if primary > workStates[stateIndex].highestPrimary { workStates[stateIndex].highestPrimary = primary }
        guard let mark, primary <= 10_000 else { return }
        workStates[stateIndex].rowsWithMark += 1
        if workStates[stateIndex].marksAtScore.count <= primary {
            workStates[stateIndex].marksAtScore += [UInt8](repeating: 0, count: primary + 1 - workStates[stateIndex].marksAtScore.count)
        }
        workStates[stateIndex].marksAtScore[primary] |= 1 << UInt8(mark)
    }

    /// Why a scale cannot be inferred from the marks in the results.
    private enum InferenceFailure: Error {
        case noMarks
        case twoMarksAtOneScore(score: Int, marks: [Int])
        case notMonotone(lower: Int, lowerMark: Int, higher: Int, higherMark: Int)
        case boundaryNeverObserved(mark: Int)
        case passAtZero

        var russian: String {
            switch self {
            case .noMarks:
                return "в файле нет отметок за эту работу, поэтому восстановить шкалу по данным нельзя"
            case .twoMarksAtOneScore(let score, let marks):
                return "отметки противоречат друг другу: за первичный балл \(score) поставлены разные отметки (\(marks.map { "«\($0)»" }.joined(separator: ", "))), поэтому восстановить шкалу по данным нельзя"
            case .notMonotone(let lower, let lowerMark, let higher, let higherMark):
                return "отметки противоречат друг другу: за первичный балл \(lower) поставлена «\(lowerMark)», а за больший балл \(higher) — «\(higherMark)», поэтому восстановить шкалу по данным нельзя"
            case .boundaryNeverObserved(let mark):
                return "никто не получил отметку «\(mark)», поэтому нижняя граница «\(mark)» неизвестна и восстановить шкалу по данным нельзя"
            case .passAtZero:
                return "отметка «3» и выше поставлена за 0 баллов, поэтому восстановить шкалу по данным нельзя"
            }
        }
    }

    /// The scale implied by the (primary score, mark) pairs of a work: the lowest score observed
    /// with each mark, provided every score has one mark and marks never fall as scores rise.
    /// `maxScore` is the tasks' total when known, else the highest primary score observed.
    private static func inferScale(marksAtScore: [UInt8], highestPrimary: Int,
                                   taskTotal: Int?) -> Result<MarkScale, InferenceFailure> {
        var lowest = [Int?](repeating: nil, count: 6)
        var previous: (score: Int, mark: Int)?
        for (score, bits) in marksAtScore.enumerated() where bits != 0 {
            let marks = (2...5).filter { bits & (1 << UInt8($0)) != 0 }
            guard marks.count == 1 else { return .failure(.twoMarksAtOneScore(score: score, marks: marks)) }
            let mark = marks[0]
            if let previous, previous.mark > mark {
                return .failure(.notMonotone(lower: previous.score, lowerMark: previous.mark, higher: score, higherMark: mark))
            }
            if lowest[mark] == nil { lowest[mark] = score }
            previous = (score, mark)
        }
        guard previous != nil else { return .failure(.noMarks) }
        for mark in 3...5 where lowest[mark] == nil {
            return .failure(.boundaryNeverObserved(mark: mark))
        }
        let maxScore = max(taskTotal ?? 0, highestPrimary)
        let scale = MarkScale(maxScore: maxScore, minMark3: lowest[3]!, minMark4: lowest[4]!, minMark5: lowest[5]!)
        // Monotone marks with each of 3, 4, 5 observed give 0 ≤ «3» < «4» < «5» ≤ max; a «3» at 0 points is no scale.
        guard scale.isConsistent else {
            return .failure(.passAtZero)
        }
        return .success(scale)
    }

    // MARK: - Works

    /// The works read, with their scales and tasks. Task scores of the results are realigned to
    /// each work's task list. A work missing from `scales.csv` gets a scale inferred from the marks
    /// in the results when they allow it (with a warning); otherwise it produces an error in
    /// `diagnostics`.
    mutating func finish() -> [Work: WorkSpec] {
        var specs: [Work: WorkSpec] = [:]
        var columnsOfWork: [[Int?]] = []
        var inferredScales: [MarkScale?] = []
        for state in workStates {
            let work = state.work
            let titled = "«\(work.title)» \(work.year) года"
            // Tasks first: their maxima may give the maximum of an inferred scale. Their messages
            // wait until the work is known to be usable.
            var taskDiagnostics: [Diagnostic] = []
            var tasks: [TaskSpec] = []
            var columns: [Int?] = []
            if let catalogTasks = catalog?[work] {
                tasks = catalogTasks
                var missing: [String] = []
                for task in catalogTasks {
                    let k = taskColumns.firstIndex { $0.id == task.id }
                    if k == nil { missing.append(task.id) }
                    columns.append(k)
                }
                // One message per work, however many task columns are missing.
                if missing.count == 1 {
                    taskDiagnostics.append(Diagnostic(.warning,
                        "в \(file) нет столбца задания \(missing[0]) работы \(titled); его баллы считаются неизвестными",
                        at: SourceLocation(file: file, line: header.line)))
                } else if !missing.isEmpty {
                    taskDiagnostics.append(Diagnostic(.warning,
                        "в \(file) нет столбцов заданий \(missing.joined(separator: ", ")) работы \(titled); "
                            + "их баллы считаются неизвестными",
                        at: SourceLocation(file: file, line: header.line)))
                }
            } else {
                if catalog != nil && catalogFromTasksFile && !taskColumns.isEmpty {
                    taskDiagnostics.append(Diagnostic(.warning,
                        "в tasks.csv нет заданий работы \(titled); задания взяты из заголовков \(file)",
                        at: SourceLocation(file: file, line: header.line)))
                }
                for k in 0..<taskColumns.count where state.nonBlank[k] {
                    let column = taskColumns[k]
                    var maxPoints = column.maxPoints ?? 0
                    if column.maxPoints == nil {
                        maxPoints = max(state.observedMax[k], 1)
                        taskDiagnostics.append(Diagnostic(.note,
                            "максимальный балл задания \(column.id) работы \(titled) неизвестен (нет tasks.csv и пометки вида «(2б)» в заголовке); принят наибольший набранный балл: \(maxPoints)",
                            at: SourceLocation(file: file, line: header.line, column: column.index + 1)))
                    }
                    tasks.append(TaskSpec(id: column.id, maxPoints: maxPoints))
                    columns.append(k)
                }
            }
            let knownMaxima = catalog?[work] != nil || columns.allSatisfy { $0.map { taskColumns[$0].maxPoints != nil } ?? false }
            let total = tasks.reduce(0) { $0 + $1.maxPoints }
            let taskTotal = knownMaxima && !tasks.isEmpty ? total : nil

            var scale: MarkScale
            var inferred: MarkScale?
            if let given = state.scale {
                scale = given
            } else {
                let firstRow = SourceLocation(file: file, line: state.firstLine)
                switch Self.inferScale(marksAtScore: state.marksAtScore, highestPrimary: state.highestPrimary,
                                       taskTotal: taskTotal) {
                case .failure(let failure):
                    diagnostics.append(Diagnostic(.error,
                        "для работы \(titled) из \(file) (первая строка \(state.firstLine)) нет шкалы перевода баллов в отметки в scales.csv, а \(failure.russian): добавьте строку этой работы в scales.csv (year;subject;grade;max_score;min_mark3;min_mark4;min_mark5)",
                        at: firstRow))
                    columnsOfWork.append([])
                    inferredScales.append(nil)
                    continue
                case .success(let s):
                    scale = s
                    inferred = s
                    diagnostics.append(Diagnostic(.warning,
                        "Шкала перевода для работы «\(work.title)» (\(work.year)) не задана в scales.csv и восстановлена по данным: «3» с \(s.minMark3), «4» с \(s.minMark4), «5» с \(s.minMark5) баллов (max \(s.maxScore))",
                        at: firstRow))
                    if taskTotal == nil {
                        diagnostics.append(Diagnostic(.note,
                            "максимальный первичный балл работы \(titled) неизвестен (нет tasks.csv и пометок вида «(2б)» в заголовках заданий); принят наибольший набранный: \(s.maxScore)",
                            at: firstRow))
                    }
                }
            }
            diagnostics += taskDiagnostics
            if knownMaxima && !tasks.isEmpty && total != scale.maxScore {
                diagnostics.append(Diagnostic(.warning,
                    "сумма максимальных баллов заданий (\(total)) не равна максимальному первичному баллу шкалы (\(scale.maxScore)) для работы \(titled)",
                    at: SourceLocation(file: file, line: header.line)))
            }
            specs[work] = WorkSpec(work: work, scale: scale, tasks: tasks)
            columnsOfWork.append(columns)
            inferredScales.append(inferred)
        }
        // Marks of rows that gave none, from inferred scales; then realign task scores: from one
        // slot per task column to one slot per task of the work.
        let identity = Array(0..<taskColumns.count).map { Optional($0) }
        let anyInferred = inferredScales.contains { $0 != nil }
        for i in results.indices {
            let w = Int(resultWork[i])
            if anyInferred, results[i].mark == 0, let scale = inferredScales[w] {
                results[i].mark = scale.mark(for: results[i].primaryScore)
            }
            let columns = columnsOfWork[w]
            if columns == identity { continue }
            let all = results[i].taskScores
            results[i].taskScores = TaskScores(columns.map { k in k.flatMap { all[$0] } })
        }
        return specs
    }

    /// The bytes of an optional short text column, or nil when absent, missing or quoted with
    /// doubled quotes (those are rare and decoded separately).
    private func optionalBytes(_ record: CSVRecord, _ column: Int?) -> UnsafeBufferPointer<UInt8>? {
        guard let column, column < record.count, !record.fields[column].hasEscapedQuotes else { return nil }
        let bytes = record.trimmed(column)
        return cells.isMissing(bytes) ? nil : bytes
    }

    /// Every school id seen in a used or rejected row that got that far.
    var schoolIDsSeen: [String] { schoolIDs.values }

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

    private mutating func rememberSchoolDetails(_ record: CSVRecord, schoolID: String) {
        guard schoolNameColumn != nil || municipalityColumn != nil else { return }
        if lastSchoolWithDetails == schoolID { return }
        var school = schoolDetails[schoolID] ?? School(id: schoolID)
        if school.name.isEmpty, let column = schoolNameColumn, !cells.isMissing(record.trimmed(column)) {
            school.name = decoder.text(record, column)
        }
        if school.municipality.isEmpty, let column = municipalityColumn, !cells.isMissing(record.trimmed(column)) {
            school.municipality = decoder.text(record, column)
        }
        schoolDetails[schoolID] = school
        if (schoolNameColumn == nil || !school.name.isEmpty) && (municipalityColumn == nil || !school.municipality.isEmpty) {
            lastSchoolWithDetails = schoolID
        }
    }

    private mutating func state(for work: Work, line: Int) -> Int {
        if let lastWork, lastWork == work { return lastWorkIndex }
        let index: Int
        if let existing = workIndex[work] {
            index = existing
        } else {
            index = workStates.count
            workIndex[work] = index
            let count = taskColumns.count
            var included = [Bool](repeating: true, count: count)
            var maxPoints = taskColumns.map(\.maxPoints)
            if let catalog, let tasks = catalog[work] {
                let byID = Dictionary(tasks.map { ($0.id, $0.maxPoints) }, uniquingKeysWith: { first, _ in first })
                for k in 0..<count {
                    included[k] = byID[taskColumns[k].id] != nil
                    maxPoints[k] = byID[taskColumns[k].id]
                }
            }
            workStates.append(WorkState(work: work, scale: scales[work], firstLine: line, included: included,
                                        maxPoints: maxPoints, nonBlank: [Bool](repeating: false, count: count),
                                        observedMax: [Int](repeating: 0, count: count),
                                        ignoredColumnReported: [Bool](repeating: false, count: count)))
        }
        lastWork = work
        lastWorkIndex = index
        return index
    }

    private func location(_ record: CSVRecord, _ column: Int) -> SourceLocation {
        guard let columnNumbers else { return SourceLocation(file: file, line: record.line, column: column + 1) }
        return SourceLocation(file: file, line: record.line, column: column < columnNumbers.count ? columnNumbers[column] : nil)
    }

    /// Starts the rows of another file of a merged reading: later rows are located in `file`,
    /// and column `i` of the merged layout is column `columnNumbers[i]` of that file.
    mutating func beginSource(file: String, columnNumbers: [Int?]) {
        self.file = file
        self.columnNumbers = columnNumbers
        sourceIndex = sourceFiles.count
        sourceFiles.append(file)
        lastSchoolWithDetails = nil
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
