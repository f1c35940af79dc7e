/// Settings of the `COHORT` indicator (the same cohort a year later, in the next grade).
public struct CohortConfig: Hashable, Sendable, Codable {
    /// Fewest participants a school needs on each of the two works (earlier and later) to be tested.
    public var minStudents = 10
    /// Fewest students found by code in both years for the paired within-student change to be used;
    /// with fewer, the change of the cohort means is used instead.
    public var minMatchedStudents = 10
    /// Fewest eligible schools a pair of works needs for the region's distribution of changes to be fitted.
    public var minSchools = 8
    /// Schools whose change is this improbable (two-sided) under the first fit are left out of the region's null (robust fit).
    public var trimPValue = 0.001
    /// Smallest drop below the region's typical change that matters (materiality), in standard deviations of students.
    public var minDrop = 0.25

    public init() {}

    public init(from decoder: Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        let d = CohortConfig()
        minStudents = try c.value(.minStudents, or: d.minStudents)
        minMatchedStudents = try c.value(.minMatchedStudents, or: d.minMatchedStudents)
        minSchools = try c.value(.minSchools, or: d.minSchools)
        trimPValue = try c.value(.trimPValue, or: d.trimPValue)
        minDrop = try c.value(.minDrop, or: d.minDrop)
    }
}
