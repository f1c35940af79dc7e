import XCTest
import VPRAnalysis
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

    /// Moderate help (40 % of students) gives a pooled p of about 0,006 with this seed: conditioning on the
    /// total removes most of the lift, so INVERSION is corroborating evidence; strong help is caught clearly.
    func testHelpDuringTheTestGivesASmallInversionPValue() {
        let seed: UInt64 = 31
        let target = schools(.city, seed: seed, count: 30)[0]
        let tests = analyze(GeneratorConfig(seed: seed, schoolCount: 30, manipulations: [
            PlantedManipulation(schoolID: target, scheme: .helpDuringTest, strength: .strong),
        ]))
        let own = tests.filter { $0.schoolID == target && $0.eligible }
        let pooled = own.first { $0.scope == .school }!
        XCTAssertLessThan(pooled.pValue, 1e-3, pooled.explanation)
        XCTAssertTrue(pooled.material, pooled.explanation)
        let perWork = own.filter { $0.scope == .schoolWork }
        XCTAssertEqual(perWork.count, 6)
        XCTAssertGreaterThanOrEqual(perWork.filter { $0.pValue < 0.05 }.count, 2,
                                    perWork.map(\.explanation).joined(separator: "\n"))
        XCTAssertTrue(perWork.allSatisfy { $0.category == .vpr && $0.code == .inversion })
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
