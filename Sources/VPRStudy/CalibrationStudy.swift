import Foundation
import VPRAnalysis
import VPRSampleData

/// The calibration study: generates districts with a known truth, runs the engine on each, and counts
/// false positives among honest schools (all, gymnasiums, tiny) and recall among manipulating schools.
public struct CalibrationStudy: Sendable {
    public var districts: Int
    public var schoolsPerDistrict: Int
    public var firstSeed: UInt64
    /// Share of eligible (non-tiny) schools that manipulate in a manipulation arm.
    public var manipulatedShare: Double
    public var config: AnalysisConfig

    public init(districts: Int = 20, schoolsPerDistrict: Int = 40, firstSeed: UInt64 = 1000,
                manipulatedShare: Double = 0.15, config: AnalysisConfig = AnalysisConfig()) {
        self.districts = districts
        self.schoolsPerDistrict = schoolsPerDistrict
        self.firstSeed = firstSeed
        self.manipulatedShare = manipulatedShare
        self.config = config
    }

    /// Runs one arm over `districts` generated districts, two at a time.
    public func run(_ scenario: StudyScenario) -> StudyRow {
        let slots = StudySlots(count: districts)
        DispatchQueue.concurrentPerform(iterations: districts) { i in
            slots.set(i, runDistrict(seed: firstSeed + UInt64(i), scenario: scenario))
        }
        return slots.values.reduce(StudyRow(scenario: scenario, units: 0, schoolsPerUnit: schoolsPerDistrict), +)
    }

    func runDistrict(seed: UInt64, scenario: StudyScenario) -> StudyRow {
        let generatorConfig: GeneratorConfig
        if let scheme = scenario.scheme, let strength = scenario.strength {
            generatorConfig = .calibrationRegion(seed: seed, schoolCount: schoolsPerDistrict, scheme: scheme,
                                                 strength: strength, manipulatedShare: manipulatedShare)
        } else {
            generatorConfig = .honest(seed: seed, schoolCount: schoolsPerDistrict)
        }
        let district = DistrictGenerator(config: generatorConfig).generate()
        let analysis = Pipeline(config: config).analyze(district.dataset)
        let flagged = Set(analysis.riskGroup.map(\.school.id))
        var row = StudyRow(scenario: scenario, units: 1, schoolsPerUnit: schoolsPerDistrict)
        for t in district.truth {
            let hit = flagged.contains(t.schoolID)
            let hitCount = hit ? 1 : 0
            if t.isHonest {
                row.honest += 1; row.honestFlagged += hitCount
                if t.kind == .gymnasium || t.kind == .lyceum { row.gymnasiums += 1; row.gymnasiumsFlagged += hitCount }
                if t.kind == .tinyRural { row.tiny += 1; row.tinyFlagged += hitCount }
            } else if t.kind == .tinyRural {
                row.manipulatedTiny += 1; row.manipulatedTinyFlagged += hitCount
            } else {
                row.manipulated += 1; row.manipulatedFlagged += hitCount
            }
        }
        return row
    }
}

/// Per-district results filled in parallel, read back in seed order.
final class StudySlots: @unchecked Sendable {
    private var rows: [StudyRow?]
    private let lock = NSLock()
    init(count: Int) { rows = Array(repeating: nil, count: count) }
    func set(_ i: Int, _ row: StudyRow) { lock.lock(); rows[i] = row; lock.unlock() }
    var values: [StudyRow] { lock.lock(); defer { lock.unlock() }; return rows.compactMap { $0 } }
}
