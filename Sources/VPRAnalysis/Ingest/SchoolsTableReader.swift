/// Builds school records from the rows of `schools.csv`.
struct SchoolsTableReader {
    let file: String
    let header: InputFileScanner.Header
    var schools: [String: School] = [:]
    var rejected: [RejectedRow] = []
    var rowsRead = 0
    private var firstLine: [String: Int] = [:]

    init(file: String, header: InputFileScanner.Header) {
        self.file = file
        self.header = header
    }

    mutating func consume(_ record: CSVRecord) {
        rowsRead += 1
        guard let row = header.sideRow(record, file: file, rejected: &rejected) else { return }
        guard let id = row.value(.schoolID) else {
            rejected.append(row.rejection("нет кода ОО", at: .schoolID))
            return
        }
        if let first = firstLine[id] {
            rejected.append(row.rejection("повторная строка ОО «\(id)», первая — строка \(first)", at: .schoolID))
            return
        }
        firstLine[id] = record.line
        schools[id] = School(id: id, name: row.value(.schoolName) ?? "", municipality: row.value(.municipality) ?? "",
                             locality: row.value(.locality) ?? "", schoolType: row.value(.schoolType) ?? "")
    }
}
