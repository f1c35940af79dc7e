/// Settings of the `COHORT` indicator.
public struct CohortConfig: Hashable, Sendable, Codable {
    public init() {}
}
