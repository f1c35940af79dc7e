/// Settings of the `INVERSION` indicator (basic tasks worse, advanced and high tasks better than expected).
public struct InversionConfig: Hashable, Sendable, Codable {
    /// Fewest participants with all leveled task scores for a (school, work) to be tested.
    public var minStudents = 5
    /// Fewest schools with enough participants to estimate the region's between-school spread of the contrast.
    public var minSchools = 5
    /// Fewest students of the rest of the region behind the expected basic score at one total score; sparser
    /// totals borrow neighbouring totals (a symmetric window) until they have this many.
    public var minStudentsPerTotal = 30
    /// Schools whose contrast is this improbable (two-sided) under the first random-effects fit are left out
    /// of the region's null and the fit is repeated (robust fit, up to two rounds).
    public var trimPValue = 0.001
    /// Smallest contrast above the region's centre that matters (materiality): advanced-task residual minus
    /// basic-task residual, in mean task success rates (0,02 = 2 percentage points).
    public var minContrast = 0.02
    /// Whether the region's expected contrast is a line in the school's level (mean share of the maximum score)
    /// rather than one centre for all: at the same total, students of a strong school do hard tasks a little
    /// better wherever hard tasks discriminate more, and a strong honest school must not look inverted.
    public var levelAdjusted = true

    public init() {}

    public init(from decoder: Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        let d = InversionConfig()
        minStudents = try c.value(.minStudents, or: d.minStudents)
        minSchools = try c.value(.minSchools, or: d.minSchools)
        minStudentsPerTotal = try c.value(.minStudentsPerTotal, or: d.minStudentsPerTotal)
        trimPValue = try c.value(.trimPValue, or: d.trimPValue)
        minContrast = try c.value(.minContrast, or: d.minContrast)
        levelAdjusted = try c.value(.levelAdjusted, or: d.levelAdjusted)
    }
}
