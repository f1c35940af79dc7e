import XCTest
import VPRAnalysis

/// The risk decision: Holm within the school, BH across the run, materiality, and the 0–100 score.
final class RiskDecisionTests: XCTestCase {
    func testTheScoreIsFiftyExactlyAtTheSchoolsErrorRate() {
        XCTAssertEqual(RiskDecision.score(adjustedP: 0.01, alpha: 0.01), 50)
        XCTAssertEqual(RiskDecision.score(adjustedP: 1, alpha: 0.01), 0)
        XCTAssertEqual(RiskDecision.score(adjustedP: 1e-6, alpha: 0.01), 75)
        XCTAssertLessThan(RiskDecision.score(adjustedP: 0.02, alpha: 0.01), 50)
    }

    func testAnHonestDistrictHasNoRiskGroup() {
        var d = FixtureDistrict(seed: 31)
        d.addOrdinarySchools(40)
        let a = d.analyze()
        XCTAssertEqual(a.riskGroup.map(\.school.id), [])
        XCTAssertTrue(a.schools.allSatisfy { $0.riskScore < 50 })
    }

    func testTheListIsSortedByScoreThenId() {
        var d = FixtureDistrict(seed: 32)
        d.addOrdinarySchools(20)
        d.addSchool("zz-pull", students: 150, abilityMean: 0)
        d.pullBoundaries(school: "zz-pull", rate: 0.8)
        let a = d.analyze()
        XCTAssertEqual(a.schools.first?.school.id, "zz-pull")
        for (x, y) in zip(a.schools, a.schools.dropFirst()) {
            XCTAssertTrue(x.riskScore > y.riskScore || (x.riskScore == y.riskScore && x.school.id < y.school.id))
        }
    }

    func testAnImmaterialEffectNeverFlags() {
        var d = FixtureDistrict(seed: 33)
        d.addOrdinarySchools(20)
        d.addSchool("pull", students: 150, abilityMean: 0)
        d.pullBoundaries(school: "pull", rate: 0.8)
        var config = AnalysisConfig()
        config.boundary.minPulledShare = 0.99
        XCTAssertFalse(d.analyze(config).assessment("pull")!.riskGroup)
    }

    func testAConfigFileOverridesOnlyTheKeysItNames() throws {
        let json = #"{"decision": {"schoolFalsePositiveRate": 0.001}}"#
        let config = try JSONDecoder().decode(AnalysisConfig.self, from: Data(json.utf8))
        XCTAssertEqual(config.decision.schoolFalsePositiveRate, 0.001)
        XCTAssertEqual(config.decision.falseDiscoveryRate, AnalysisConfig.defaults.decision.falseDiscoveryRate)
        XCTAssertEqual(config.boundary, AnalysisConfig.defaults.boundary)
    }
}
