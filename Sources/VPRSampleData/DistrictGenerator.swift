import Foundation
import VPRAnalysis

/// Generates a district from a `GeneratorConfig`: honest results first, from a latent-ability
/// model, then the planted manipulations on top.
///
/// The honest part draws from streams keyed by school and cohort, and every manipulation from its own
/// stream, so `honest(seed: s, schoolCount: n)` and a manipulated config with the same seed and size
/// share every honest school row for row.
public struct DistrictGenerator: Sendable {
    public var config: GeneratorConfig

    public init(config: GeneratorConfig) { self.config = config }

    /// The schools of a district and their kinds, in id order («sch1001», «sch1002», …).
    /// Depends only on the seed and the count, so a manipulation plan can be made before generating.
    public static func schoolKinds(seed: UInt64, schoolCount: Int) -> [(schoolID: String, kind: SchoolKind)] {
        var kinds = SchoolDirectory.mix(max(1, schoolCount))
        var rng = Xoshiro256StarStar(seed: seed, stream: ["kinds"])
        rng.shuffle(&kinds)
        return kinds.enumerated().map { (schoolID: "sch\(1001 + $0.offset)", kind: $0.element) }
    }

    /// One call for `vpr-analyzer sample --seed N --out DIR`: generate the bundled-sample district
    /// (`GeneratorConfig.district(seed:)`) and write its folder, `truth.json` included unless told otherwise.
    @discardableResult
    public static func writeSample(seed: UInt64, to folder: URL, includeTruth: Bool = true) throws -> GeneratedDistrict {
        try writeSample(config: .district(seed: seed), to: folder, includeTruth: includeTruth)
    }

    /// Generates any config and writes its folder.
    @discardableResult
    public static func writeSample(config: GeneratorConfig, to folder: URL, includeTruth: Bool = true) throws -> GeneratedDistrict {
        let district = DistrictGenerator(config: config).generate()
        try district.write(to: folder, includeTruth: includeTruth)
        return district
    }

    public func generate() -> GeneratedDistrict {
        let kinds = Self.schoolKinds(seed: config.seed, schoolCount: config.schoolCount)
        let profiles = SchoolDirectory.profiles(seed: config.seed, kinds: kinds)
        let works = WorkCatalog.works(years: config.years)
        var models: [Work: WorkModel] = [:]
        for work in works { models[work] = WorkModel(work: work) }

        var codes = ParticipantCodes(seed: config.seed)
        var rows: [GeneratedRow] = []
        for profile in profiles {
            rows += CohortSimulator(seed: config.seed, profile: profile, years: config.years, models: models)
                .simulate(codes: &codes)
        }
        rows.sort { a, b in
            let ra = a.result, rb = b.result
            if ra.work != rb.work { return ra.work < rb.work }
            if ra.schoolID != rb.schoolID { return ra.schoolID < rb.schoolID }
            if ra.classLabel != rb.classLabel { return ra.classLabel < rb.classLabel }
            if ra.studentID.count != rb.studentID.count { return ra.studentID.count < rb.studentID.count }
            return ra.studentID < rb.studentID
        }
        var results: [StudentResult] = []
        var absentees: [StudentResult] = []
        results.reserveCapacity(rows.count)
        for (i, row) in rows.enumerated() {
            var r = row.result
            r.source = SourceLocation(file: "results.csv", line: i + 2)
            if row.absent { absentees.append(r) } else { results.append(r) }
        }

        // Planted manipulations, in plan order, each from its own stream.
        let known = Set(kinds.map(\.schoolID))
        let plan = config.manipulations.filter { known.contains($0.schoolID) }
        var groups: [String: [Work: [Int]]] = [:]
        for (i, r) in results.enumerated() { groups[r.schoolID, default: [:]][r.work, default: []].append(i) }
        for (n, m) in plan.enumerated() {
            let schoolGroups = groups[m.schoolID] ?? [:]
            for work in works where m.applies(to: work) {
                guard let indices = schoolGroups[work], let model = models[work] else { continue }
                let rng = Xoshiro256StarStar(seed: config.seed, stream: [
                    "manipulation", StreamTag(n), StreamTag(m.schoolID), StreamTag(m.scheme.rawValue),
                    StreamTag(work.year), StreamTag(work.subject), StreamTag(work.grade),
                ])
                var manipulator = Manipulator(spec: model.spec, rng: rng)
                manipulator.apply(m, to: &results, indices: indices)
            }
        }

        var dataset = Dataset()
        for work in works { dataset.works[work] = models[work]!.spec }
        for p in profiles { dataset.schools[p.id] = p.school }
        dataset.results = ResultTable(results)

        let truth = profiles.map { p in
            SchoolTruth(schoolID: p.id, kind: p.kind, manipulations: plan.filter { $0.schoolID == p.id })
        }.sorted { $0.schoolID < $1.schoolID }
        return GeneratedDistrict(dataset: dataset, truth: truth, absentees: absentees, config: config)
    }
}


/// A result row before line numbers are assigned; absent participants are kept for the export only.
struct GeneratedRow {
    var result: StudentResult
    var absent: Bool
}

/// Participant codes: numeric, increasing with small random gaps, unique within the district.
struct ParticipantCodes {
    private var rng: Xoshiro256StarStar
    private var next: Int

    init(seed: UInt64) {
        rng = Xoshiro256StarStar(seed: seed, stream: ["codes"])
        next = 10_001 + rng.int(in: 0...400)
    }

    mutating func make() -> String {
        defer { next += 1 + (rng.bernoulli(0.3) ? rng.int(in: 1...3) : 0) }
        return String(next)
    }
}
