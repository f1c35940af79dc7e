import XCTest
@testable import VPRAnalysis
import VPRSampleData

/// INVERSION: basic tasks worse and advanced/high tasks better than the region at the same total score.
final class InversionTests: XCTestCase {
    private func analyze(_ config: GeneratorConfig) -> [IndicatorTest] {
        let dataset = DistrictGenerator(config: config).generate().dataset
        return InversionOfLevels().evaluate(AnalysisContext(dataset: dataset, config: AnalysisConfig()))
    }

    private func schools(_ kind: SchoolKind, seed: UInt64, count: Int) -> [String] {
        DistrictGenerator.schoolKinds(seed: seed, schoolCount: count).filter { $0.kind == kind }.map(\.schoolID)
    }

    /// Conditioning on the total removes most of the lift of help, so INVERSION is corroborating evidence.
    /// Strong help (60 % of students) gives a pooled p of about 0,0013 with this seed; before the centre followed
    /// the school's level (help raises the level, and with it the contrast expected of the school) it was below
    /// 0,001.
    func testHelpDuringTheTestGivesASmallInversionPValue() {
        let seed: UInt64 = 31
        let target = schools(.city, seed: seed, count: 30)[0]
        let tests = analyze(GeneratorConfig(seed: seed, schoolCount: 30, manipulations: [
            PlantedManipulation(schoolID: target, scheme: .helpDuringTest, strength: .strong),
        ]))
        let own = tests.filter { $0.schoolID == target && $0.eligible }
        let pooled = own.first { $0.scope == .school }!
        XCTAssertLessThan(pooled.pValue, 0.003, pooled.explanation)
        XCTAssertTrue(pooled.material, pooled.explanation)
        let perWork = own.filter { $0.scope == .schoolWork }
        XCTAssertEqual(perWork.count, 6)
        XCTAssertGreaterThanOrEqual(perWork.filter { $0.pValue < 0.05 }.count, 2,
                                    perWork.map(\.explanation).joined(separator: "\n"))
        XCTAssertTrue(perWork.allSatisfy { $0.category == .vpr && $0.code == .inversion })
    }

    /// At the same total score, students of a strong school do the harder tasks a little better wherever those
    /// discriminate more; a school whose contrast is just that, for its level, is not inverted. Built in code:
    /// the region's contrasts rise with the level above the middle, and a strong school sits on that line; the
    /// weaker half keeps the flat centre.
    func testTheRegionsCentreFollowsTheSchoolsLevel() {
        let levels = (0..<40).map { 0.3 + 0.01 * Double($0) }
        let noise = (0..<40).map { 0.004 * sin(Double($0) * 1.7) }
        let contrasts = zip(levels, noise).map { 0.1 * max(0, $0 - 0.5) + $1 }
        func unit(_ i: Int, level: Double, contrast: Double) -> InversionOfLevels.Unit {
            InversionOfLevels.Unit(key: SchoolWorkKey(schoolID: "s\(i)", work: Work(year: 2025, subject: "Математика", grade: 5)),
                                   participants: 60, students: 60, basicResidual: -contrast / 2, harderResidual: contrast / 2,
                                   contrast: contrast, samplingVariance: 0.0001, observedBasicShare: 0.6,
                                   expectedBasicShare: 0.6, level: level)
        }
        let units = (0..<40).map { unit($0, level: levels[$0], contrast: contrasts[$0]) }
        let null = InversionOfLevels.regionNull(units, config: InversionConfig())
        XCTAssertEqual(null.slope, 0.1, accuracy: 0.01)
        // A strong school (level 0,75) with a contrast of 2,5 p. p. is what its level predicts …
        let strongCentre = null.intercept + null.slope * max(0, 0.75 - null.levelCentre)
        XCTAssertEqual(strongCentre, 0.025, accuracy: 0.003)
        XCTAssertEqual(null.intercept, 0, accuracy: 0.003, "a weak school is judged against the flat part")
        // … while one flat centre lies well below it.
        var flat = InversionConfig()
        flat.levelAdjusted = false
        let flatNull = InversionOfLevels.regionNull(units, config: flat)
        XCTAssertEqual(flatNull.slope, 0)
        XCTAssertLessThan(flatNull.intercept, 0.01)
    }

    func testAnHonestGymnasiumIsNotSignificant() {
        for seed: UInt64 in [32, 33, 34] {
            let tests = analyze(.honest(seed: seed, schoolCount: 40))
            for id in schools(.gymnasium, seed: seed, count: 40) + schools(.lyceum, seed: seed, count: 40) {
                for t in tests where t.schoolID == id && t.eligible {
                    XCTAssertGreaterThan(t.pValue, 0.01, t.explanation)
                }
            }
        }
    }

    func testPValuesAreCalibratedOnHonestDistricts() {
        var all: [Double] = []
        for seed: UInt64 in 41...46 {
            all += analyze(.honest(seed: seed, schoolCount: 40))
                .filter { $0.scope == .schoolWork && $0.eligible }.map(\.pValue)
        }
        let n = Double(all.count)
        let below01 = Double(all.filter { $0 < 0.01 }.count) / n
        let below001 = Double(all.filter { $0 < 0.001 }.count) / n
        let below05 = Double(all.filter { $0 < 0.05 }.count) / n
        print("INVERSION calibration: \(all.count) tests, p<0.05 \(below05), p<0.01 \(below01), p<0.001 \(below001)")
        XCTAssertGreaterThan(all.count, 1000)
        XCTAssertLessThanOrEqual(below01, 0.02)
        XCTAssertLessThanOrEqual(below001, 0.005)
    }

    func testWorksWithoutBothLevelsGiveNoTests() {
        var dataset = DistrictGenerator(config: .honest(seed: 35, schoolCount: 10)).generate().dataset
        for (work, spec) in dataset.works {
            var s = spec
            s.tasks = s.tasks.map { TaskSpec(id: $0.id, maxPoints: $0.maxPoints, level: .basic) }
            dataset.works[work] = s
        }
        XCTAssertTrue(InversionOfLevels().evaluate(AnalysisContext(dataset: dataset, config: AnalysisConfig())).isEmpty)
    }
}
