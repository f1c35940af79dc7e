/// Normalisation of header and token text for matching: lower case, «ё» as «е», no-break spaces
/// and underscores as spaces, runs of spaces collapsed, ends trimmed.
enum HeaderText {
    static func normalise(_ text: String) -> String {
        var out = ""
        out.unicodeScalars.reserveCapacity(text.unicodeScalars.count)
        var pendingSpace = false
        for scalar in text.lowercased().unicodeScalars {
            var s = scalar
            switch s.value {
            case 0x20, 0x09, 0x0A, 0x0D, 0xA0, 0x202F, 0x2007, 0xFEFF, 0x5F:
                pendingSpace = true
                continue
            case 0x0451: s = "е"
            default: break
            }
            if pendingSpace && !out.unicodeScalars.isEmpty { out.unicodeScalars.append(" ") }
            pendingSpace = false
            out.unicodeScalars.append(s)
        }
        return out
    }

    /// Trim, collapse spaces, lower case the rest and capitalise the first letter:
    /// «  русский   язык » → «Русский язык».
    static func subjectName(_ text: String) -> String {
        var collapsed = ""
        var pendingSpace = false
        for scalar in text.unicodeScalars {
            if String.isBlankScalar(scalar) {
                pendingSpace = true
                continue
            }
            if pendingSpace && !collapsed.isEmpty { collapsed.unicodeScalars.append(" ") }
            pendingSpace = false
            collapsed.unicodeScalars.append(scalar)
        }
        guard let first = collapsed.first else { return collapsed }
        return first.uppercased() + collapsed.dropFirst().lowercased()
    }
}
