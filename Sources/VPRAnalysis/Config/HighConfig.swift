/// Settings of the `HIGH` indicator (results far above the region, funnel plots against school size).
public struct HighConfig: Hashable, Sendable, Codable {
    /// Fewest participants for a (school, work) to be tested.
    public var minStudents = 5
    /// Fewest ordinary (not advanced-study) schools with enough participants to set a work's target and spread.
    public var minSchools = 5
    /// Share of z-scores winsorised in each tail before estimating overdispersion (Spiegelhalter 2005 uses 10 %).
    public var winsorizeShare = 0.10
    /// Gymnasiums and lyceums are compared with the other advanced-study schools alone (their own target and
    /// spread) when at least this many others have results on the work.
    public var minAdvancedSchoolsForOwnNull = 8
    /// With fewer, the ordinary target is shifted by the median advantage of the other advanced-study schools,
    /// which needs at least this many of them; with fewer still, an advanced-study school is not tested.
    public var minAdvancedSchoolsForShift = 2
    /// Smallest excess of the share of marks 4–5 over the expected share that matters (materiality), as a fraction.
    public var minShareExcess = 0.10
    /// Smallest excess of the mean score over the expected mean that matters, in region standard deviations.
    public var minMeanExcess = 0.25
    /// Upper funnel limits drawn on the chart: the one-sided probabilities of the 95 % and 99,8 % two-sided limits.
    public var innerLimitProbability = 0.975
    public var outerLimitProbability = 0.999

    public init() {}

    public init(from decoder: Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        let d = HighConfig()
        minStudents = try c.value(.minStudents, or: d.minStudents)
        minSchools = try c.value(.minSchools, or: d.minSchools)
        winsorizeShare = try c.value(.winsorizeShare, or: d.winsorizeShare)
        minAdvancedSchoolsForOwnNull = try c.value(.minAdvancedSchoolsForOwnNull, or: d.minAdvancedSchoolsForOwnNull)
        minAdvancedSchoolsForShift = try c.value(.minAdvancedSchoolsForShift, or: d.minAdvancedSchoolsForShift)
        minShareExcess = try c.value(.minShareExcess, or: d.minShareExcess)
        minMeanExcess = try c.value(.minMeanExcess, or: d.minMeanExcess)
        innerLimitProbability = try c.value(.innerLimitProbability, or: d.innerLimitProbability)
        outerLimitProbability = try c.value(.outerLimitProbability, or: d.outerLimitProbability)
    }
}
