/// Settings of the `INVERSION` indicator.
public struct InversionConfig: Hashable, Sendable, Codable {
    public init() {}
}
