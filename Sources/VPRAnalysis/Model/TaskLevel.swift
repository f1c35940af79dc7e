/// Difficulty level of a task as the VPR specification states it: Б, П or В.
public enum TaskLevel: String, Sendable, Codable, CaseIterable {
    case basic = "Б"
    case advanced = "П"
    case high = "В"

    /// Parses «Б», «П», «В» (Cyrillic or look-alike Latin letters) and English words.
    public init?(label: String) {
        switch label.trimmingCharacters(in: .whitespaces).lowercased() {
        case "б", "b", "basic", "базовый": self = .basic
        case "п", "p", "advanced", "повышенный": self = .advanced
        case "в", "b+", "v", "high", "высокий": self = .high
        default: return nil
        }
    }

    /// Hashes the case, not its Cyrillic raw value: hashing a non-ASCII string normalises it first, and levels
    /// are dictionary keys in per-participant loops.
    public func hash(into hasher: inout Hasher) {
        switch self {
        case .basic: hasher.combine(0)
        case .advanced: hasher.combine(1)
        case .high: hasher.combine(2)
        }
    }
}
