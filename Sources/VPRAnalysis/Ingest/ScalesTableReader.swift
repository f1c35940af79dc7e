/// Builds the conversion scale of each work from the rows of `scales.csv`.
struct ScalesTableReader {
    let file: String
    let header: InputFileScanner.Header
    var scales: [Work: MarkScale] = [:]
    var rejected: [RejectedRow] = []
    var rowsRead = 0
    private var firstLine: [Work: Int] = [:]

    init(file: String, header: InputFileScanner.Header) {
        self.file = file
        self.header = header
    }

    mutating func consume(_ record: CSVRecord) {
        rowsRead += 1
        guard let row = header.sideRow(record, file: file, rejected: &rejected) else { return }
        guard let work = header.work(of: row, rejected: &rejected) else { return }
        var values: [Int] = []
        for role in [ColumnRole.maxScore, .minMark3, .minMark4, .minMark5] {
            switch row.integer(role) {
            case .success(let v):
                guard v! >= 0 else {
                    rejected.append(row.rejection("\(role.russianName) отрицателен: \(v!)", at: role))
                    return
                }
                values.append(v!)
            case .failure(let p):
                rejected.append(row.rejection(p.reason, at: p.role))
                return
            }
        }
        guard values[0] <= MarkScale.largestMaxScore else {
            rejected.append(row.rejection(
                "максимальный первичный балл \(values[0]) больше \(MarkScale.largestMaxScore): такой шкалы у ВПР нет",
                at: .maxScore))
            return
        }
        let scale = MarkScale(maxScore: values[0], minMark3: values[1], minMark4: values[2], minMark5: values[3])
        guard scale.isConsistent else {
            rejected.append(row.rejection(
                "шкала противоречива: нужно 0 < «3» < «4» < «5» ≤ максимум, а дано \(scale.minMark3), \(scale.minMark4), \(scale.minMark5), максимум \(scale.maxScore)",
                at: .minMark3))
            return
        }
        if let first = firstLine[work] {
            rejected.append(row.rejection("повторная шкала работы «\(work.title)» \(work.year) года, первая — строка \(first)", at: .subject))
            return
        }
        firstLine[work] = record.line
        scales[work] = scale
    }
}
