/// A Markdown document built line by line, with escaping of text that comes from the input.
struct MarkdownText {
    private(set) var text = ""

    mutating func line(_ s: String = "") { text += s + "\n" }

    /// Input text inside a table cell: pipes and line breaks would break the table.
    static func escapeCell(_ s: String) -> String {
        escapeText(s).replacingOccurrences(of: "|", with: "\\|")
    }

    /// Input text in prose: no raw HTML, no line breaks.
    static func escapeText(_ s: String) -> String {
        s.replacingOccurrences(of: "<", with: "&lt;").replacingOccurrences(of: ">", with: "&gt;")
            .replacingOccurrences(of: "\r", with: " ").replacingOccurrences(of: "\n", with: " ")
    }
}
