/// One record as the scanner found it: byte ranges into the current buffer and the physical line
/// it starts on. Valid only inside the callback that receives it.
struct CSVRecord {
    let bytes: UnsafeBufferPointer<UInt8>
    let fields: UnsafeBufferPointer<CSVField>
    /// 1-based physical line where the record starts.
    let line: Int
    /// True when the file ended inside a quoted field.
    let hasUnterminatedQuote: Bool

    var count: Int { fields.count }

    /// True when every field is empty (a blank line, or a line of bare separators).
    var isBlank: Bool {
        for field in fields where !field.isEmpty { return false }
        return true
    }

    /// The field's bytes as written (doubled quotes not collapsed).
    @inline(__always)
    func raw(_ index: Int) -> UnsafeBufferPointer<UInt8> {
        let field = fields[index]
        return UnsafeBufferPointer(rebasing: bytes[field.start..<field.end])
    }

    /// The field's bytes without surrounding ASCII spaces and tabs.
    @inline(__always)
    func trimmed(_ index: Int) -> UnsafeBufferPointer<UInt8> {
        let field = fields[index]
        var start = field.start
        var end = field.end
        while start < end, bytes[start] == 0x20 || bytes[start] == 0x09 { start += 1 }
        while end > start, bytes[end - 1] == 0x20 || bytes[end - 1] == 0x09 { end -= 1 }
        return UnsafeBufferPointer(rebasing: bytes[start..<end])
    }

    /// The field's value with doubled quotes collapsed, still as bytes.
    func unescaped(_ index: Int) -> [UInt8] {
        let field = fields[index]
        var out: [UInt8] = []
        out.reserveCapacity(field.end - field.start)
        var i = field.start
        while i < field.end {
            let byte = bytes[i]
            out.append(byte)
            if byte == CSVScanner.quote && field.hasEscapedQuotes && i + 1 < field.end && bytes[i + 1] == CSVScanner.quote {
                i += 2
            } else {
                i += 1
            }
        }
        return out
    }
}
