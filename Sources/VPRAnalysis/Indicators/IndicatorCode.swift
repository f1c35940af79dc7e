/// The code of an indicator as it appears in `risk-list.csv` and the reports.
public enum IndicatorCode: String, Sendable, Codable, CaseIterable, Comparable {
    case boundary = "BOUNDARY"
    case journal = "JOURNAL"
    case high = "HIGH"
    case inversion = "INVERSION"
    case similarity = "SIMILARITY"
    case personFit = "PERSONFIT"
    case cohort = "COHORT"
    case helpSignature = "HELP"

    /// Order in which codes are listed: the order of this enumeration.
    public static func < (lhs: IndicatorCode, rhs: IndicatorCode) -> Bool {
        allCases.firstIndex(of: lhs)! < allCases.firstIndex(of: rhs)!
    }

    /// The Russian name a specialist reads.
    public var russianName: String {
        switch self {
        case .boundary: return "Всплески баллов на границах отметок"
        case .journal: return "Расхождение отметок ВПР с отметками по журналу"
        case .high: return "Результаты заметно выше среднего по региону"
        case .inversion: return "Базовые задания выполнены хуже, а сложные — лучше, чем в регионе"
        case .similarity: return "Совпадающие ответы участников одного класса"
        case .personFit: return "Нетипичные профили выполнения заданий"
        case .cohort: return "Резкое падение результатов той же параллели через год"
        case .helpSignature: return "Совокупность признаков помощи на работе"
        }
    }

    /// Whether a flag of this indicator can put a school in the risk group by itself.
    /// `HIGH` cannot: high results alone are not a sign of non-objectivity; they only strengthen other evidence.
    public var decidesAlone: Bool { self != .high }
}
