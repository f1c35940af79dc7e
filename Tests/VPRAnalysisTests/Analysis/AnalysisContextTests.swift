import XCTest
@testable import VPRAnalysis

/// The context hands each indicator the rows of one (school, work) in the order they were read, whether the
/// export came grouped by school and work or interleaved.
final class AnalysisContextTests: XCTestCase {
    let math = Work(year: 2025, subject: "Математика", grade: 5)
    let russian = Work(year: 2025, subject: "Русский язык", grade: 5)

    func row(_ school: String, _ work: Work, _ code: String) -> StudentResult {
        StudentResult(work: work, schoolID: school, classLabel: "5А", studentID: code, primaryScore: 5, mark: 3)
    }

    func dataset(_ rows: [StudentResult]) -> Dataset {
        let scale = MarkScale(maxScore: 10, minMark3: 3, minMark4: 6, minMark5: 9)
        return Dataset(works: [math: WorkSpec(work: math, scale: scale), russian: WorkSpec(work: russian, scale: scale)],
                       results: rows)
    }

    func testGroupedRowsAreTakenAsTheyCome() {
        let rows = [row("S1", math, "1"), row("S1", math, "2"), row("S1", russian, "3"), row("S2", math, "4")]
        let context = AnalysisContext(dataset: dataset(rows), config: AnalysisConfig())
        XCTAssertEqual(context.dataset.results.map(\.studentID), ["1", "2", "3", "4"])
        XCTAssertEqual(context.results(SchoolWorkKey(schoolID: "S1", work: math)).map(\.studentID), ["1", "2"])
        XCTAssertEqual(context.groups[SchoolWorkKey(schoolID: "S2", work: math)], 3..<4)
    }

    func testInterleavedRowsAreRegroupedKeepingTheirOrderWithinEachGroup() {
        let rows = [row("S1", math, "1"), row("S2", math, "2"), row("S1", russian, "3"), row("S1", math, "4"),
                    row("S2", math, "5")]
        let context = AnalysisContext(dataset: dataset(rows), config: AnalysisConfig())
        XCTAssertEqual(context.results(SchoolWorkKey(schoolID: "S1", work: math)).map(\.studentID), ["1", "4"])
        XCTAssertEqual(context.results(SchoolWorkKey(schoolID: "S2", work: math)).map(\.studentID), ["2", "5"])
        XCTAssertEqual(context.results(SchoolWorkKey(schoolID: "S1", work: russian)).map(\.studentID), ["3"])
        XCTAssertEqual(context.groupKeys.count, 3)
        XCTAssertEqual(context.dataset.results.count, 5)
        XCTAssertTrue(context.results(SchoolWorkKey(schoolID: "S3", work: math)).isEmpty)
    }
}
