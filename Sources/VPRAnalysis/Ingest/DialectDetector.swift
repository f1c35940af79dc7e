import Foundation

/// Detects a CSV file's encoding (BOM → strict UTF-8 → Windows-1251) and separator
/// (`;`, `,` or tab, counted outside quotes on the header line; a tie goes to `;`).
struct DialectDetector: Sendable {
    /// How much of the file must be valid UTF-8 (once non-ASCII bytes were seen) to call it UTF-8.
    var validationPrefix: Int = 4 << 20
    var chunkSize: Int = 1 << 20

    /// The dialect, or nil when the file has no bytes at all.
    func detect(url: URL) throws -> CSVDialect? {
        let handle = try FileHandle(forReadingFrom: url)
        defer { try? handle.close() }
        let head = try handle.read(upToCount: chunkSize).map { [UInt8]($0) } ?? []
        if head.isEmpty { return nil }

        var encoding: TextEncodingKind
        var body = head[...]
        if head.starts(with: [0xEF, 0xBB, 0xBF]) {
            encoding = .utf8BOM
            body = head[3...]
        } else {
            var validator = UTF8Validator()
            validator.feed(head)
            var examined = head.count
            var atEnd = head.count < chunkSize
            // Keep reading while the evidence is thin: only ASCII so far, or less than the prefix.
            while validator.isValid && !atEnd && (!validator.sawNonASCII || examined < validationPrefix) {
                let data = try handle.read(upToCount: chunkSize) ?? Data()
                if data.isEmpty { atEnd = true; break }
                validator.feed(data)
                examined += data.count
            }
            if !validator.isValid || (atEnd && validator.isInsideSequence) {
                // A UTF-8 file with a few lines pasted from a Windows-1251 one stays UTF-8: those lines are
                // rejected one by one (`RowBytes`), the rest is read right.
                encoding = Self.isMostlyUTF8(head) ? .utf8 : .windows1251
            } else {
                encoding = .utf8
            }
        }
        let delimiter = Self.delimiter(inHeaderOf: body)
        return CSVDialect(encoding: encoding, delimiter: delimiter)
    }

    /// True when valid multi-byte UTF-8 sequences far outnumber invalid bytes: Windows-1251 text forms a valid
    /// sequence only by accident (a capital letter before «ё», «№» or a quote mark), UTF-8 Cyrillic always does.
    static func isMostlyUTF8(_ bytes: [UInt8]) -> Bool {
        var valid = 0, invalid = 0, i = 0
        while i < bytes.count {
            let b = bytes[i]
            if b < 0x80 { i += 1; continue }
            var validator = UTF8Validator()
            let length = b >= 0xF0 ? 4 : b >= 0xE0 ? 3 : 2
            let end = min(i + length, bytes.count)
            validator.feed(bytes[i..<end])
            if validator.isValid && !validator.isInsideSequence {
                valid += 1
                i = end
            } else {
                invalid += 1
                i += 1
            }
        }
        return valid >= 16 && valid >= 8 * invalid
    }

    /// Counts candidate separators outside quotes on the first non-blank line.
    static func delimiter(inHeaderOf bytes: ArraySlice<UInt8>) -> UInt8 {
        var semicolons = 0, commas = 0, tabs = 0
        var inQuotes = false
        var lineHasContent = false
        for byte in bytes {
            if byte == CSVScanner.quote {
                inQuotes.toggle()
                lineHasContent = true
                continue
            }
            if inQuotes { continue }
            switch byte {
            case 0x3B: semicolons += 1
            case 0x2C: commas += 1
            case 0x09: tabs += 1
            case CSVScanner.lineFeed:
                if lineHasContent { return choose(semicolons: semicolons, commas: commas, tabs: tabs) }
                continue
            case CSVScanner.carriageReturn, CSVScanner.space:
                continue
            default:
                break
            }
            lineHasContent = true
        }
        return choose(semicolons: semicolons, commas: commas, tabs: tabs)
    }

    private static func choose(semicolons: Int, commas: Int, tabs: Int) -> UInt8 {
        if semicolons >= commas && semicolons >= tabs { return 0x3B }
        if tabs >= commas { return 0x09 }
        return 0x2C
    }
}
