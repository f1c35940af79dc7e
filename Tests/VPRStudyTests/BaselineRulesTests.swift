import Foundation
import XCTest
import VPRAnalysis
@testable import VPRStudy

/// The crude rules, on classes built in code.
final class BaselineRulesTests: XCTestCase {
    let work = Work(year: 2025, subject: "Математика", grade: 5)
    let spec = WorkSpec(work: Work(year: 2025, subject: "Математика", grade: 5),
                        scale: MarkScale(maxScore: 4, minMark3: 1, minMark4: 2, minMark5: 3),
                        tasks: [TaskSpec(id: "1", maxPoints: 1, level: .basic), TaskSpec(id: "2", maxPoints: 1, level: .basic),
                                TaskSpec(id: "3", maxPoints: 2, level: .advanced)])

    func result(_ school: String, _ label: String, mark: Int, tasks: [Int?] = [1, 1, 0]) -> StudentResult {
        StudentResult(work: work, schoolID: school, classLabel: label, studentID: UUID().uuidString,
                      primaryScore: tasks.reduce(0) { $0 + ($1 ?? 0) }, mark: mark, taskScores: TaskScores(tasks))
    }

    func dataset(_ results: [StudentResult]) -> Dataset { Dataset(works: [work: spec], results: results) }

    func testAClassWithNoTwosAndThreeQuartersOfFoursAndFivesTripsTheScreen() {
        // 20 pupils: 15 of «4»–«5» (75 %), 5 of «3», no «2».
        let rows = (0..<15).map { _ in result("A", "5А", mark: 4) } + (0..<5).map { _ in result("A", "5А", mark: 3) }
        XCTAssertEqual(MarksShareScreen().flaggedSchools(dataset(rows)), ["A"])
    }

    func testOneTwoInTwentyIsAllowedButTwoAreNot() {
        let one = (0..<16).map { _ in result("A", "5А", mark: 5) } + (0..<3).map { _ in result("A", "5А", mark: 3) }
            + [result("A", "5А", mark: 2)]
        XCTAssertEqual(MarksShareScreen().flaggedSchools(dataset(one)), ["A"])
        let two = (0..<16).map { _ in result("A", "5А", mark: 5) } + (0..<2).map { _ in result("A", "5А", mark: 3) }
            + (0..<2).map { _ in result("A", "5А", mark: 2) }
        XCTAssertEqual(MarksShareScreen().flaggedSchools(dataset(two)), [])
    }

    func testClassesOfFewerThanFivePupilsAreNotScreened() {
        let rows = (0..<4).map { _ in result("A", "5А", mark: 5) }
        XCTAssertEqual(MarksShareScreen().flaggedSchools(dataset(rows)), [])
    }

    func testOneClassIsEnoughToFlagTheSchool() {
        let good = (0..<10).map { _ in result("A", "5А", mark: 5) }
        let ordinary = (0..<10).map { i in result("A", "5Б", mark: 2 + i % 4) }
        XCTAssertEqual(MarksShareScreen().flaggedSchools(dataset(good + ordinary)), ["A"])
    }

    func testRawInversionFlagsASchoolWeakOnBasicAndStrongOnAdvancedTasks() {
        // Region: school B solves basic tasks and not the advanced one; school A the other way round.
        let a = (0..<5).map { _ in result("A", "5А", mark: 4, tasks: [0, 1, 2]) }
        let b = (0..<20).map { _ in result("B", "5А", mark: 3, tasks: [1, 1, 0]) }
        XCTAssertEqual(RawInversionRule().flaggedSchools(dataset(a + b)), ["A"])
    }

    func testRawInversionDoesNotFlagASchoolAboveTheRegionOnBoth() {
        let a = (0..<5).map { _ in result("A", "5А", mark: 5, tasks: [1, 1, 2]) }
        let b = (0..<20).map { _ in result("B", "5А", mark: 3, tasks: [1, 0, 1]) }
        XCTAssertEqual(RawInversionRule().flaggedSchools(dataset(a + b)), [])
    }
}

/// Size bands and the smallest detectable rate of the power analysis.
final class PowerStudyTests: XCTestCase {
    func testStandardBandsCoverEverySizeOnce() {
        for n in [0, 49, 50, 149, 150, 299, 300, 5000] {
            XCTAssertEqual(SizeBand.standard.filter { $0.contains(n) }.count, 1, "\(n)")
        }
        XCTAssertEqual(SizeBand.standard.map(\.label), ["< 50", "50–149", "150–299", "≥ 300"])
    }

    func testSmallestDetectableRateIsTheLowestRateReachingTheTarget() {
        let band = SizeBand.standard[1]
        func row(_ rate: Double, _ found: Int) -> PowerRow {
            var cell = PowerCell()
            cell.manipulated = 10; cell.manipulatedFlagged = found
            return PowerRow(arm: PowerArm(scheme: .boundaryPulling, rate: rate), cells: [band: cell])
        }
        let rows = [row(0.2, 3), row(0.4, 7), row(0.6, 8), row(0.8, 10)]
        XCTAssertEqual(PowerStudy.smallestDetectableRate(rows, band: band), 0.6)
        XCTAssertNil(PowerStudy.smallestDetectableRate(rows, band: SizeBand.standard[0]))
        XCTAssertTrue(StudyReport.rateGrid(rows).contains("| < 50 | — | — | — | — | не выявляется |"))
    }

    func testPlantedSchoolsAreTheSameShareOfEveryBand() {
        let study = PowerStudy(regions: 1, schoolsPerRegion: 40, firstSeed: 7, manipulatedShare: 0.5)
        let sizes = ["a": 10, "b": 20, "c": 100, "d": 120, "e": 400, "f": 500]
        let planted = study.plantedSchools(seed: 7, sizes: sizes)
        XCTAssertEqual(planted.count, 3)
        XCTAssertEqual(planted.filter { ["a", "b"].contains($0) }.count, 1)
        XCTAssertEqual(planted, study.plantedSchools(seed: 7, sizes: sizes), "the same schools for every arm")
    }
}
