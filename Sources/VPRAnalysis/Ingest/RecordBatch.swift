/// A run of CSV records copied out of the reader's transient buffer, so that they can be parsed on another
/// thread: the bytes of their fields, the fields rebased onto those bytes, and each record's line.
struct RecordBatch: Sendable {
    private struct Entry: Sendable {
        var firstField: Int
        var fieldCount: Int
        var line: Int
        var unterminatedQuote: Bool
    }

    private var bytes: [UInt8] = []
    private var fields: [CSVField] = []
    private var entries: [Entry] = []

    var count: Int { entries.count }
    var byteCount: Int { bytes.count }

    /// Copies a record (only the bytes its fields cover).
    mutating func append(_ record: CSVRecord) {
        let start = record.fields.first?.start ?? 0
        let end = record.fields.last?.end ?? start
        let offset = bytes.count - start
        if end > start { bytes.append(contentsOf: UnsafeBufferPointer(rebasing: record.bytes[start..<end])) }
        entries.append(Entry(firstField: fields.count, fieldCount: record.count, line: record.line,
                             unterminatedQuote: record.hasUnterminatedQuote))
        for field in record.fields {
            fields.append(CSVField(start: field.start + offset, end: field.end + offset, hasEscapedQuotes: field.hasEscapedQuotes))
        }
    }

    /// Calls `body` with each record's position in the batch and the record, in order.
    func forEach(_ body: (Int, CSVRecord) throws -> Void) rethrows {
        try bytes.withUnsafeBufferPointer { byteBuffer in
            try fields.withUnsafeBufferPointer { fieldBuffer in
                for (i, entry) in entries.enumerated() {
                    let recordFields = UnsafeBufferPointer(rebasing: fieldBuffer[entry.firstField..<(entry.firstField + entry.fieldCount)])
                    try body(i, CSVRecord(bytes: byteBuffer, fields: recordFields, line: entry.line,
                                          hasUnterminatedQuote: entry.unterminatedQuote))
                }
            }
        }
    }
}
