/// Every threshold and weight of the analysis, with documented defaults.
/// Loaded from a JSON file by `--config`; keys left out keep their defaults.
public struct AnalysisConfig: Hashable, Sendable, Codable {
    public var decision = DecisionConfig()
    public var boundary = BoundaryConfig()
    public var journal = JournalConfig()
    public var high = HighConfig()
    public var inversion = InversionConfig()
    public var similarity = SimilarityConfig()
    public var personFit = PersonFitConfig()
    public var cohort = CohortConfig()
    public var helpSignature = HelpSignatureConfig()

    public init() {}

    public init(from decoder: Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        let d = AnalysisConfig.defaults
        decision = try c.value(.decision, or: d.decision)
        boundary = try c.value(.boundary, or: d.boundary)
        journal = try c.value(.journal, or: d.journal)
        high = try c.value(.high, or: d.high)
        inversion = try c.value(.inversion, or: d.inversion)
        similarity = try c.value(.similarity, or: d.similarity)
        personFit = try c.value(.personFit, or: d.personFit)
        cohort = try c.value(.cohort, or: d.cohort)
        helpSignature = try c.value(.helpSignature, or: d.helpSignature)
    }

    /// The defaults, written out as `docs/config.default.json`.
    public static let defaults = AnalysisConfig()
}

/// How evidence becomes the risk group.
public struct DecisionConfig: Hashable, Sendable, Codable {
    /// Probability that an honest school enters the risk group (family-wise error within the school, Holm).
    public var schoolFalsePositiveRate = 0.01
    /// Benjamini–Hochberg false discovery rate over every deciding test of the run.
    public var falseDiscoveryRate = 0.05
    /// Share of a school's error rate given to its pooled (all-works) tests in the weighted Holm procedure;
    /// the rest goes to its per-work tests. A manipulation usually spans the school, so pooled tests get more.
    public var pooledTestsWeight = 0.5
    /// Share of a school's error rate moved to the signs (indicator × direction) that the region's other
    /// schools show beyond chance (`RegionSignal`); 0 keeps the fixed shares.
    public var regionEvidenceShare = 0.5
    /// A school shows a sign when the Bonferroni p of its tests of that sign is at most this.
    public var regionEvidencePValue = 0.01
    /// A sign counts as present in the region when so many other schools show it that Bin(N, p) gives at most
    /// this probability to as many.
    public var regionEvidenceGuard = 0.01

    public init() {}

    public init(from decoder: Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        let d = DecisionConfig()
        schoolFalsePositiveRate = try c.value(.schoolFalsePositiveRate, or: d.schoolFalsePositiveRate)
        falseDiscoveryRate = try c.value(.falseDiscoveryRate, or: d.falseDiscoveryRate)
        pooledTestsWeight = try c.value(.pooledTestsWeight, or: d.pooledTestsWeight)
        regionEvidenceShare = try c.value(.regionEvidenceShare, or: d.regionEvidenceShare)
        regionEvidencePValue = try c.value(.regionEvidencePValue, or: d.regionEvidencePValue)
        regionEvidenceGuard = try c.value(.regionEvidenceGuard, or: d.regionEvidenceGuard)
    }
}

/// Settings of the `BOUNDARY` indicator (bunching at mark boundaries).
public struct BoundaryConfig: Hashable, Sendable, Codable {
    /// Fewest papers in the cells just below and at the boundaries for a (school, work) to be tested.
    public var minPapersAtBoundaries = 5
    /// How many scores under a boundary a pulled paper may have come from (the window is b − this … b).
    public var cellsBelowBoundary = 2
    /// Fewest papers of the peer schools (nearest in mean score) whose share at the boundary also bounds the null.
    public var minPeerPapers = 300
    /// Fewest peer schools.
    public var minPeerSchools = 3
    /// The peers' share at a boundary replaces the model's when their excess over it has a p-value below this.
    public var peerLumpPValue = 0.01
    /// Smallest estimated share of pulled borderline papers that matters (materiality).
    public var minPulledShare = 0.15
    /// Highest degree of the polynomial that models the region's smooth score distribution.
    public var maxPolynomialDegree = 6
    /// Strength of the ridge prior that keeps a small school's tilt near the region's shape.
    public var tiltPriorPrecision = 1.0

    public init() {}

    public init(from decoder: Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        let d = BoundaryConfig()
        minPapersAtBoundaries = try c.value(.minPapersAtBoundaries, or: d.minPapersAtBoundaries)
        cellsBelowBoundary = try c.value(.cellsBelowBoundary, or: d.cellsBelowBoundary)
        minPeerPapers = try c.value(.minPeerPapers, or: d.minPeerPapers)
        minPeerSchools = try c.value(.minPeerSchools, or: d.minPeerSchools)
        peerLumpPValue = try c.value(.peerLumpPValue, or: d.peerLumpPValue)
        minPulledShare = try c.value(.minPulledShare, or: d.minPulledShare)
        maxPolynomialDegree = try c.value(.maxPolynomialDegree, or: d.maxPolynomialDegree)
        tiltPriorPrecision = try c.value(.tiltPriorPrecision, or: d.tiltPriorPrecision)
    }
}

/// Settings of the `JOURNAL` indicator (journal marks against VPR marks).
public struct JournalConfig: Hashable, Sendable, Codable {
    /// Fewest students with both marks for a unit to be tested.
    public var minStudents = 5
    /// Smallest excess of a share over the region's mean that matters (materiality), as a fraction.
    public var minShareExcess = 0.10
    /// Smallest excess of a unit's mean mark gap over the region's centre that matters (materiality), in marks:
    /// 0.2 is one student in five a whole mark apart.
    public var minGapExcess = 0.2

    public init() {}

    public init(from decoder: Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        let d = JournalConfig()
        minStudents = try c.value(.minStudents, or: d.minStudents)
        minShareExcess = try c.value(.minShareExcess, or: d.minShareExcess)
        minGapExcess = try c.value(.minGapExcess, or: d.minGapExcess)
    }
}

extension KeyedDecodingContainer {
    /// The decoded value for a key, or the default when the key is absent.
    func value<T: Decodable>(_ key: Key, or fallback: T) throws -> T {
        try decodeIfPresent(T.self, forKey: key) ?? fallback
    }
}
