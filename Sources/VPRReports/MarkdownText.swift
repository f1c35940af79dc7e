/// A Markdown document built line by line, with escaping of text that comes from the input.
struct MarkdownText {
    private(set) var text = ""

    mutating func line(_ s: String = "") { text += s + "\n" }

    /// «Caption:» and a table of escaped cells after an empty line; nothing when there are no rows.
    mutating func captionedTable(_ caption: String, header: [String], rows: [[String]]) {
        guard !rows.isEmpty else { return }
        line()
        line("\(caption):")
        line()
        line("| " + header.joined(separator: " | ") + " |")
        line("|" + String(repeating: "---|", count: header.count))
        for r in rows { line("| " + r.map(MarkdownText.escapeCell).joined(separator: " | ") + " |") }
    }

    /// Input text inside a table cell: pipes and line breaks would break the table.
    static func escapeCell(_ s: String) -> String {
        escapeText(s).replacingOccurrences(of: "|", with: "\\|")
    }

    /// Input text in prose: no raw HTML, no line breaks, no Markdown markup (emphasis, links, code).
    /// Backslashes are escaped first, so that `\|` in a name cannot undo the pipe's escape in a table.
    static func escapeText(_ s: String) -> String {
        var out = ""
        out.reserveCapacity(s.utf8.count)
        for c in BidiControls.stripped(s) {
            switch c {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\\", "`", "*", "_", "[", "]": out += "\\" + String(c)
            case "\r\n", "\r", "\n": out += " "
            default: out.append(c)
            }
        }
        return out
    }
}
