import XCTest
import VPRAnalysis

/// JOURNAL: shares lowered / confirmed / raised against the region's spread of schools.
final class JournalGapTests: XCTestCase {
    func testJournalMarksInflatedAcrossTheSchoolStandOutAsInternal() {
        var d = FixtureDistrict(seed: 21)
        d.addOrdinarySchools(30)
        d.addSchool("inflated", students: 200, abilityMean: 0, classes: 3)
        d.inflateJournal(school: "inflated", rate: 0.95)
        let a = d.analyze()
        let t = a.test(.journal, school: "inflated", direction: "lowered")!
        XCTAssertLessThan(t.pValue, 0.005, t.explanation)
        XCTAssertEqual(t.category, .internal)
        XCTAssertEqual(a.schools.first?.school.id, "inflated", "the inflated school heads the list")
    }

    func testSchoolsInflatingEveryJournalMarkInOneWorkEnterTheRiskGroup() {
        // One work only: the whole-school mark shift (about ¾ of a mark) is judged against the honest spread of
        // term-mark generosity between the district's schools, and the list's FDR across 63 schools.
        var d = FixtureDistrict(seed: 27)
        d.addOrdinarySchools(60)
        for id in ["inflated1", "inflated2", "inflated3"] {
            d.addSchool(id, students: 150, abilityMean: 0, classes: 3)
            d.inflateJournal(school: id, rate: 1.0)
        }
        let a = d.analyze()
        XCTAssertEqual(a.riskGroup.map(\.school.id).sorted(), ["inflated1", "inflated2", "inflated3"])
        XCTAssertTrue(a.riskGroup.allSatisfy { $0.categories == [.internal] })
    }

    func testAModestInflationInsideTheRegionsSpreadIsNotEnoughToFlag() {
        // Schools differ in how generous their term marks are; a third of pupils one mark higher stays inside that spread.
        var d = FixtureDistrict(seed: 26)
        d.addOrdinarySchools(30)
        d.addSchool("mild", students: 60, abilityMean: 0)
        d.inflateJournal(school: "mild", rate: 0.3)
        XCTAssertFalse(d.analyze().assessment("mild")!.riskGroup)
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
        let classTests = d.analyze(classTests: .everySchool).classTests
        XCTAssertFalse(classTests.isEmpty)
        XCTAssertTrue(classTests.allSatisfy { $0.qValue == nil && !$0.significant })
    }

    func testTheMarkGapSeesAnInflationMoreClearlyThanTheShareLowered() {
        // A one-mark rise for most students also turns "raised" into "confirmed": the gap counts both.
        var d = FixtureDistrict(seed: 31)
        d.addOrdinarySchools(40)
        d.addSchool("inflated", students: 150, abilityMean: 0, classes: 3)
        d.inflateJournal(school: "inflated", rate: 0.7)
        let t = d.analyze().test(.journal, school: "inflated", direction: "lowered")!
        let shareP = try! XCTUnwrap(t.figure("share_p_value"))
        XCTAssertLessThan(t.pValue, shareP, t.explanation)
        XCTAssertLessThan(t.pValue, 1e-4, t.explanation)
        XCTAssertGreaterThan(t.effectSize, 0.4, "about 0.6 of a mark above the usual gap")
    }

    func testManipulatingSchoolsDoNotWidenTheHonestSpreadOfTheGap() {
        func spread(inflated: Int) -> Double {
            var d = FixtureDistrict(seed: 32)
            d.addOrdinarySchools(40)
            for i in 0..<inflated {
                d.addSchool("inflated\(i)", students: 60, abilityMean: 0)
                d.inflateJournal(school: "inflated\(i)", rate: 1.0)
            }
            return d.analyze().test(.journal, school: "s000", direction: "lowered")!.figure("region_school_gap_sd")!
        }
        let honest = spread(inflated: 0), contaminated = spread(inflated: 6)
        XCTAssertLessThan(contaminated, honest * 1.35, "six inflating schools of 46 barely move the median-based spread")
    }

    func testAStrictSchoolWithinTheRegionsSpreadIsNotFlaggedForRaisedMarks() {
        var d = FixtureDistrict(seed: 33)
        d.addOrdinarySchools(30)
        d.addSchool("strict", students: 120, abilityMean: 1.0, generosity: -0.3, type: "гимназия", classes: 2)
        XCTAssertFalse(d.analyze().assessment("strict")!.riskGroup)
    }

    func testAVeryStrongHonestSchoolWhoseMarksAgreeAtTheTopIsNotTakenForBentMarks() {
        // Almost every pupil far above the boundary of a 5 gets a 5 in both: agreement is what a strong school
        // shows, so the expected share confirmed rises with the school's level at mark 5 (and falls at 2).
        var d = FixtureDistrict(seed: 34)
        d.addOrdinarySchools(40)
        d.addSchool("top", students: 120, abilityMean: 2.6, type: "гимназия", classes: 2)
        assertNoJournalSign("top", in: d.analyze())
    }

    func testAVeryWeakHonestSchoolAtTheFloorOfBothScalesIsNotFlaggedEitherWay() {
        // Most pupils get a 2 in both; neither mark can go lower, so the expected gap must not be extrapolated
        // below the floor of the scale.
        var d = FixtureDistrict(seed: 35)
        d.addOrdinarySchools(40)
        d.addSchool("floor", students: 120, abilityMean: -2.6, classes: 2)
        assertNoJournalSign("floor", in: d.analyze())
    }

    /// None of the school's three JOURNAL signs reaches p ≤ 0.01, and the school stays off the list.
    func assertNoJournalSign(_ school: String, in a: Analysis, file: StaticString = #filePath, line: UInt = #line) {
        for direction in ["lowered", "raised", "matched"] {
            let t = a.test(.journal, school: school, direction: direction)!
            XCTAssertGreaterThan(t.pValue, 0.01, t.explanation, file: file, line: line)
        }
        XCTAssertFalse(a.assessment(school)!.riskGroup, file: file, line: line)
    }
}

