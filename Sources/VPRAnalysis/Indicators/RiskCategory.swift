/// Which results look non-objective: the VPR itself (`vpr`) or the school's own term marks (`internal`).
public enum RiskCategory: String, Sendable, Codable, CaseIterable, Comparable {
    case vpr
    case `internal`

    public static func < (lhs: RiskCategory, rhs: RiskCategory) -> Bool {
        allCases.firstIndex(of: lhs)! < allCases.firstIndex(of: rhs)!
    }

    /// Russian wording used in reports.
    public var russianName: String {
        switch self {
        case .vpr: return "необъективность результатов ВПР"
        case .internal: return "необъективность текущего оценивания (отметки по журналу)"
        }
    }
}
