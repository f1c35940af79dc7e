/// Turns the rows of `results.csv` into student results. Each row is first checked on its own by a
/// `ResultsRowParser` (the hot path: numbers parsed from bytes, repeated text interned, only the fields a result
/// keeps decoded); the reader then commits the parsed rows in file order, applying what needs the rows before:
/// duplicates, the works seen so far, the first warning of a kind. Parsing may run on several cores
/// (`ParallelRowParsing`); committing is one pass in order, so the outcome is the same either way.
struct ResultsTableReader {
    /// What the reader learned about one work while reading its rows.
    private struct WorkState {
        var work: Work
        var scale: MarkScale?
        var firstLine: Int
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
    /// Checks rows on their own; copies of it may parse rows elsewhere before `commit`.
    private(set) var parser: ResultsRowParser

    private(set) var results = ResultTable()
    private(set) var rejected: [RejectedRow] = []
    private(set) var findings: [QualityFinding] = []
    private(set) var diagnostics: [Diagnostic] = []
    private(set) var rowsRead = 0
    private(set) var rowsAbsent = 0
    /// School names and municipalities as `results.csv` gives them.
    private(set) var schoolDetails: [String: School] = [:]

    private let taskColumns: [HeaderMapping.TaskColumn]
    private let studentColumn: Int
    private let primaryColumn: Int?, markColumn: Int?, journalColumn: Int?
    /// Whether the file has a school name column and a municipality column.
    private let hasSchoolName: Bool, hasMunicipality: Bool

    private var workStates: [WorkState] = []
    private var workIndex: [Work: Int] = [:]
    private var lastWork: Work?
    private var lastWorkIndex = 0
    private var resultWork: [Int32] = []
    private var seen: [ParticipantKey: Int] = [:]
    private var lastSchoolWithDetails: String?
    /// Every school id of a row that got as far as the duplicate check, numbered in order of appearance.
    private var schoolNumbers: [String: Int32] = [:]
    private(set) var schoolIDsSeen: [String] = []
    private var lastSchool: (id: String, number: Int32)?
    /// When rows come from several files: the files so far, the current one, and per column of
    /// the merged layout the 1-based column of the current file (nil for values from its metadata).
    private var sourceFiles: [String] = []
    private var sourceIndex = 0
    private var columnNumbers: [Int?]?
    /// Whether the task catalog came from `tasks.csv` (its warnings name that file).
    var catalogFromTasksFile = true

    /// `expectedRows` (an estimate from the file size) sizes the tables once instead of growing them.
    init(file: String, header: InputFileScanner.Header, scales: [Work: MarkScale], catalog: [Work: [TaskSpec]]?,
         expectedRows: Int = 0) {
        self.file = file
        self.header = header
        self.scales = scales
        self.catalog = catalog
        parser = ResultsRowParser(header: header, scales: scales, catalog: catalog)
        let mapping = header.mapping
        taskColumns = mapping.taskColumns
        studentColumn = mapping[.studentID]!
        primaryColumn = mapping[.primaryScore]
        markColumn = mapping[.mark]
        journalColumn = mapping[.journalMark]
        hasSchoolName = mapping[.schoolName] != nil
        hasMunicipality = mapping[.municipality] != nil
        if expectedRows > 0 {
            results.reserveCapacity(rows: expectedRows, taskScores: expectedRows * taskColumns.count)
            resultWork.reserveCapacity(expectedRows)
            seen.reserveCapacity(expectedRows)
        }
    }

    // MARK: - Rows

    /// Parses and commits one row.
    mutating func consume(_ record: CSVRecord) {
        let row = parser.parse(record)
        commit(row, record)
    }

    /// Parses the record here, or hands it to `parallel` and commits, in file order, the rows it has parsed.
    mutating func consume(_ record: CSVRecord, parallel: ParallelRowParsing?) {
        guard let parallel else { return consume(record) }
        parallel.add(record) { commit($0, $1) }
    }

    /// Commits every row `parallel` still holds: before a row is counted here directly, and after the last record.
    mutating func commitPending(_ parallel: ParallelRowParsing?) {
        parallel?.finish { commit($0, $1) }
    }

    /// Counts a row rejected before validation (a row of a merged file whose shape is wrong).
    mutating func reject(line: Int, column: Int?, reason: String, fields: [String]) {
        rowsRead += 1
        rejected.append(RejectedRow(location: SourceLocation(file: file, line: line, column: column), reason: reason, fields: fields))
    }

    /// Applies a parsed row: the checks that need the rows before it, then the row is used or rejected.
    /// Rows must be committed in file order; `record` is the row's record (its fields go into a rejection).
    mutating func commit(_ row: ParsedResultRow, _ record: CSVRecord) {
        rowsRead += 1
        let line = row.line
        var stateIndex: Int?
        if let work = row.work {
            let index = state(for: work, line: line)
            stateIndex = index
            for k in row.ignoredTaskColumns where !workStates[index].ignoredColumnReported[k] {
                workStates[index].ignoredColumnReported[k] = true
                let column = taskColumns[k]
                diagnostics.append(Diagnostic(.warning,
                    "задание \(column.id) не описано в tasks.csv для работы «\(work.title)» \(work.year) года; его баллы не учитываются",
                    at: location(line, column.index)))
            }
        }
        switch row.outcome {
        case .absent(let column):
            rowsAbsent += 1
            rejected.append(RejectedRow(location: location(line, column), reason: "участник отсутствовал",
                                        fields: parser.decoder.allFields(record), isAbsence: true))
        case .malformed(let column, let reason):
            rejected.append(RejectedRow(location: SourceLocation(file: file, line: line, column: column),
                                        reason: reason, fields: parser.decoder.allFields(record)))
        case .invalid(let column, let reason):
            rejected.append(RejectedRow(location: location(line, column), reason: reason, fields: parser.decoder.allFields(record)))
        case .valid(let values):
            if let duplicate = use(values, work: row.work!, stateIndex: stateIndex!, line: line) {
                rejected.append(RejectedRow(location: location(line, studentColumn), reason: duplicate,
                                            fields: parser.decoder.allFields(record)))
            }
        }
    }

