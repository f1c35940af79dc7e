/// Settings of the `PERSONFIT` indicator (aberrant task-score patterns, polytomous Guttman errors).
public struct PersonFitConfig: Hashable, Sendable, Codable {
    /// Fewest students with complete task scores for a unit (school × work, school, class) to be tested.
    public var minStudents = 5
    /// Fewest region students in a total-score band; adjacent total scores are merged until a band has this many.
    public var minBandStudents = 30
    /// Fewest region students with complete task scores on a work for its reference distribution.
    public var minRegionStudents = 100
    /// A student is «aberrant» (reported share) when the normed Guttman error count exceeds this quantile of the
    /// region's students in the same total-score band.
    public var aberrantQuantile = 0.95
    /// Smallest shift of a unit's mean misfit score over the region's mean that matters (materiality), in
    /// standard deviations of a student's score (0.15: a helped school at strong strength shifts by about 0.2–0.4).
    public var minScoreShift = 0.15
    /// Whether the region's centre follows the unit's level above the region's median level (a hinge fitted by a
    /// random-effects meta-regression, `LevelAdjustedCentre`); off gives one flat centre for every level.
    public var levelAdjusted = true
    /// Units whose mean score is improbable under the region's fit (two-sided p below this) are left out and the
    /// fit repeated, up to twice, so that manipulated schools do not set the line that honest ones are judged by
    /// (as `inversion.trimPValue`); 0 keeps every unit.
    public var trimPValue = 0.001

    public init() {}

    public init(from decoder: Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        let d = PersonFitConfig()
        minStudents = try c.value(.minStudents, or: d.minStudents)
        minBandStudents = try c.value(.minBandStudents, or: d.minBandStudents)
        minRegionStudents = try c.value(.minRegionStudents, or: d.minRegionStudents)
        aberrantQuantile = try c.value(.aberrantQuantile, or: d.aberrantQuantile)
        minScoreShift = try c.value(.minScoreShift, or: d.minScoreShift)
        levelAdjusted = try c.value(.levelAdjusted, or: d.levelAdjusted)
        trimPValue = try c.value(.trimPValue, or: d.trimPValue)
    }
}
