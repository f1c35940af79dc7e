/// Settings of the `HELP` signature (help during the test, seen across several indicators at once).
public struct HelpSignatureConfig: Hashable, Sendable, Codable {
    /// Fewest schools with the combined statistic for the region's empirical null.
    public var minSchools = 20
    /// Fewest component indicators a school needs for the combined statistic.
    public var minComponents = 2
    /// A component corroborates when its own p-value is below this.
    public var corroborationPValue = 0.05
    /// Fewest corroborating components for the signature to be material.
    public var minCorroborating = 2

    public init() {}

    public init(from decoder: Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        let d = HelpSignatureConfig()
        minSchools = try c.value(.minSchools, or: d.minSchools)
        minComponents = try c.value(.minComponents, or: d.minComponents)
        corroborationPValue = try c.value(.corroborationPValue, or: d.corroborationPValue)
        minCorroborating = try c.value(.minCorroborating, or: d.minCorroborating)
    }
}
