/// The RFC 4180 state machine: finds one record's fields in a byte buffer.
///
/// It keeps no state between records, so any record boundary is a valid starting point:
/// a file can later be cut at line ends outside quotes and the pieces scanned in parallel.
struct CSVScanner: Sendable {
    /// The outcome of scanning from a record start.
    enum Outcome {
        /// A complete record; `next` is where the following record starts, `newlines` how many
        /// physical lines it spans (line ends inside quotes included).
        case record(next: Int, newlines: Int, unterminatedQuote: Bool)
        /// The buffer ends inside the record and more bytes may follow.
        case needMoreData
    }

    static let quote: UInt8 = 0x22
    static let lineFeed: UInt8 = 0x0A
    static let carriageReturn: UInt8 = 0x0D
    static let space: UInt8 = 0x20

    let delimiter: UInt8

    /// Scans the record starting at `start` (which must be inside the buffer) into `fields`.
    /// With `isFinal` the buffer's end is the end of the file and never yields `needMoreData`.
    func scanRecord(_ buffer: UnsafeBufferPointer<UInt8>, from start: Int, isFinal: Bool,
                    fields: inout [CSVField]) -> Outcome {
        fields.removeAll(keepingCapacity: true)
        guard let base = buffer.baseAddress else {
            return isFinal ? .record(next: start, newlines: 0, unterminatedQuote: false) : .needMoreData
        }
        let count = buffer.count
        let delimiter = self.delimiter
        var i = start
        var newlines = 0
        while true {
            if i < count && base[i] == Self.quote {
                // Quoted field.
                let open = i
                i += 1
                let fieldStart = i
                var escaped = false
                while true {
                    if i >= count {
                        if !isFinal { return .needMoreData }
                        fields.append(CSVField(start: fieldStart, end: count, hasEscapedQuotes: escaped))
                        return .record(next: count, newlines: newlines, unterminatedQuote: true)
                    }
                    let byte = base[i]
                    if byte == Self.quote {
                        if i + 1 < count {
                            if base[i + 1] == Self.quote {
                                escaped = true
                                i += 2
                                continue
                            }
                            break
                        }
                        if !isFinal { return .needMoreData }
                        break
                    }
                    if byte == Self.lineFeed { newlines += 1 }
                    i += 1
                }
                let fieldEnd = i
                i += 1
                // Anything between the closing quote and the separator: tolerated when blank,
                // otherwise the whole thing is kept as written («"ab"c»).
                var junk = false
                while i < count {
                    let byte = base[i]
                    if byte == delimiter || byte == Self.lineFeed { break }
                    if byte != Self.carriageReturn && byte != Self.space { junk = true }
                    i += 1
                }
                if i >= count && !isFinal { return .needMoreData }
                if junk {
                    var end = i
                    if end > open && base[end - 1] == Self.carriageReturn { end -= 1 }
                    fields.append(CSVField(start: open, end: end, hasEscapedQuotes: false))
                } else {
                    fields.append(CSVField(start: fieldStart, end: fieldEnd, hasEscapedQuotes: escaped))
                }
            } else {
                let fieldStart = i
                while i < count {
                    let byte = base[i]
                    if byte == delimiter || byte == Self.lineFeed { break }
                    i += 1
                }
                if i >= count && !isFinal { return .needMoreData }
                var end = i
                if (i >= count || base[i] == Self.lineFeed) && end > fieldStart && base[end - 1] == Self.carriageReturn {
                    end -= 1
                }
                fields.append(CSVField(start: fieldStart, end: end, hasEscapedQuotes: false))
            }
            if i >= count {
                return .record(next: count, newlines: newlines, unterminatedQuote: false)
            }
            if base[i] == delimiter {
                i += 1
                continue
            }
            // Line feed ends the record.
            return .record(next: i + 1, newlines: newlines + 1, unterminatedQuote: false)
        }
    }
}
