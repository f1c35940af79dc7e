/// An input row that could not be used, kept with its reason so nothing is lost.
public struct RejectedRow: Hashable, Sendable, Codable {
    public var location: SourceLocation
    /// Russian reason («нет кода ОО», «участник отсутствовал»).
    public var reason: String
    /// The row's fields as read (decoded text), so a data steward can fix and resubmit it.
    public var fields: [String]
    /// True when the row is not an error but a non-participant (absent).
    public var isAbsence: Bool

    public init(location: SourceLocation, reason: String, fields: [String], isAbsence: Bool = false) {
        self.location = location
        self.reason = reason
        self.fields = fields
        self.isAbsence = isAbsence
    }
}
