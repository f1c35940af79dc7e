/// Builds the ordered task list of each work from the rows of `tasks.csv`.
struct TasksTableReader {
    let file: String
    let header: InputFileScanner.Header
    var tasks: [Work: [TaskSpec]] = [:]
    var rejected: [RejectedRow] = []
    var diagnostics: [Diagnostic] = []
    var rowsRead = 0
    private var firstLine: [Work: [String: Int]] = [:]

    init(file: String, header: InputFileScanner.Header) {
        self.file = file
        self.header = header
    }

    mutating func consume(_ record: CSVRecord) {
        rowsRead += 1
        guard let row = header.sideRow(record, file: file, rejected: &rejected) else { return }
        guard let work = header.work(of: row, rejected: &rejected) else { return }
        guard let taskText = row.value(.task) else {
            rejected.append(row.rejection("не указан номер задания", at: .task))
            return
        }
        guard let id = TaskIdentifier.canonical(taskText) else {
            rejected.append(row.rejection("номер задания не распознан: «\(taskText)» (ожидается 1, 9.1, К1)", at: .task))
            return
        }
        let maxPoints: Int
        switch row.integer(.maxPoints) {
        case .success(let v): maxPoints = v!
        case .failure(let p):
            rejected.append(row.rejection(p.reason, at: p.role))
            return
        }
        guard maxPoints > 0 else {
            rejected.append(row.rejection("максимальный балл задания \(id) должен быть больше нуля, а дано \(maxPoints)", at: .maxPoints))
            return
        }
        var level: TaskLevel?
        if let levelText = row.value(.level) {
            level = TaskLevel(label: levelText)
            if level == nil {
                diagnostics.append(Diagnostic(.warning,
                    "уровень задания «\(levelText)» не распознан (ожидается Б, П или В); уровень не учитывается",
                    at: row.location(.level)))
            }
        }
        if let first = firstLine[work]?[id] {
            rejected.append(row.rejection("повторное задание \(id) работы «\(work.title)» \(work.year) года, первое — строка \(first)", at: .task))
            return
        }
        firstLine[work, default: [:]][id] = record.line
        tasks[work, default: []].append(TaskSpec(id: id, maxPoints: maxPoints, level: level))
    }
}
