import Foundation
import VPRAnalysis
import VPRSampleData

/// A band of school size by participations (results of students on works, as `SchoolAssessment.participants`).
public struct SizeBand: Hashable, Sendable, Codable, Comparable {
    /// Inclusive lower bound.
    public var lower: Int
    /// Exclusive upper bound; nil = no upper bound.
    public var upper: Int?

    public init(lower: Int, upper: Int?) {
        self.lower = lower
        self.upper = upper
    }

    /// < 50, 50–149, 150–299, ≥ 300 participations.
    public static let standard = [SizeBand(lower: 0, upper: 50), SizeBand(lower: 50, upper: 150),
                                  SizeBand(lower: 150, upper: 300), SizeBand(lower: 300, upper: nil)]

    public func contains(_ n: Int) -> Bool { n >= lower && (upper.map { n < $0 } ?? true) }

    public var label: String {
        guard let upper else { return "≥ \(lower)" }
        return lower == 0 ? "< \(upper)" : "\(lower)–\(upper - 1)"
    }

    public static func < (a: SizeBand, b: SizeBand) -> Bool { a.lower < b.lower }
}

/// One arm of the power analysis: a scheme planted at an explicit rate (nil scheme = honest arm).
public struct PowerArm: Hashable, Sendable, Codable {
    public var scheme: ManipulationScheme?
    public var rate: Double
    /// The nominal strength (copying uses it for the number of classes; elsewhere a label).
    public var strength: ManipulationStrength

    public init(scheme: ManipulationScheme?, rate: Double, strength: ManipulationStrength = .moderate) {
        self.scheme = scheme
        self.rate = rate
        self.strength = strength
    }

    public static let honest = PowerArm(scheme: nil, rate: 0)

    /// The scheme at the rate its strength means.
    public static func at(_ scheme: ManipulationScheme, _ strength: ManipulationStrength) -> PowerArm {
        PowerArm(scheme: scheme, rate: strength.rate(for: scheme), strength: strength)
    }
}

/// Counts of one power arm in one size band.
public struct PowerCell: Hashable, Sendable, Codable {
    public var honest = 0, honestFlagged = 0
    public var manipulated = 0, manipulatedFlagged = 0

    public init() {}

    public var recall: Double { manipulated > 0 ? Double(manipulatedFlagged) / Double(manipulated) : .nan }

    static func + (a: PowerCell, b: PowerCell) -> PowerCell {
        var c = a
        c.honest += b.honest; c.honestFlagged += b.honestFlagged
        c.manipulated += b.manipulated; c.manipulatedFlagged += b.manipulatedFlagged
        return c
    }
}

/// The engine's results of one power arm, by size band.
public struct PowerRow: Hashable, Sendable, Codable {
    public var arm: PowerArm
    public var cells: [SizeBand: PowerCell]

    public init(arm: PowerArm, cells: [SizeBand: PowerCell] = [:]) {
        self.arm = arm
        self.cells = cells
    }

    public func cell(_ band: SizeBand) -> PowerCell { cells[band] ?? PowerCell() }

    static func + (a: PowerRow, b: PowerRow) -> PowerRow {
        var c = a
        for (band, cell) in b.cells { c.cells[band] = a.cell(band) + cell }
        return c
    }
}

/// The power analysis: where a scheme is statistically invisible. In every region the same schools, drawn
/// as `manipulatedShare` of each size band (tiny schools included), get one scheme at an explicit rate; the
/// engine's recall is counted by the band of the school's participations.
///
/// Sizes are known before planting because the honest part of a district does not depend on the plan
/// (`DistrictGenerator`): the honest district of the seed is generated once to count participations.
public struct PowerStudy: Sendable {
    public var regions: Int
    public var schoolsPerRegion: Int
    public var firstSeed: UInt64
    public var manipulatedShare: Double
    public var bands: [SizeBand]
    public var config: AnalysisConfig

    public init(regions: Int = 6, schoolsPerRegion: Int = 200, firstSeed: UInt64 = 1000, manipulatedShare: Double = 0.2,
                bands: [SizeBand] = SizeBand.standard, config: AnalysisConfig = AnalysisConfig()) {
        self.regions = regions
        self.schoolsPerRegion = schoolsPerRegion
        self.firstSeed = firstSeed
        self.manipulatedShare = manipulatedShare
        self.bands = bands
        self.config = config
    }

    /// Participations of every school of each region, by seed order (computed once, reused by every arm).
    public func sizes() -> [[String: Int]] {
        let slots = StudySlots<[String: Int]>(count: regions)
        DispatchQueue.concurrentPerform(iterations: regions) { i in
            let district = DistrictGenerator(config: .honest(seed: firstSeed + UInt64(i), schoolCount: schoolsPerRegion)).generate()
            var n: [String: Int] = [:]
            for t in district.truth { n[t.schoolID] = 0 }
            for r in district.dataset.results { n[r.schoolID, default: 0] += 1 }
            slots.set(i, n)
        }
        return slots.values
    }

    /// The schools that manipulate in a region: `manipulatedShare` of each band, the same for every arm.
    public func plantedSchools(seed: UInt64, sizes: [String: Int]) -> [String] {
        var chosen: [String] = []
        for band in bands {
            let ids = sizes.filter { band.contains($0.value) }.map(\.key).sorted()
            var rng = Xoshiro256StarStar(seed: seed, stream: ["power", StreamTag(band.lower)])
            chosen += rng.sample(ids, count: Int((Double(ids.count) * manipulatedShare).rounded()))
        }
        return chosen.sorted()
    }

    /// Runs one arm over every region, two at a time. `sizes` is `sizes()`, passed so arms share it.
    public func run(_ arm: PowerArm, sizes: [[String: Int]]) -> PowerRow {
        let slots = StudySlots<PowerRow>(count: regions)
        DispatchQueue.concurrentPerform(iterations: regions) { i in
            slots.set(i, runRegion(index: i, arm: arm, sizes: sizes[i]))
        }
        return slots.values.reduce(PowerRow(arm: arm), +)
    }

    func runRegion(index: Int, arm: PowerArm, sizes: [String: Int]) -> PowerRow {
        let seed = firstSeed + UInt64(index)
        var plan: [PlantedManipulation] = []
        if let scheme = arm.scheme {
            plan = plantedSchools(seed: seed, sizes: sizes).map {
                PlantedManipulation(schoolID: $0, scheme: scheme, strength: arm.strength, rate: arm.rate)
            }
        }
        let district = DistrictGenerator(config: GeneratorConfig(seed: seed, schoolCount: schoolsPerRegion,
                                                                 manipulations: plan)).generate()
        let flagged = Set(Pipeline(config: config, classTests: .none).analyze(district.dataset).riskGroup.map(\.school.id))
        var row = PowerRow(arm: arm)
        for t in district.truth {
            guard let band = bands.first(where: { $0.contains(sizes[t.schoolID] ?? 0) }) else { continue }
            var cell = row.cell(band)
            let hit = flagged.contains(t.schoolID) ? 1 : 0
            if t.isHonest { cell.honest += 1; cell.honestFlagged += hit } else { cell.manipulated += 1; cell.manipulatedFlagged += hit }
            row.cells[band] = cell
        }
        return row
    }

    /// The lowest rate whose recall is at least `target` in the band, or nil when none reaches it.
    public static func smallestDetectableRate(_ rows: [PowerRow], band: SizeBand, target: Double = 0.8) -> Double? {
        rows.filter { $0.cell(band).manipulated > 0 && $0.cell(band).recall >= target }.map(\.arm.rate).min()
    }
}
