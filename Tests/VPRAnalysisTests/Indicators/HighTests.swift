import XCTest
import VPRAnalysis
import VPRSampleData

/// HIGH: results far above the region on funnel plots against school size, gymnasiums judged against their peers.
final class HighTests: XCTestCase {
    private func analyze(_ config: GeneratorConfig) -> [IndicatorTest] {
        let dataset = DistrictGenerator(config: config).generate().dataset
        return HighAboveRegion().evaluate(AnalysisContext(dataset: dataset, config: AnalysisConfig()))
    }

    private func schools(_ kinds: Set<SchoolKind>, seed: UInt64, count: Int) -> [String] {
        DistrictGenerator.schoolKinds(seed: seed, schoolCount: count).filter { kinds.contains($0.kind) }.map(\.schoolID)
    }

    func testAnOrdinaryHonestSchoolIsWithinTheFunnelLimits() {
        let seed: UInt64 = 51
        let tests = analyze(.honest(seed: seed, schoolCount: 40))
        let city = schools([.city], seed: seed, count: 40)[0]
        let own = tests.filter { $0.schoolID == city && $0.eligible }
        XCTAssertEqual(own.filter { $0.scope == .schoolWork }.count, 12)
        for t in own {
            XCTAssertGreaterThan(t.pValue, 0.01, t.explanation)
            if t.scope == .schoolWork {
                XCTAssertLessThanOrEqual(t.figure("school_value")!, t.figure("limit_998")!, t.explanation)
                XCTAssertEqual(t.figure("advanced_study_shift"), 0)
            }
        }
    }

    func testOrdinarySchoolsAreRarelyAboveTheLimitsOnHonestDistricts() {
        var ps: [Double] = []
        for seed: UInt64 in 52...54 {
            let tests = analyze(.honest(seed: seed, schoolCount: 40))
            let ordinary = Set(schools([.city, .rural, .tinyRural, .weak], seed: seed, count: 40))
            ps += tests.filter { $0.scope == .schoolWork && $0.eligible && ordinary.contains($0.schoolID) }.map(\.pValue)
        }
        let below01 = Double(ps.filter { $0 < 0.01 }.count) / Double(ps.count)
        print("HIGH calibration: \(ps.count) tests, p<0.01 \(below01), p<0.001 \(Double(ps.filter { $0 < 0.001 }.count) / Double(ps.count))")
        XCTAssertLessThanOrEqual(below01, 0.03)
    }

    func testAGymnasiumWithoutEnoughPeersIsNotTested() {
        let seed: UInt64 = 55
        let tests = analyze(.honest(seed: seed, schoolCount: 40))
        let gymnasium = schools([.gymnasium], seed: seed, count: 40)[0]
        let own = tests.filter { $0.schoolID == gymnasium }
        XCTAssertFalse(own.isEmpty)
        XCTAssertTrue(own.allSatisfy { !$0.eligible && $0.pValue == 1 })
        XCTAssertTrue(own.first!.explanation.contains("гимназий и лицеев"), own.first!.explanation)
    }

    func testAGymnasiumIsComparedWithTheShiftedTargetOfItsPeers() {
        let seed: UInt64 = 56
        let tests = analyze(.honest(seed: seed, schoolCount: 120))
        let advanced = schools([.gymnasium, .lyceum], seed: seed, count: 120)
        XCTAssertGreaterThanOrEqual(advanced.count, 4)
        let ordinaryTarget = tests.first { $0.eligible && $0.figure("advanced_study") == 0 && $0.direction == "meanScore" }!
        for id in advanced {
            for t in tests where t.schoolID == id && t.eligible {
                XCTAssertGreaterThan(t.pValue, 0.001, t.explanation)
                guard t.scope == .schoolWork else { continue }
                XCTAssertGreaterThan(t.figure("advanced_study_shift")!, 0, t.explanation)
                XCTAssertTrue(t.explanation.contains("поправкой на преимущество гимназий"), t.explanation)
                if t.direction == "meanScore" && t.work == ordinaryTarget.work {
                    XCTAssertGreaterThan(t.figure("region_target")!, ordinaryTarget.figure("region_target")! + 0.3)
                }
            }
        }
    }

    func testHelpDuringTheTestPutsAnOrdinarySchoolAboveTheRegion() {
        let seed: UInt64 = 57
        let target = schools([.city], seed: seed, count: 30)[0]
        let tests = analyze(GeneratorConfig(seed: seed, schoolCount: 30, manipulations: [
            PlantedManipulation(schoolID: target, scheme: .helpDuringTest, strength: .strong),
        ]))
        let pooled = tests.first { $0.schoolID == target && $0.scope == .school && $0.direction == "meanScore" }!
        XCTAssertLessThan(pooled.pValue, 0.01, pooled.explanation)
        XCTAssertTrue(pooled.material, pooled.explanation)
    }
}
