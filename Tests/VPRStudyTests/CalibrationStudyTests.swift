import XCTest
import VPRAnalysis
import VPRSampleData
@testable import VPRStudy

/// The calibration study in miniature: four generated districts of 40 schools with fixed seeds, honest and with
/// boundary pulling at moderate strength, the engine beside the two crude rules. The full study is
/// `scripts/calibration.sh` (docs/calibration.md); these seeds only pin its main claims so a change that
/// breaks them fails here.
final class CalibrationStudyTests: XCTestCase {
    /// Seeds 1000…1003, as the first districts of the full study.
    static let study = CalibrationStudy(districts: 4, schoolsPerDistrict: 40, firstSeed: 1000)
    static let honest = study.run(.honest)
    /// A larger share of manipulating schools (30 % of 136 non-tiny schools = 40) so the recall is measured
    /// on more than a handful of schools.
    static let boundary: StudyRow = {
        var s = study
        s.manipulatedShare = 0.3
        return s.run(StudyScenario(scheme: .boundaryPulling, strength: .moderate))
    }()

    func testAtMostOnePercentOfHonestSchoolsAreFlagged() {
        let row = Self.honest
        XCTAssertEqual(row.honest, 160)
        XCTAssertLessThanOrEqual(Double(row.honestFlagged), 0.01 * Double(row.honest),
                                 "\(row.honestFlagged) of \(row.honest) honest schools flagged")
        XCTAssertLessThanOrEqual(Double(Self.boundary.honestFlagged), 0.01 * Double(Self.boundary.honest))
    }

    func testNoHonestGymnasiumOrLyceumIsFlagged() {
        XCTAssertGreaterThan(Self.honest.gymnasiums, 0)
        XCTAssertEqual(Self.honest.gymnasiumsFlagged, 0)
        XCTAssertEqual(Self.boundary.gymnasiumsFlagged, 0)
    }

    /// The target — four in five schools pulling a moderate share of borderline papers found — holds for schools
    /// of 150 participations and more. Over all non-tiny schools it is NOT met: single-class rural schools
    /// (50–149 participations) have too few papers next to the boundaries (docs/calibration.md, power analysis);
    /// on these seeds 30 of 40 (75 %), over the full study's 20 districts 77 %. The overall bound pins that level.
    func testBoundaryPullingAtModerateStrengthIsFoundInFourLargeSchoolsOfFive() {
        let row = Self.boundary
        XCTAssertEqual(row.manipulated, 40)
        XCTAssertEqual(row.manipulatedTiny, 0, "tiny schools are not planted unless includeTiny")
        let large = SizeBand.standard.filter { $0.lower >= 150 }.reduce(PowerCell()) { $0 + (row.bySize[$1] ?? PowerCell()) }
        XCTAssertGreaterThanOrEqual(large.manipulated, 20)
        XCTAssertGreaterThanOrEqual(large.recall, 0.8, "\(large.manipulatedFlagged) of \(large.manipulated) large schools found")
        XCTAssertGreaterThanOrEqual(row.recall(), 0.7, "\(row.manipulatedFlagged) of \(row.manipulated) found")
    }

    func testTheSharesOfMarksScreenFlagsHonestGymnasiumsAndFarMoreHonestSchoolsThanTheEngine() {
        let row = Self.honest
        let screen = row.tally(.marksShareScreen)
        // On these seeds the screen flags every honest gymnasium and lyceum (they are high and smooth by design)
        // and about half of all honest schools; the engine flags at most one.
        XCTAssertEqual(screen.gymnasiums, row.gymnasiums)
        XCTAssertGreaterThan(screen.honest, 10 * max(row.honestFlagged, 1))
        XCTAssertGreaterThan(row.falsePositiveRate(.marksShareScreen), 0.3)
    }

    func testTheRawInversionComparisonFlagsAThirdOfHonestSchoolsButNoGymnasium() {
        let row = Self.honest
        let raw = row.tally(.rawInversion)
        // Without a test, about half of the schools of any level fall below the region on basic tasks and above
        // it on hard ones on some work by chance; gymnasiums are above on both, so never inverted.
        XCTAssertGreaterThan(row.falsePositiveRate(.rawInversion), 0.2)
        XCTAssertGreaterThan(raw.honest, 10 * max(row.honestFlagged, 1))
        XCTAssertEqual(raw.gymnasiums, 0)
    }

    func testTheEngineFindsMoreBoundaryPullingThanEitherCrudeRule() {
        let row = Self.boundary
        XCTAssertGreaterThan(row.recall(.engine), row.recall(.marksShareScreen))
        XCTAssertGreaterThan(row.recall(.engine), row.recall(.rawInversion))
    }

    /// Mixed districts, where each manipulating school has its own scheme: the error rate on honest schools is
    /// the same bound, and the per-scheme counts add up to the arm's recall.
    func testAMixedArmKeepsTheErrorRateAndCountsRecallPerScheme() {
        var s = Self.study
        s.manipulatedShare = 0.3
        let row = s.run(.mixed(.strong))
        XCTAssertTrue(row.scenario.isMixed)
        XCTAssertEqual(row.manipulated, 40)
        XCTAssertLessThanOrEqual(Double(row.honestFlagged), 0.01 * Double(row.honest))
        XCTAssertEqual(row.gymnasiumsFlagged, 0)
        XCTAssertGreaterThanOrEqual(row.byScheme.count, 4, "several schemes in one arm")
        XCTAssertEqual(row.byScheme.values.reduce(0) { $0 + $1.manipulated }, row.manipulated)
        XCTAssertEqual(row.byScheme.values.reduce(0) { $0 + $1.manipulatedFlagged }, row.manipulatedFlagged)
        // Copying at strong strength is found whatever else the district holds.
        XCTAssertEqual(row.byScheme[.copying]?.recall, 1)
        let table = StudyReport.schemeRecall([Self.honest, row])
        XCTAssertEqual(table.split(separator: "\n").count, 3, "header, rule and the one mixed arm")
        XCTAssertTrue(table.contains("| смешанные схемы (у каждой ОО одна из пяти), сильное | 4 × 40 |"))
    }

    func testTheReportHasTheHeaderAndOneRowPerArm() {
        let markdown = StudyReport.markdown([Self.honest, Self.boundary])
        XCTAssertTrue(markdown.hasPrefix("| Сценарий | Районов × ОО | Честных ОО | Ложно включены |"))
        XCTAssertTrue(markdown.contains("| без искажений | 4 × 40 | 160 |"))
        XCTAssertTrue(markdown.contains("| дотягивание до границы, умеренное | 4 × 40 |"))
        let comparison = StudyReport.comparison([Self.honest, Self.boundary])
        XCTAssertTrue(comparison.contains("доли отметок: полнота"))
        XCTAssertEqual(comparison.split(separator: "\n").count, 4)
    }
}
