import VPRAnalysis

/// Everything that decides a generated district: the seed, its size, its years and the manipulation plan.
/// Two equal configs give byte-identical districts on every platform.
public struct GeneratorConfig: Sendable, Codable, Hashable {
    public var seed: UInt64
    /// Number of schools (default 40). The mix of kinds scales with it (see `DistrictGenerator.schoolKinds`).
    public var schoolCount: Int
    /// Years of administration (default [2025]). With several years the same schools persist and
    /// class groups move up a grade with mostly the same students («4А» in 2024 is «5А» in 2025).
    public var years: [Int]
    /// The explicit plan of planted manipulations. Manipulations naming a school that does not exist are ignored.
    public var manipulations: [PlantedManipulation]

    /// A district with the default plan of a few planted schools (see `defaultPlan`) unless `manipulations` is given.
    public init(seed: UInt64, schoolCount: Int = 40, years: [Int] = [2025], manipulations: [PlantedManipulation]? = nil) {
        self.seed = seed
        self.schoolCount = max(1, schoolCount)
        self.years = Array(Set(years.isEmpty ? [2025] : years)).sorted()
        self.manipulations = manipulations
            ?? GeneratorConfig.defaultPlan(seed: seed, schoolCount: self.schoolCount, years: self.years)
    }

    /// The bundled-sample config: 40 schools in 2025, five planted schools (see `defaultPlan`).
    public static func district(seed: UInt64) -> GeneratorConfig {
        GeneratorConfig(seed: seed)
    }

    /// The same district with no manipulation at all: every school honest.
    /// `honest(seed: s, schoolCount: 40)` is `district(seed: s)` before anything is planted.
    public static func honest(seed: UInt64, schoolCount: Int, years: [Int] = [2025]) -> GeneratorConfig {
        GeneratorConfig(seed: seed, schoolCount: schoolCount, years: years, manipulations: [])
    }

    /// A region for the calibration study: `manipulatedShare` of the eligible schools (chosen at random)
    /// get one scheme at one strength on all their works. Eligible are all schools except tiny rural ones,
    /// unless `includeTiny` is true; `truth` records each school's kind so the study can separate them.
    public static func calibrationRegion(seed: UInt64, schoolCount: Int, scheme: ManipulationScheme,
                                         strength: ManipulationStrength, manipulatedShare: Double,
                                         includeTiny: Bool = false, years: [Int] = [2025]) -> GeneratorConfig {
        var rng = Xoshiro256StarStar(seed: seed, stream: ["calibration", StreamTag(scheme.rawValue), StreamTag(strength.rawValue)])
        let chosen = chooseManipulating(seed: seed, schoolCount: schoolCount, share: manipulatedShare,
                                        includeTiny: includeTiny, rng: &rng)
        let plan = chosen.map { PlantedManipulation(schoolID: $0, scheme: scheme, strength: strength) }
        return GeneratorConfig(seed: seed, schoolCount: schoolCount, years: years, manipulations: plan)
    }

    /// A region where the manipulating schools do not all do the same: each of them (chosen as in
    /// `calibrationRegion`) gets one scheme drawn at random from all five, at the given strength, as in a real
    /// region where one school pulls papers over a boundary and another helps during the test.
    public static func mixedCalibrationRegion(seed: UInt64, schoolCount: Int, strength: ManipulationStrength,
                                              manipulatedShare: Double, includeTiny: Bool = false,
                                              years: [Int] = [2025]) -> GeneratorConfig {
        var rng = Xoshiro256StarStar(seed: seed, stream: ["calibration", "mixed", StreamTag(strength.rawValue)])
        let chosen = chooseManipulating(seed: seed, schoolCount: schoolCount, share: manipulatedShare,
                                        includeTiny: includeTiny, rng: &rng)
        let schemes = ManipulationScheme.allCases
        let plan = chosen.map {
            PlantedManipulation(schoolID: $0, scheme: rng.pick(schemes), strength: strength)
        }
        return GeneratorConfig(seed: seed, schoolCount: schoolCount, years: years, manipulations: plan)
    }

    /// `share` of the eligible schools (all but tiny rural ones unless `includeTiny`), chosen at random, sorted.
    static func chooseManipulating(seed: UInt64, schoolCount: Int, share: Double, includeTiny: Bool,
                                   rng: inout Xoshiro256StarStar) -> [String] {
        let kinds = DistrictGenerator.schoolKinds(seed: seed, schoolCount: schoolCount)
        let eligible = kinds.filter { includeTiny || $0.kind != .tinyRural }.map(\.schoolID)
        let count = Int((Double(eligible.count) * min(max(share, 0), 1)).rounded())
        return rng.sample(eligible, count: count).sorted()
    }

    /// The default plan: five city or rural schools (never a gymnasium, lyceum, weak or tiny school), chosen by the seed:
    /// 1. boundaryPulling, moderate, all works;
    /// 2. inflatedJournal, strong, all works (a moderate inflation hides inside the honest spread of term-mark
    ///    generosity; see docs/calibration.md);
    /// 3. helpDuringTest, strong, the Математика works;
    /// 4. combined: boundaryPulling strong + bentToJournal moderate, all works;
    /// 5. copying, moderate, all works.
    /// Smaller districts get fewer planted schools (about one in eight, at least one when there are candidates).
    public static func defaultPlan(seed: UInt64, schoolCount: Int, years: [Int]) -> [PlantedManipulation] {
        let kinds = DistrictGenerator.schoolKinds(seed: seed, schoolCount: schoolCount)
        let candidates = kinds.filter { $0.kind == .city || $0.kind == .rural }.map(\.schoolID)
        guard !candidates.isEmpty else { return [] }
        var rng = Xoshiro256StarStar(seed: seed, stream: ["default-plan"])
        let wanted = min(5, max(1, schoolCount / 8), candidates.count)
        let chosen = rng.sample(candidates, count: wanted)
        let maths = WorkCatalog.works(years: years).filter { $0.subject == "Математика" }
        var plan: [PlantedManipulation] = []
        for (i, id) in chosen.enumerated() {
            switch i {
            case 0: plan.append(PlantedManipulation(schoolID: id, scheme: .boundaryPulling, strength: .moderate))
            case 1: plan.append(PlantedManipulation(schoolID: id, scheme: .inflatedJournal, strength: .strong))
            case 2: plan.append(PlantedManipulation(schoolID: id, scheme: .helpDuringTest, strength: .strong, works: maths))
            case 3:
                plan.append(PlantedManipulation(schoolID: id, scheme: .boundaryPulling, strength: .strong))
                plan.append(PlantedManipulation(schoolID: id, scheme: .bentToJournal, strength: .moderate))
            default: plan.append(PlantedManipulation(schoolID: id, scheme: .copying, strength: .moderate))
            }
        }
        return plan
    }
}
