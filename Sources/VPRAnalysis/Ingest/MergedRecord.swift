/// One row of a results file laid into the merged table's columns (`InputFolderReader.readMany`), as the UTF-8
/// bytes of a `CSVRecord` the results parser reads like a line of `results.csv`.
///
/// A CSV source is laid byte for byte: each used field is copied (doubled quotes collapsed, CP1251 transcoded
/// to UTF-8) and trimmed of the blanks `String.trimmingWhitespaceAndNBSP` removes, so no `String` is built per
/// cell; only a field that is not valid UTF-8 is decoded as text, to get exactly the replacement characters the
/// text path gives. A workbook row, which arrives as text, is laid from its cells.
struct MergedRecord {
    /// Where a merged column's value comes from in one file.
    enum Source {
        case column(Int)
        case constant(String)
        case none
    }

    private(set) var bytes: [UInt8] = []
    private(set) var fields: [CSVField] = []

    /// Lays a CSV record of a file whose columns feed the merged ones as `sources` say.
    mutating func lay(_ record: CSVRecord, sources: [Source], decoder: FieldDecoder) {
        bytes.removeAll(keepingCapacity: true)
        fields.removeAll(keepingCapacity: true)
        for source in sources {
            let begin = bytes.count
            switch source {
            case .column(let i) where i < record.count: append(record, i, decoder)
            case .constant(let text): bytes.append(contentsOf: text.utf8)
            case .column, .none: break
            }
            fields.append(CSVField(start: begin, end: bytes.count, hasEscapedQuotes: false))
        }
    }

    /// Lays a workbook row (or any row already decoded to text).
    mutating func lay(_ row: TableRow, sources: [Source]) {
        bytes.removeAll(keepingCapacity: true)
        fields.removeAll(keepingCapacity: true)
        for source in sources {
            let begin = bytes.count
            switch source {
            case .column(let i): bytes.append(contentsOf: row[i].utf8)
            case .constant(let text): bytes.append(contentsOf: text.utf8)
            case .none: break
            }
            fields.append(CSVField(start: begin, end: bytes.count, hasEscapedQuotes: false))
        }
    }

    /// Calls `body` with the laid record, numbered as the source line.
    func withRecord<R>(line: Int, _ body: (CSVRecord) -> R) -> R {
        bytes.withUnsafeBufferPointer { b in
            fields.withUnsafeBufferPointer { f in
                body(CSVRecord(bytes: b, fields: f, line: line, hasUnterminatedQuote: false))
            }
        }
    }

    /// Appends field `i` of `record` as trimmed UTF-8.
    private mutating func append(_ record: CSVRecord, _ i: Int, _ decoder: FieldDecoder) {
        let begin = bytes.count
        let escaped = record.fields[i].hasEscapedQuotes
        switch decoder.encoding {
        case .utf8, .utf8BOM:
            if escaped { bytes.append(contentsOf: record.unescaped(i)) } else { bytes.append(contentsOf: record.raw(i)) }
            var validator = UTF8Validator()
            validator.feed(bytes[begin...])
            if !validator.isValid || validator.isInsideSequence {
                bytes.removeSubrange(begin...)
                bytes.append(contentsOf: decoder.text(record, i).utf8)
                return
            }
        case .windows1251:
            if escaped { Windows1251.appendUTF8(of: record.unescaped(i), to: &bytes) } else { Windows1251.appendUTF8(of: record.raw(i), to: &bytes) }
        }
        Self.trimBlanks(&bytes, from: begin)
    }

    /// Removes from both ends of `bytes[begin...]` (valid UTF-8) the scalars `String.isBlankScalar` names.
    static func trimBlanks(_ bytes: inout [UInt8], from begin: Int) {
        while bytes.count > begin, let n = blankLength(endingAt: bytes.count, in: bytes, lowerBound: begin) {
            bytes.removeLast(n)
        }
        var start = begin
        while start < bytes.count, let n = blankLength(startingAt: start, in: bytes) { start += n }
        if start > begin { bytes.removeSubrange(begin..<start) }
    }

    /// The UTF-8 forms of the blank scalars beyond ASCII: U+00A0, U+202F, U+2007, U+FEFF.
    private static let wideBlanks: [[UInt8]] = [[0xC2, 0xA0], [0xE2, 0x80, 0xAF], [0xE2, 0x80, 0x87], [0xEF, 0xBB, 0xBF]]

    private static func isASCIIBlank(_ byte: UInt8) -> Bool {
        byte == 0x20 || byte == 0x09 || byte == 0x0A || byte == 0x0D
    }

    private static func blankLength(startingAt i: Int, in bytes: [UInt8]) -> Int? {
        if isASCIIBlank(bytes[i]) { return 1 }
        guard bytes[i] >= 0xC2 else { return nil }
        for blank in wideBlanks where i + blank.count <= bytes.count && bytes[i..<(i + blank.count)].elementsEqual(blank) {
            return blank.count
        }
        return nil
    }

    private static func blankLength(endingAt end: Int, in bytes: [UInt8], lowerBound: Int) -> Int? {
        if isASCIIBlank(bytes[end - 1]) { return 1 }
        guard bytes[end - 1] >= 0x80 else { return nil }
        for blank in wideBlanks where end - blank.count >= lowerBound && bytes[(end - blank.count)..<end].elementsEqual(blank) {
            return blank.count
        }
        return nil
    }
}
