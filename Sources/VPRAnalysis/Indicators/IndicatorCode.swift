/// The code of an indicator as it appears in `risk-list.csv` and the reports.
public enum IndicatorCode: String, Sendable, Codable, CaseIterable, Comparable {
    case boundary = "BOUNDARY"
    case journal = "JOURNAL"

    /// Order in which codes are listed: the order of this enumeration.
    public static func < (lhs: IndicatorCode, rhs: IndicatorCode) -> Bool {
        allCases.firstIndex(of: lhs)! < allCases.firstIndex(of: rhs)!
    }

    /// The Russian name a specialist reads.
    public var russianName: String {
        switch self {
        case .boundary: return "Всплески баллов на границах отметок"
        case .journal: return "Расхождение отметок ВПР с отметками по журналу"
        }
    }
}
