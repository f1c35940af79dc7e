/// Direction of a hypothesis test: is the observed value larger, smaller, or
/// different in either direction from what the null predicts.
public enum Alternative: String, Sendable, Codable {
    case greater
    case less
    case twoSided
}