    /// Uses a valid row, or says why it is a duplicate.
    private mutating func use(_ v: ValidResultRow, work: Work, stateIndex: Int, line: Int) -> String? {
        // Duplicates: the same participant on the same work in the same school.
        let schoolNumber: Int32
        if let lastSchool, lastSchool.id == v.schoolID {
            schoolNumber = lastSchool.number
        } else if let known = schoolNumbers[v.schoolID] {
            schoolNumber = known
        } else {
            schoolNumber = Int32(schoolIDsSeen.count)
            schoolNumbers[v.schoolID] = schoolNumber
            schoolIDsSeen.append(v.schoolID)
        }
        lastSchool = (v.schoolID, schoolNumber)
        var key = ParticipantKey(work: Int32(stateIndex), school: schoolNumber, number: -1, text: "")
        if let number = v.participantNumber { key.number = number } else { key.text = v.studentID }
        if let first = seen[key] {
            let firstSource = first >> 40, firstLine = first & ((1 << 40) - 1)
            if firstSource != sourceIndex, firstSource < sourceFiles.count {
                return "повторная строка участника: он уже есть в файле \(sourceFiles[firstSource]), строка \(firstLine); учтён один раз"
            }
            return "повторная строка участника, первая — строка \(firstLine)"
        }
        seen[key] = sourceIndex << 40 | line

        // The row is used.
        results.append(StudentResult(work: work, schoolID: v.schoolID, classLabel: v.classLabel, studentID: v.studentID,
                                     variant: v.variant, primaryScore: v.primaryScore, mark: v.mark,
                                     journalMark: v.journalMark, gender: v.gender, taskScores: v.taskScores,
                                     source: SourceLocation(file: file, line: line)))
        resultWork.append(Int32(stateIndex))
        if !v.workHasScale { observe(primary: v.primaryScore, mark: v.markGiven ? v.mark : nil, stateIndex: stateIndex) }
        for (k, score) in v.taskScores.enumerated() {
            guard let score else { continue }
            workStates[stateIndex].nonBlank[k] = true
            if score > workStates[stateIndex].observedMax[k] { workStates[stateIndex].observedMax[k] = score }
        }

        // Findings on the used row.
        func finding(_ kind: QualityFinding.Kind, _ column: Int, _ message: String) {
            findings.append(QualityFinding(kind: kind, location: location(line, column), schoolID: v.schoolID,
                                           work: work, studentID: v.studentID, message: message))
        }
        for over in v.overMaximum {
            finding(.taskAboveMaximum, over.column,
                    "балл за задание \(over.taskID) (\(over.score)) больше максимального (\(over.maxPoints))")
        }
        if let sum = v.mismatchedTaskSum {
            finding(.primaryScoreMismatch, primaryColumn!,
                    "первичный балл \(v.primaryScore) не равен сумме баллов за задания (\(sum)); оставлен указанный балл")
        }
        if let expected = v.scaleMark {
            finding(.markContradictsScale, markColumn!,
                    "отметка \(v.mark) не соответствует шкале: первичный балл \(v.primaryScore) даёт отметку \(expected); оставлена указанная отметка")
        }
        if let journalProblem = v.journalProblem, let journalColumn {
            finding(.invalidJournalMark, journalColumn,
                    "отметка по журналу «\(journalProblem)» не из диапазона 2–5; считается неизвестной")
        }
        rememberSchoolDetails(v)
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
        if inferredScales.contains(where: { $0 != nil }) {
            for i in results.indices where results.mark(at: i) == 0 {
                if let scale = inferredScales[Int(resultWork[i])] {
                    results[i].mark = scale.mark(for: results.primaryScore(at: i))
                }
            }
        }
        let layouts = columnsOfWork.map { $0 == identity ? nil : $0 }
        if layouts.contains(where: { $0 != nil }) {
            results.remapTaskScores { [resultWork] i in layouts[Int(resultWork[i])] }
        }
        return specs
    }

    /// Fills the school's name and municipality from the first rows that give them.
    private mutating func rememberSchoolDetails(_ v: ValidResultRow) {
        guard hasSchoolName || hasMunicipality else { return }
        if lastSchoolWithDetails == v.schoolID { return }
        var school = schoolDetails[v.schoolID] ?? School(id: v.schoolID)
        if school.name.isEmpty, let name = v.schoolName { school.name = name }
        if school.municipality.isEmpty, let municipality = v.municipality { school.municipality = municipality }
        schoolDetails[v.schoolID] = school
        if (!hasSchoolName || !school.name.isEmpty) && (!hasMunicipality || !school.municipality.isEmpty) {
            lastSchoolWithDetails = v.schoolID
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
            workStates.append(WorkState(work: work, scale: scales[work], firstLine: line,
                                        nonBlank: [Bool](repeating: false, count: count),
                                        observedMax: [Int](repeating: 0, count: count),
                                        ignoredColumnReported: [Bool](repeating: false, count: count)))
        }
        lastWork = work
        lastWorkIndex = index
        return index
    }

    private func location(_ line: Int, _ column: Int) -> SourceLocation {
        guard let columnNumbers else { return SourceLocation(file: file, line: line, column: column + 1) }
        return SourceLocation(file: file, line: line, column: column < columnNumbers.count ? columnNumbers[column] : nil)
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
}
