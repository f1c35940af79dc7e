/// What was read from one input file: its dialect and how many rows were used or rejected.
public struct FileSummary: Sendable, Codable, Hashable {
    public var file: String
    public var encoding: TextEncodingKind
    /// The field separator: `;`, `,` or a tab character.
    public var delimiter: String
    /// Data rows read (header and blank lines excluded). Always `rowsUsed + rowsRejected`.
    public var rowsRead: Int
    public var rowsUsed: Int
    public var rowsRejected: Int
    /// Absent participants («отсутствовал»): a subset of `rowsRejected`.
    public var rowsAbsent: Int

    public init(file: String, encoding: TextEncodingKind, delimiter: String,
                rowsRead: Int = 0, rowsUsed: Int = 0, rowsRejected: Int = 0, rowsAbsent: Int = 0) {
        self.file = file
        self.encoding = encoding
        self.delimiter = delimiter
        self.rowsRead = rowsRead
        self.rowsUsed = rowsUsed
        self.rowsRejected = rowsRejected
        self.rowsAbsent = rowsAbsent
    }
}
