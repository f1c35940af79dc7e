import XCTest
import VPRAnalysis

/// `releaseDetail`: what only a school's own report reads is dropped for the schools no report shows in detail.
final class AnalysisDetailTests: XCTestCase {
    static let full: Analysis = {
        var d = FixtureDistrict(seed: 41)
        d.addOrdinarySchools(30)
        d.addSchool("pull", students: 200, abilityMean: 0, classes: 3)
        d.pullBoundaries(school: "pull", rate: 0.8)
        return d.analyze(classTests: .everySchool)
    }()

    func testTheRiskGroupAndTheRequestedSchoolKeepEverything() throws {
        XCTAssertEqual(Self.full.riskGroup.map(\.school.id), ["pull"])
        var released = Self.full
        released.releaseDetail(keeping: ["s003"])
        for id in ["pull", "s003"] {
            XCTAssertEqual(released.tests(of: id), Self.full.tests(of: id), id)
        }
    }

    func testOtherSchoolsLoseExplanationsSeriesAndClassFiguresButKeepTheirSchoolFigures() throws {
        var released = Self.full
        released.releaseDetail()
        let before = Self.full.tests(of: "s007"), after = released.tests(of: "s007")
        XCTAssertEqual(before.count, after.count)
        XCTAssertTrue(before.contains { !$0.explanation.isEmpty && $0.scope == .classGroup })
        for (b, a) in zip(before, after) {
            XCTAssertEqual(a.explanation, "")
            XCTAssertTrue(a.series.isEmpty)
            XCTAssertEqual(a.figures.isEmpty, b.scope == .classGroup || b.figures.isEmpty, "\(b.code) \(b.scope)")
            // The decision and every number behind it are untouched.
            XCTAssertEqual(a.pValue, b.pValue)
            XCTAssertEqual(a.schoolAdjustedP, b.schoolAdjustedP)
            XCTAssertEqual(a.significant, b.significant)
        }
        XCTAssertEqual(released.schools.map(\.riskGroup), Self.full.schools.map(\.riskGroup))
    }
}
