/// Settings of the `SIMILARITY` indicator.
public struct SimilarityConfig: Hashable, Sendable, Codable {
    public init() {}
}
