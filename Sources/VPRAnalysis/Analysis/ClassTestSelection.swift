/// Which schools a run builds class-level tests for. They explain a flag and never decide, and a region has about
/// as many as it has deciding tests, so by default only the schools a report shows in detail get them.
public enum ClassTestSelection: Hashable, Sendable {
    /// The risk group and the schools named (a requested dossier).
    case riskGroup(plus: Set<String> = [])
    /// Every school (tests and tools that look at all of them).
    case everySchool
    /// None (the calibration studies, which read only the decision).
    case none

    /// The schools to build them for, given the risk group; nil means every school.
    func schools(riskGroup: [SchoolAssessment]) -> Set<String>? {
        switch self {
        case .riskGroup(let plus): return plus.union(riskGroup.map(\.school.id))
        case .everySchool: return nil
        case .none: return []
        }
    }
}
