import VPRSampleData

/// One arm of the calibration study: honest districts, one manipulation scheme at one strength, or mixed
/// districts where each manipulating school has a scheme of its own at that strength.
public struct StudyScenario: Hashable, Sendable, Codable {
    /// nil for honest and for mixed arms.
    public var scheme: ManipulationScheme?
    /// nil for the honest arm.
    public var strength: ManipulationStrength?

    public init(scheme: ManipulationScheme? = nil, strength: ManipulationStrength? = nil) {
        self.scheme = scheme
        self.strength = strength
    }

    public static let honest = StudyScenario()

    /// Each manipulating school gets one of the five schemes at random, at this strength.
    public static func mixed(_ strength: ManipulationStrength) -> StudyScenario {
        StudyScenario(scheme: nil, strength: strength)
    }

    public var isMixed: Bool { scheme == nil && strength != nil }

    /// Russian label for the table.
    public var label: String {
        guard let strength else { return "без искажений" }
        guard let scheme else { return "смешанные схемы (у каждой ОО одна из пяти), \(strength.russianName)" }
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
