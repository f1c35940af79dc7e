/// The text encoding a CSV file was detected to use.
public enum TextEncodingKind: String, Sendable, Codable {
    case utf8
    case utf8BOM = "utf8-bom"
    case windows1251

    /// How a specialist names the encoding: «UTF-8», «UTF-8 с BOM», «Windows-1251».
    public var russianName: String {
        switch self {
        case .utf8: return "UTF-8"
        case .utf8BOM: return "UTF-8 с BOM"
        case .windows1251: return "Windows-1251"
        }
    }
}
