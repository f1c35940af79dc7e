import VPRAnalysis

/// A way a school can make its results non-objective; applied to honestly generated data.
public enum ManipulationScheme: String, Sendable, Codable, CaseIterable {
    /// The marker adds points to papers 1–2 points below a mark boundary (the minimum score of mark 3, 4 or 5),
    /// lifting them exactly to the boundary. `rate` = share of such borderline papers pulled.
    case boundaryPulling
    /// Term (journal) marks raised by 1 (sometimes 2, capped at 5) for a `rate` share of students whose honest mark is below 5.
    case inflatedJournal
    /// Help during the test: for a `rate` share of students every failed or partly failed task, hard ones included,
    /// is raised to full marks with probability 0.5. VPR marks rise above journal marks.
    case helpDuringTest
    /// Dictated answers: in one class (two when strong) a group of `rate` students (a count, not a share)
    /// get the task-score vector of one source student; about a third of the copies differ by one point on one task.
    case copying
    /// The VPR score is moved to the nearest score inside the journal mark's band, for a `rate` share of students.
    case bentToJournal
}

/// How hard a school manipulates; each strength means a documented rate per scheme (see `rate(for:)`).
public enum ManipulationStrength: String, Sendable, Codable, CaseIterable {
    case weak, moderate, strong

    /// The rate this strength means for a scheme.
    ///
    /// | scheme | weak | moderate | strong | meaning of the rate |
    /// |---|---|---|---|---|
    /// | boundaryPulling | 0.2 | 0.4 | 0.7 | share of papers 1–2 points below a boundary lifted to it (moderate = Dee et al. 2019) |
    /// | inflatedJournal | 0.4 | 0.7 | 0.95 | share of students with journal mark < 5 whose mark is raised (inflation is a habit of the class, not of a few pupils) |
    /// | helpDuringTest | 0.2 | 0.4 | 0.6 | share of students helped |
    /// | copying | 3 | 5 | 8 | group size per class (one class; two classes when strong) |
    /// | bentToJournal | 0.3 | 0.6 | 0.9 | share of students whose score is moved into the journal mark's band |
    public func rate(for scheme: ManipulationScheme) -> Double {
        switch (scheme, self) {
        case (.boundaryPulling, .weak): return 0.2
        case (.boundaryPulling, .moderate): return 0.4
        case (.boundaryPulling, .strong): return 0.7
        case (.inflatedJournal, .weak): return 0.4
        case (.inflatedJournal, .moderate): return 0.7
        case (.inflatedJournal, .strong): return 0.95
        case (.helpDuringTest, .weak): return 0.2
        case (.helpDuringTest, .moderate): return 0.4
        case (.helpDuringTest, .strong): return 0.6
        case (.copying, .weak): return 3
        case (.copying, .moderate): return 5
        case (.copying, .strong): return 8
        case (.bentToJournal, .weak): return 0.3
        case (.bentToJournal, .moderate): return 0.6
        case (.bentToJournal, .strong): return 0.9
        }
    }
}

/// One manipulation planted in one school: the ground truth the calibration study scores against.
public struct PlantedManipulation: Sendable, Codable, Hashable {
    public var schoolID: String
    public var scheme: ManipulationScheme
    public var strength: ManipulationStrength
    /// The rate actually applied (a share, or the group size for `.copying`); defaults to `strength.rate(for: scheme)`.
    public var rate: Double
    /// The works manipulated; nil = all works of the school.
    public var works: [Work]?

    public init(schoolID: String, scheme: ManipulationScheme, strength: ManipulationStrength,
                rate: Double? = nil, works: [Work]? = nil) {
        self.schoolID = schoolID
        self.scheme = scheme
        self.strength = strength
        self.rate = rate ?? strength.rate(for: scheme)
        self.works = works
    }

    /// True when this manipulation touches the work.
    public func applies(to work: Work) -> Bool { works?.contains(work) ?? true }
}

/// The kind of a generated school: decides its size, its mean ability and its name.
public enum SchoolKind: String, Sendable, Codable, CaseIterable {
    /// Town school (СОШ), 2–4 classes per grade of 20–28 students.
    case city
    /// Village school (СОШ/ООШ), one class of 8–20 per grade.
    case rural
    /// Small village school (ООШ), 3–10 students per work.
    case tinyRural
    /// Gymnasium: high (+0.8…+1.2 SD) and smooth results, legitimately.
    case gymnasium
    /// Lyceum: as a gymnasium.
    case lyceum
    /// A school serving a disadvantaged area: mean ability −0.8 SD.
    case weak
}

/// What the generator knows about a school and the analyzer must discover.
public struct SchoolTruth: Sendable, Codable, Hashable {
    public var schoolID: String
    public var kind: SchoolKind
    /// Empty for an honest school.
    public var manipulations: [PlantedManipulation]

    public init(schoolID: String, kind: SchoolKind, manipulations: [PlantedManipulation]) {
        self.schoolID = schoolID
        self.kind = kind
        self.manipulations = manipulations
    }

    public var isHonest: Bool { manipulations.isEmpty }
}
