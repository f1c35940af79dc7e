/// Task identifiers as headers and `tasks.csv` write them: `task_9.1`, `9.1`, `К1`, `Задание 1`,
/// `1 (2б)`. The canonical form keeps digits and dots and a leading Cyrillic «К».
enum TaskIdentifier {
    /// A task column header: its canonical task id and, when the header says so, the maximum points.
    struct Header: Sendable, Hashable {
        var id: String
        var maxPoints: Int?
    }

    /// Parses a results header as a task column, or nil when it is not one.
    static func header(_ text: String) -> Header? {
        var h = HeaderText.normalise(text)
        var maxPoints: Int?
        if h.hasSuffix(")"), let open = h.lastIndex(of: "(") {
            let inner = String(h[h.index(after: open)..<h.index(before: h.endIndex)])
            guard let points = pointsInParentheses(inner) else { return nil }
            maxPoints = points
            h = String(h[..<open]).trimmingWhitespaceAndNBSP()
        }
        guard let id = canonical(h) else { return nil }
        return Header(id: id, maxPoints: maxPoints)
    }

    /// The canonical id of a task written as `task_1`, `Задание № 1`, `к1`, `9,1`; nil otherwise.
    static func canonical(_ text: String) -> String? {
        var h = HeaderText.normalise(text)
        for prefix in ["task", "задание", "зад."] where h.hasPrefix(prefix) {
            h = String(h.dropFirst(prefix.count)).trimmingWhitespaceAndNBSP()
            break
        }
        if h.hasPrefix("№") { h = String(h.dropFirst()).trimmingWhitespaceAndNBSP() }
        var id = ""
        var scalars = Substring(h).unicodeScalars[...]
        if let first = scalars.first, first == "к" || first == "k" {
            id = "К"
            scalars = scalars.dropFirst()
        }
        var sawDigit = false
        var lastWasDot = false
        for s in scalars {
            switch s {
            case "0"..."9":
                id.unicodeScalars.append(s)
                sawDigit = true
                lastWasDot = false
            case ".", ",":
                guard sawDigit && !lastWasDot else { return nil }
                id.append(".")
                lastWasDot = true
            default:
                return nil
            }
        }
        guard sawDigit && !lastWasDot else { return nil }
        return id
    }

    /// «2б», «2 б.», «2 балла», «макс. 2», «max 2» → 2.
    private static func pointsInParentheses(_ inner: String) -> Int? {
        var s = inner.trimmingWhitespaceAndNBSP()
        var marked = false
        for prefix in ["макс.", "макс", "max", "максимум"] where s.hasPrefix(prefix) {
            s = String(s.dropFirst(prefix.count)).trimmingWhitespaceAndNBSP()
            marked = true
            break
        }
        let digits = s.prefix { $0.isASCII && $0.isNumber }
        guard !digits.isEmpty, let value = Int(digits) else { return nil }
        let rest = String(s.dropFirst(digits.count)).trimmingWhitespaceAndNBSP()
        if rest.isEmpty || rest.hasPrefix("б") || rest.hasPrefix("b") || rest.hasPrefix("p") { return value }
        return marked ? value : nil
    }
}
