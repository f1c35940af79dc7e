/// Turns field bytes into text in the file's encoding. Only fields that are used get decoded.
struct FieldDecoder: Sendable {
    let encoding: TextEncodingKind

    /// Decodes bytes as they are (no trimming).
    func string<C: Collection>(_ bytes: C) -> String where C.Element == UInt8 {
        switch encoding {
        case .utf8, .utf8BOM: return String(decoding: bytes, as: UTF8.self)
        case .windows1251: return Windows1251.decode(bytes)
        }
    }

    /// The field's text with doubled quotes collapsed and surrounding whitespace (incl. NBSP) removed.
    func text(_ record: CSVRecord, _ index: Int) -> String {
        let field = record.fields[index]
        let decoded = field.hasEscapedQuotes ? string(record.unescaped(index)) : string(record.trimmed(index))
        return decoded.trimmingWhitespaceAndNBSP()
    }

    /// A value as a message quotes it: decoded, and cut to `limit` characters with «…» (a 10 MB field
    /// must not become a 10 MB message).
    func shown<C: Collection>(_ bytes: C, limit: Int = 60) -> String where C.Element == UInt8 {
        let prefix = bytes.prefix(limit * 4)
        var text = string(prefix)
        if text.count > limit { text = String(text.prefix(limit)) + "…" }
        else if prefix.count < bytes.count { text += "…" }
        return text
    }

    /// Every field of the record as written, for a rejected row.
    func allFields(_ record: CSVRecord) -> [String] {
        (0..<record.count).map { index in
            record.fields[index].hasEscapedQuotes ? string(record.unescaped(index)) : string(record.raw(index))
        }
    }
}

extension String {
    /// Trims spaces, tabs, line ends and no-break spaces from both ends.
    func trimmingWhitespaceAndNBSP() -> String {
        guard let first = unicodeScalars.first, let last = unicodeScalars.last else { return self }
        if !Self.isBlankScalar(first) && !Self.isBlankScalar(last) { return self }
        var scalars = Substring.UnicodeScalarView(unicodeScalars)
        while let s = scalars.first, Self.isBlankScalar(s) { scalars.removeFirst() }
        while let s = scalars.last, Self.isBlankScalar(s) { scalars.removeLast() }
        return String(scalars)
    }

    static func isBlankScalar(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x20, 0x09, 0x0A, 0x0D, 0xA0, 0x202F, 0x2007, 0xFEFF: return true
        default: return false
        }
    }
}
