/// Settings of the `HIGH` indicator.
public struct HighConfig: Hashable, Sendable, Codable {
    public init() {}
}
