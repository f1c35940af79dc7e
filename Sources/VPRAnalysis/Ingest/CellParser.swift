/// Reads cell bytes without building strings: numbers (decimal comma or point), missing-value
/// tokens and the absence marker «отсутствовал». Text is decoded only to check rare tokens.
struct CellParser: Sendable {
    let decoder: FieldDecoder

    /// Tokens meaning «no value», after `HeaderText.normalise`.
    static let missingTokens: Set<String> = [
        "", "-", "--", "—", "–", "x", "х", "нет", "нет отметки", "н/а", "н/a", "n/a", "нет данных",
    ]

    init(encoding: TextEncodingKind) {
        decoder = FieldDecoder(encoding: encoding)
    }

    /// Parses trimmed cell bytes as a number.
    func value(_ bytes: UnsafeBufferPointer<UInt8>) -> CellValue {
        let count = bytes.count
        if count == 0 { return .missing }
        var i = 0
        var negative = false
        let first = bytes[0]
        if first == 0x2D || first == 0x2B {
            negative = first == 0x2D
            i = 1
        }
        var integer = 0
        var digits = 0
        while i < count {
            let d = bytes[i] &- 0x30
            if d > 9 { break }
            if digits < 18 { integer = integer * 10 + Int(d) }
            digits += 1
            i += 1
        }
        if digits > 0 && digits <= 18 {
            if i == count { return .integer(negative ? -integer : integer) }
            let separator = bytes[i]
            if separator == 0x2C || separator == 0x2E {
                i += 1
                var fraction = 0.0
                var scale = 1.0
                var fractionDigits = 0
                var allZero = true
                while i < count {
                    let d = bytes[i] &- 0x30
                    if d > 9 { break }
                    if d != 0 { allZero = false }
                    scale /= 10
                    fraction += Double(d) * scale
                    fractionDigits += 1
                    i += 1
                }
                if i == count && fractionDigits > 0 {
                    if allZero { return .integer(negative ? -integer : integer) }
                    let value = Double(integer) + fraction
                    return .fractional(negative ? -value : value)
                }
            }
            return .invalid
        }
        return isMissingToken(bytes) ? .missing : .invalid
    }

    /// True for empty cells and missing-value tokens.
    func isMissing(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        if bytes.isEmpty { return true }
        if bytes.count > 24 { return false }
        // Fast exit: a cell starting with a digit or a plain letter other than x/n is a value.
        let first = bytes[0]
        if first < 0x80 {
            // «-», «x», «X», «n/a».
            if first != 0x2D && first != 0x78 && first != 0x58 && first != 0x6E && first != 0x4E { return false }
        } else {
            // Only tokens starting with a dash, «х»/«Х» or «н»/«Н» can be missing-value tokens.
            switch decoder.encoding {
            case .utf8, .utf8BOM:
                guard bytes.count >= 2 else { return false }
                let second = bytes[1]
                let candidate = first == 0xE2
                    || (first == 0xD0 && (second == 0xA5 || second == 0xBD || second == 0x9D))
                    || (first == 0xD1 && second == 0x85)
                if !candidate { return false }
            case .windows1251:
                if first != 0x96 && first != 0x97 && first != 0xD5 && first != 0xF5 && first != 0xED && first != 0xCD {
                    return false
                }
            }
        }
        return isMissingToken(bytes)
    }

    private func isMissingToken(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        if bytes.count > 24 { return false }
        return Self.missingTokens.contains(HeaderText.normalise(decoder.string(bytes)))
    }

    /// True for «отсутствовал», «отсутствовала», «отсутствует», «отс.» in any case.
    func isAbsence(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        guard bytes.count >= 3 && bytes.count <= 48 else { return false }
        // «о»/«О» in UTF-8 (D0 BE / D0 9E) or in Windows-1251 (EE / CE).
        switch decoder.encoding {
        case .utf8, .utf8BOM:
            guard bytes[0] == 0xD0 && (bytes[1] == 0xBE || bytes[1] == 0x9E) else { return false }
        case .windows1251:
            guard bytes[0] == 0xEE || bytes[0] == 0xCE else { return false }
        }
        return Self.isAbsenceText(decoder.string(bytes))
    }

    static func isAbsenceText(_ text: String) -> Bool {
        let t = HeaderText.normalise(text)
        return t.hasPrefix("отсутств") || t == "отс" || t == "отс."
    }
}

extension CellParser {
    /// Parses text (from the small tables) as a number.
    static func value(of text: String) -> CellValue {
        var copy = text.trimmingWhitespaceAndNBSP()
        return copy.withUTF8 { CellParser(encoding: .utf8).value($0) }
    }

    /// The leading whole number of a text: «5Б» → 5, «10-А» → 10, « 7 » → 7.
    static func leadingInteger(of text: String) -> Int? {
        let digits = text.trimmingWhitespaceAndNBSP().prefix { $0.isASCII && $0.isNumber }
        guard !digits.isEmpty, digits.count <= 4 else { return nil }
        return Int(digits)
    }

    /// True when the text is empty or a missing-value token.
    static func isMissing(text: String) -> Bool {
        missingTokens.contains(HeaderText.normalise(text))
    }
}
