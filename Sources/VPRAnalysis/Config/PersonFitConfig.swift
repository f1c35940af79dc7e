/// Settings of the `PERSONFIT` indicator.
public struct PersonFitConfig: Hashable, Sendable, Codable {
    public init() {}
}
