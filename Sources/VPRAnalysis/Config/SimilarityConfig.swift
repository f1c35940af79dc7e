/// Settings of the `SIMILARITY` indicator (near-identical task-score profiles within a class).
public struct SimilarityConfig: Hashable, Sendable, Codable {
    /// Fewest students with complete task scores in a class for its pairs to be tested.
    public var minClassStudents = 4
    /// Fewest region students in a total-score band; adjacent total scores are merged until a band has this many.
    public var minBandStudents = 10
    /// Fewest region students with complete task scores on a work for the region's model to be estimated.
    public var minRegionStudents = 100
    /// Pseudo-students that pull a band's task-score distribution toward the region's overall one (smoothing).
    public var smoothing = 2.0
    /// Resolution of the match weight −½·ln(Pᵢ(s)·Pⱼ(s)), in nats per integer step (exact null by convolution).
    public var weightUnit = 0.25
    /// Largest weight one matching task can carry, in nats (a cap against overconfident rare-score estimates).
    public var maxTaskWeight = 6.0
    /// Pairs whose weighted match score is below mean + screenZ·SD of its null get no exact p-value
    /// (treated as p = 1: only conservative, it saves time).
    public var screenZ = 2.5
    /// Largest group considered by the «star» statistic (a student and the k most similar classmates, k ≤ this).
    public var maxGroupSize = 10
    /// A pair or star whose class-corrected p is at most this is reported as a group of near-identical papers.
    public var clusterAlpha = 0.01
    /// Smallest group of near-identical papers that matters (materiality): a lone pair is not enough.
    public var minClusterSize = 3

    public init() {}

    public init(from decoder: Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        let d = SimilarityConfig()
        minClassStudents = try c.value(.minClassStudents, or: d.minClassStudents)
        minBandStudents = try c.value(.minBandStudents, or: d.minBandStudents)
        minRegionStudents = try c.value(.minRegionStudents, or: d.minRegionStudents)
        smoothing = try c.value(.smoothing, or: d.smoothing)
        weightUnit = try c.value(.weightUnit, or: d.weightUnit)
        maxTaskWeight = try c.value(.maxTaskWeight, or: d.maxTaskWeight)
        screenZ = try c.value(.screenZ, or: d.screenZ)
        maxGroupSize = try c.value(.maxGroupSize, or: d.maxGroupSize)
        clusterAlpha = try c.value(.clusterAlpha, or: d.clusterAlpha)
        minClusterSize = try c.value(.minClusterSize, or: d.minClusterSize)
    }
}
