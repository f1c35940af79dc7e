import Foundation
import VPRAnalysis
import VPRSampleData

/// The calibration study: generates districts with a known truth, runs the engine and the two crude rules
/// in use today on each, and counts false positives among honest schools (all, gymnasiums, tiny) and recall
/// among manipulating schools.
public struct CalibrationStudy: Sendable {
    public var districts: Int
    public var schoolsPerDistrict: Int
    public var firstSeed: UInt64
    /// Share of eligible schools that manipulate in a manipulation arm.
    public var manipulatedShare: Double
    /// When true tiny rural schools can be chosen to manipulate too (counted in their own column).
    public var includeTiny: Bool
    public var config: AnalysisConfig

    public init(districts: Int = 20, schoolsPerDistrict: Int = 40, firstSeed: UInt64 = 1000,
                manipulatedShare: Double = 0.15, includeTiny: Bool = false, config: AnalysisConfig = AnalysisConfig()) {
        self.districts = districts
        self.schoolsPerDistrict = schoolsPerDistrict
        self.firstSeed = firstSeed
        self.manipulatedShare = manipulatedShare
        self.includeTiny = includeTiny
        self.config = config
    }

    /// Every arm of the full study: honest, then every scheme at every strength.
    public static var allScenarios: [StudyScenario] {
        [.honest] + ManipulationScheme.allCases.flatMap { scheme in
            ManipulationStrength.allCases.map { StudyScenario(scheme: scheme, strength: $0) }
        }
    }

    /// Runs one arm over `districts` generated districts, two at a time.
    public func run(_ scenario: StudyScenario) -> StudyRow {
        let slots = StudySlots<StudyRow>(count: districts)
        DispatchQueue.concurrentPerform(iterations: districts) { i in
            slots.set(i, runDistrict(seed: firstSeed + UInt64(i), scenario: scenario))
        }
        return slots.values.reduce(StudyRow(scenario: scenario, units: 0, schoolsPerUnit: schoolsPerDistrict), +)
    }

    func runDistrict(seed: UInt64, scenario: StudyScenario) -> StudyRow {
        let generatorConfig: GeneratorConfig
        switch (scenario.scheme, scenario.strength) {
        case let (scheme?, strength?):
            generatorConfig = .calibrationRegion(seed: seed, schoolCount: schoolsPerDistrict, scheme: scheme,
                                                 strength: strength, manipulatedShare: manipulatedShare,
                                                 includeTiny: includeTiny)
        case let (nil, strength?):
            generatorConfig = .mixedCalibrationRegion(seed: seed, schoolCount: schoolsPerDistrict, strength: strength,
                                                      manipulatedShare: manipulatedShare, includeTiny: includeTiny)
        default:
            generatorConfig = .honest(seed: seed, schoolCount: schoolsPerDistrict)
        }
        let district = DistrictGenerator(config: generatorConfig).generate()
        let flagged = StudyDetectors.flaggedSchools(district.dataset, config: config)
        var row = StudyRow(scenario: scenario, units: 1, schoolsPerUnit: schoolsPerDistrict)
        for t in district.truth {
            if t.isHonest {
                row.honest += 1
                if t.kind.isAdvancedStudy { row.gymnasiums += 1 }
                if t.kind == .tinyRural { row.tiny += 1 }
            } else if t.kind == .tinyRural {
                row.manipulatedTiny += 1
            } else {
                row.manipulated += 1
            }
        }
        var participants: [String: Int] = [:]
        for r in district.dataset.results { participants[r.schoolID, default: 0] += 1 }
        let engine = flagged[.engine] ?? []
        for t in district.truth {
            guard let band = SizeBand.standard.first(where: { $0.contains(participants[t.schoolID] ?? 0) }) else { continue }
            var cell = row.bySize[band] ?? PowerCell()
            let hit = engine.contains(t.schoolID) ? 1 : 0
            if t.isHonest { cell.honest += 1; cell.honestFlagged += hit } else { cell.manipulated += 1; cell.manipulatedFlagged += hit }
            row.bySize[band] = cell
        }
        for t in district.truth where !t.isHonest && t.kind != .tinyRural {
            let hit = engine.contains(t.schoolID) ? 1 : 0
            for scheme in Set(t.manipulations.map(\.scheme)) {
                row.byScheme[scheme, default: PowerCell()].manipulated += 1
                row.byScheme[scheme, default: PowerCell()].manipulatedFlagged += hit
            }
        }
        for detector in StudyDetector.allCases {
            let ids = flagged[detector] ?? []
            var tally = DetectionTally()
            for t in district.truth where ids.contains(t.schoolID) {
                if t.isHonest {
                    tally.honest += 1
                    if t.kind.isAdvancedStudy { tally.gymnasiums += 1 }
                    if t.kind == .tinyRural { tally.tiny += 1 }
                } else if t.kind == .tinyRural {
                    tally.manipulatedTiny += 1
                } else {
                    tally.manipulated += 1
                }
            }
            row.flags[detector] = tally
        }
        return row
    }
}

/// Runs every detector of the study on one dataset.
public enum StudyDetectors {
    /// The schools each detector flags: the engine's risk group and the crude rules' flags.
    public static func flaggedSchools(_ dataset: Dataset, config: AnalysisConfig) -> [StudyDetector: Set<String>] {
        let analysis = Pipeline(config: config, classTests: .none).analyze(dataset)
        return [
            .engine: Set(analysis.riskGroup.map(\.school.id)),
            .marksShareScreen: MarksShareScreen().flaggedSchools(dataset),
            .rawInversion: RawInversionRule().flaggedSchools(dataset),
        ]
    }
}

extension SchoolKind {
    /// Gymnasiums and lyceums: legitimately high and smooth results.
    var isAdvancedStudy: Bool { self == .gymnasium || self == .lyceum }
}

/// Per-unit results filled in parallel, read back in seed order.
final class StudySlots<Value: Sendable>: @unchecked Sendable {
    private var rows: [Value?]
    private let lock = NSLock()
    init(count: Int) { rows = Array(repeating: nil, count: count) }
    func set(_ i: Int, _ row: Value) { lock.lock(); rows[i] = row; lock.unlock() }
    var values: [Value] { lock.lock(); defer { lock.unlock() }; return rows.compactMap { $0 } }
}
