/// Unicode direction controls (the marks U+200E, U+200F and U+061C; embeddings and overrides U+202A–U+202E;
/// isolates U+2066–U+2069) have no place in a Russian school name and can make a printed name read differently from what it is («Trojan Source»).
/// Every writer drops them from text it takes from the input.
enum BidiControls {
    static func isControl(_ s: Unicode.Scalar) -> Bool {
        s.value == 0x200E || s.value == 0x200F || s.value == 0x061C
            || (0x202A...0x202E).contains(s.value) || (0x2066...0x2069).contains(s.value)
    }

    static func stripped(_ s: String) -> String {
        guard s.unicodeScalars.contains(where: isControl) else { return s }
        var out = String.UnicodeScalarView()
        out.append(contentsOf: s.unicodeScalars.filter { !isControl($0) })
        return String(out)
    }
}
