/// One field of a CSV record as a byte range into the reader's buffer; no text is built for it.
struct CSVField: Sendable {
    /// First byte of the value (after an opening quote).
    var start: Int
    /// One past the last byte of the value (before a closing quote).
    var end: Int
    /// True when the value was quoted and contains doubled quotes that must be collapsed when decoded.
    var hasEscapedQuotes: Bool

    var isEmpty: Bool { start == end }
}
