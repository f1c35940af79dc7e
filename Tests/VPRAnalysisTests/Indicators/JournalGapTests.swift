import XCTest
import VPRAnalysis

/// JOURNAL: shares lowered / confirmed / raised against the region's spread of schools.
final class JournalGapTests: XCTestCase {
    func testInflatedJournalMarksAreFlaggedAsInternal() {
        var d = FixtureDistrict(seed: 21)
        d.addOrdinarySchools(30)
        d.addSchool("inflated", students: 120, abilityMean: 0)
        d.inflateJournal(school: "inflated", rate: 0.6)
        let a = d.analyze()
        let t = a.test(.journal, school: "inflated", direction: "lowered")!
        XCTAssertLessThan(t.pValue, 1e-4, t.explanation)
        let s = a.assessment("inflated")!
        XCTAssertTrue(s.riskGroup)
        XCTAssertEqual(s.categories, [.internal])
    }

    func testAGenerousSchoolWithinTheRegionsSpreadIsNotFlagged() {
        var d = FixtureDistrict(seed: 22)
        d.addOrdinarySchools(30)
        d.addSchool("generous", students: 60, abilityMean: 0, generosity: 0.25)
        let a = d.analyze()
        XCTAssertFalse(a.assessment("generous")!.riskGroup)
    }

    func testNearTotalAgreementIsASignWhereTheRegionShowsScatter() {
        var d = FixtureDistrict(seed: 23)
        d.addOrdinarySchools(30)
        d.addSchool("bent", students: 90, abilityMean: 0)
        d.matchJournal(school: "bent", rate: 1.0)
        let a = d.analyze()
        let t = a.test(.journal, school: "bent", direction: "matched")!
        XCTAssertLessThan(t.pValue, 1e-4, t.explanation)
        XCTAssertEqual(a.assessment("bent")!.categories, [.vpr])
    }

    func testFiveOfFiveConfirmedMarksInATinySchoolAreNotEvidence() {
        var d = FixtureDistrict(seed: 24)
        d.addOrdinarySchools(30)
        d.addSchool("tiny", students: 5, abilityMean: 0)
        d.matchJournal(school: "tiny", rate: 1.0)
        let a = d.analyze()
        XCTAssertFalse(a.assessment("tiny")!.riskGroup)
    }

    func testClassesAreTestedForExplanationButDoNotDecide() {
        var d = FixtureDistrict(seed: 25)
        d.addOrdinarySchools(10)
        let classTests = d.analyze().tests.filter { $0.scope == .classGroup }
        XCTAssertFalse(classTests.isEmpty)
        XCTAssertTrue(classTests.allSatisfy { $0.qValue == nil && !$0.significant })
    }
}
