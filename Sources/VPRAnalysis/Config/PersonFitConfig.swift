/// Settings of the `PERSONFIT` indicator (aberrant task-score patterns, polytomous Guttman errors).
public struct PersonFitConfig: Hashable, Sendable, Codable {
    /// Fewest students with complete task scores for a unit (school × work, school, class) to be tested.
    public var minStudents = 5
    /// Fewest region students in a total-score band; adjacent total scores are merged until a band has this many.
    public var minBandStudents = 30
    /// Fewest region students with complete task scores on a work for its reference distribution.
    public var minRegionStudents = 100
    /// A student is «aberrant» when the normed Guttman error count exceeds this quantile of the region's
    /// students in the same total-score band.
    public var aberrantQuantile = 0.95
    /// Smallest excess of a unit's aberrant share over the region's mean that matters (materiality), as a fraction.
    public var minShareExcess = 0.10
    /// Schools whose share is this improbable under the first fit are left out of the region's null (robust fit).
    public var trimPValue = 0.001

    public init() {}

    public init(from decoder: Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        let d = PersonFitConfig()
        minStudents = try c.value(.minStudents, or: d.minStudents)
        minBandStudents = try c.value(.minBandStudents, or: d.minBandStudents)
        minRegionStudents = try c.value(.minRegionStudents, or: d.minRegionStudents)
        aberrantQuantile = try c.value(.aberrantQuantile, or: d.aberrantQuantile)
        minShareExcess = try c.value(.minShareExcess, or: d.minShareExcess)
        trimPValue = try c.value(.trimPValue, or: d.trimPValue)
    }
}
