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
}
