/// What one indicator test looks at: one work of a school, all works of a school pooled, or one class.
public enum TestScope: String, Sendable, Codable {
    /// One (school, work): a member of the decision family.
    case schoolWork
    /// All works of a school pooled: a member of the decision family.
    case school
    /// One class within a (school, work): shown to explain a flag, not used to decide.
    case classGroup

    /// Whether tests of this scope take part in the risk decision and its multiple-testing control.
    public var decides: Bool { self != .classGroup }
}
