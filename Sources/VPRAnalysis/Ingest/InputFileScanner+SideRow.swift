extension InputFileScanner.Header {
    /// A side-table row (schools, scales, tasks) ready to read; nil, with its rejection recorded, when its
    /// field count is wrong.
    func sideRow(_ record: CSVRecord, file: String, rejected: inout [RejectedRow]) -> TableRowReader? {
        let row = TableRowReader(file: file, record: record, mapping: mapping,
                                 decoder: FieldDecoder(encoding: dialect.encoding))
        if let problem = RowShape.problem(record, headerCount: mapping.headers.count) {
            rejected.append(row.rejection(problem.reason, column: problem.column))
            return nil
        }
        return row
    }

    /// The work a side-table row names; nil, with its rejection recorded, when it names none.
    func work(of row: TableRowReader, rejected: inout [RejectedRow]) -> Work? {
        switch row.work() {
        case .success(let w): return w
        case .failure(let p):
            rejected.append(row.rejection(p.reason, at: p.role))
            return nil
        }
    }
}
