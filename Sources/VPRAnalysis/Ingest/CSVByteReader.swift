import Foundation

/// Streams a CSV file in fixed-size chunks and hands each non-blank record to a callback as
/// byte ranges. The file is never held whole in memory and no text is built unless asked for.
struct CSVByteReader {
    let url: URL
    let dialect: CSVDialect
    /// Bytes read per system call; small values are useful in tests of chunk boundaries.
    var chunkSize: Int = 1 << 20

    init(url: URL, dialect: CSVDialect, chunkSize: Int = 1 << 20) {
        self.url = url
        self.dialect = dialect
        self.chunkSize = max(1, chunkSize)
    }

    /// Calls `body` for each record that is not blank, in file order. Return false to stop early.
    func forEachRecord(_ body: (CSVRecord) throws -> Bool) throws {
        let handle = try FileHandle(forReadingFrom: url)
        defer { try? handle.close() }
        let scanner = CSVScanner(delimiter: dialect.delimiter)
        var buffer: [UInt8] = []
        buffer.reserveCapacity(chunkSize + 4096)
        var fields: [CSVField] = []
        fields.reserveCapacity(64)
        var line = 1
        var atEnd = false
        var toSkip = dialect.bomLength
        while true {
            if !atEnd {
                let data = try handle.read(upToCount: chunkSize) ?? Data()
                if data.isEmpty { atEnd = true } else { data.withUnsafeBytes { buffer.append(contentsOf: $0) } }
            }
            if toSkip > 0 {
                let n = min(toSkip, buffer.count)
                buffer.removeFirst(n)
                toSkip -= n
            }
            var consumed = 0
            var stopped = false
            try buffer.withUnsafeBufferPointer { buf in
                while consumed < buf.count {
                    switch scanner.scanRecord(buf, from: consumed, isFinal: atEnd, fields: &fields) {
                    case .needMoreData:
                        return
                    case let .record(next, newlines, unterminated):
                        let startLine = line
                        line += newlines
                        consumed = next
                        let keepGoing = try fields.withUnsafeBufferPointer { fieldBuffer -> Bool in
                            let record = CSVRecord(bytes: buf, fields: fieldBuffer, line: startLine,
                                                   hasUnterminatedQuote: unterminated)
                            if record.isBlank { return true }
                            return try body(record)
                        }
                        if !keepGoing {
                            stopped = true
                            return
                        }
                    }
                }
            }
            if stopped || (atEnd && consumed >= buffer.count) { return }
            if consumed > 0 { buffer.removeFirst(consumed) }
        }
    }
}
