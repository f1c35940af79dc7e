/// A finding about the input or the run, collected as a value and shown to the user in Russian.
public struct Diagnostic: Hashable, Sendable, Codable, CustomStringConvertible {
    /// How serious a finding is. `error` on a file makes it unusable; on a row, the row is rejected.
    public enum Severity: String, Sendable, Codable, Comparable {
        case note, warning, error

        public static func < (lhs: Severity, rhs: Severity) -> Bool {
            let order: [Severity] = [.note, .warning, .error]
            return order.firstIndex(of: lhs)! < order.firstIndex(of: rhs)!
        }

        /// The Russian word printed before the message.
        public var russian: String {
            switch self {
            case .note: return "примечание"
            case .warning: return "предупреждение"
            case .error: return "ошибка"
            }
        }
    }

    public var severity: Severity
    public var location: SourceLocation?
    /// Russian text for the specialist.
    public var message: String

    public init(_ severity: Severity, _ message: String, at location: SourceLocation? = nil) {
        self.severity = severity
        self.message = message
        self.location = location
    }

    /// `results.csv:12:4: ошибка: …`
    public var description: String {
        if let location { return "\(location): \(severity.russian): \(message)" }
        return "\(severity.russian): \(message)"
    }
}
