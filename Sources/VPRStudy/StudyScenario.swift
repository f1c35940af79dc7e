import VPRSampleData

/// One arm of the calibration study: honest districts, or one manipulation scheme at one strength.
public struct StudyScenario: Hashable, Sendable, Codable {
    public var scheme: ManipulationScheme?
    public var strength: ManipulationStrength?

    public init(scheme: ManipulationScheme? = nil, strength: ManipulationStrength? = nil) {
        self.scheme = scheme
        self.strength = strength
    }

    public static let honest = StudyScenario()

    /// Russian label for the table.
    public var label: String {
        guard let scheme, let strength else { return "без искажений" }
        return "\(scheme.russianName), \(strength.russianName)"
    }
}

extension ManipulationScheme {
    /// Russian name of a scheme for study tables.
    public var russianName: String {
        switch self {
        case .boundaryPulling: return "дотягивание до границы"
        case .inflatedJournal: return "завышение отметок в журнале"
        case .helpDuringTest: return "помощь на работе"
        case .copying: return "списывание (одинаковые ответы)"
        case .bentToJournal: return "подгонка ВПР под журнал"
        }
    }
}

extension ManipulationStrength {
    public var russianName: String {
        switch self {
        case .weak: return "слабое"
        case .moderate: return "умеренное"
        case .strong: return "сильное"
        }
    }
}
