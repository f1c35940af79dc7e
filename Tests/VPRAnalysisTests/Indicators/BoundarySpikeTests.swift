import XCTest
import VPRAnalysis

/// BOUNDARY: bunching at the lowest score of a mark against the school's own counterfactual.
final class BoundarySpikeTests: XCTestCase {
    func testAGymnasiumWithASmoothHighDistributionIsNotFlagged() {
        var d = FixtureDistrict(seed: 11)
        d.addOrdinarySchools(30)
        d.addSchool("gym", students: 120, abilityMean: 1.6, type: "гимназия")
        let a = d.analyze()
        let test = try! XCTUnwrap(a.test(.boundary, school: "gym"))
        XCTAssertTrue(test.eligible)
        XCTAssertGreaterThan(test.pValue, 0.01, "a smooth high distribution is not a spike: \(test.explanation)")
        XCTAssertFalse(a.assessment("gym")!.riskGroup)
    }

    func testAPlantedSpikeAtTheBoundariesIsFlagged() {
        var d = FixtureDistrict(seed: 12)
        d.addOrdinarySchools(30)
        d.addSchool("pull", students: 150, abilityMean: 0)
        d.pullBoundaries(school: "pull", rate: 0.6)
        let a = d.analyze()
        let test = try! XCTUnwrap(a.test(.boundary, school: "pull"))
        XCTAssertLessThan(test.pValue, 1e-4)
        XCTAssertGreaterThan(test.effectSize, 0.3, "the estimated pulled share is near the planted 60 %")
        XCTAssertTrue(a.assessment("pull")!.riskGroup)
        XCTAssertEqual(a.assessment("pull")!.indicators, [.boundary])
        XCTAssertEqual(a.assessment("pull")!.categories, [.vpr])
    }

    func testATinySchoolIsNeverFlaggedOnNoise() {
        var d = FixtureDistrict(seed: 13)
        d.addOrdinarySchools(30)
        d.addSchool("tiny", students: 6, abilityMean: 0)
        d.pullBoundaries(school: "tiny", rate: 1.0)
        let a = d.analyze()
        XCTAssertFalse(a.assessment("tiny")!.riskGroup, "six papers cannot show a spike at a 1 % error rate")
    }

    func testTheCounterfactualFollowsTheSchoolsOwnLevel() {
        var d = FixtureDistrict(seed: 14)
        d.addOrdinarySchools(20)
        d.addSchool("strong", students: 200, abilityMean: 1.5)
        d.addSchool("weak", students: 200, abilityMean: -1.2)
        let a = d.analyze()
        for id in ["strong", "weak"] {
            let t = a.test(.boundary, school: id)!
            let observed = t.series["observed"]!, expected = t.series["counterfactual"]!
            let meanObserved = zip(observed.indices, observed).reduce(0.0) { $0 + Double($1.0) * $1.1 } / observed.reduce(0, +)
            let meanExpected = zip(expected.indices, expected).reduce(0.0) { $0 + Double($1.0) * $1.1 } / expected.reduce(0, +)
            XCTAssertEqual(meanObserved, meanExpected, accuracy: 1.0, "\(id): the tilt matches the school's mean score")
        }
    }
}
