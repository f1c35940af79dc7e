import Foundation
import XCTest
@testable import VPRAnalysis

/// Every reason a results row is rejected, with the line and column of the offending field.
final class IngestRejectionTests: XCTestCase {
    private var fixture: IngestFixture!

    override func setUpWithError() throws { fixture = try IngestFixture() }
    override func tearDown() { fixture.remove() }

    private let header = "year;school_id;class;subject;student_id;task_1;task_2;primary_score;mark"

    /// Reads the header plus one bad row (line 3, after a good line 2) and returns its rejection.
    private func rejection(_ row: String, file: StaticString = #filePath, line: UInt = #line) throws -> RejectedRow {
        try fixture.writeStandard(results: "\(header)\n2025;S1;5А;Математика;1;2;3;5;2\n\(row)\n")
        let outcome = fixture.read()
        assertRowsAddUp(outcome, file: file, line: line)
        XCTAssertEqual(outcome.resultsSummary?.rowsUsed, 1, file: file, line: line)
        XCTAssertEqual(outcome.rejected.count, 1, "\(outcome.rejected)", file: file, line: line)
        let rejected = try XCTUnwrap(outcome.rejected.first, file: file, line: line)
        XCTAssertEqual(rejected.location.file, "results.csv", file: file, line: line)
        XCTAssertEqual(rejected.location.line, 3, file: file, line: line)
        XCTAssertFalse(rejected.isAbsence, file: file, line: line)
        return rejected
    }

    private func assertRejected(_ row: String, column: Int, reasonContains text: String,
                                file: StaticString = #filePath, line: UInt = #line) throws {
        let rejected = try rejection(row, file: file, line: line)
        XCTAssertEqual(rejected.location.column, column, rejected.reason, file: file, line: line)
        XCTAssertTrue(rejected.reason.contains(text), "«\(rejected.reason)» lacks «\(text)»", file: file, line: line)
    }

    func testARowWithoutASchoolIDIsRejectedAtThatColumn() throws {
        try assertRejected("2025;;5А;Математика;2;1;1;2;2", column: 2, reasonContains: "нет кода ОО")
    }

    func testARowWithoutAClassIsRejected() throws {
        try assertRejected("2025;S1;-;Математика;2;1;1;2;2", column: 3, reasonContains: "нет класса")
    }

    func testARowWithoutASubjectIsRejected() throws {
        try assertRejected("2025;S1;5А;;2;1;1;2;2", column: 4, reasonContains: "нет предмета")
    }

    func testARowWithoutAStudentIDIsRejected() throws {
        try assertRejected("2025;S1;5А;Математика;X;1;1;2;2", column: 5, reasonContains: "нет кода участника")
    }

    func testAYearThatIsNotANumberIsRejected() throws {
        try assertRejected("20x5;S1;5А;Математика;2;1;1;2;2", column: 1, reasonContains: "год не число: «20x5»")
    }

    func testAMissingYearIsRejected() throws {
        try assertRejected(";S1;5А;Математика;2;1;1;2;2", column: 1, reasonContains: "не указан год")
    }

    func testAnUnparsableTaskScoreIsRejected() throws {
        try assertRejected("2025;S1;5А;Математика;2;1;abc;2;2", column: 7, reasonContains: "балл за задание 2 не число: «abc»")
    }

    func testANegativeTaskScoreIsRejected() throws {
        try assertRejected("2025;S1;5А;Математика;2;-1;1;0;2", column: 6, reasonContains: "отрицательный балл за задание 1")
    }

    func testAFractionalPrimaryScoreIsRejected() throws {
        try assertRejected("2025;S1;5А;Математика;2;;;12,5;3", column: 8, reasonContains: "первичный балл не целое число: «12,5»")
    }

    func testANegativePrimaryScoreIsRejected() throws {
        try assertRejected("2025;S1;5А;Математика;2;;;-2;2", column: 8, reasonContains: "отрицательный первичный балл")
    }

    func testAPrimaryScoreAboveTheScaleMaximumIsRejected() throws {
        try assertRejected("2025;S1;5А;Математика;2;;;21;5", column: 8, reasonContains: "больше максимального (20)")
    }

    func testATaskSumAboveTheScaleMaximumIsRejected() throws {
        try assertRejected("2025;S1;5А;Математика;2;15;15;;", column: 6, reasonContains: "сумма баллов за задания 30")
    }

    func testAMarkOutsideTwoToFiveIsRejected() throws {
        try assertRejected("2025;S1;5А;Математика;2;1;1;2;7", column: 9, reasonContains: "отметка вне диапазона 2–5: «7»")
        try assertRejected("2025;S1;5А;Математика;2;1;1;2;1", column: 9, reasonContains: "вне диапазона")
    }

    func testARowWithNeitherPrimaryScoreNorTaskScoresIsRejected() throws {
        try assertRejected("2025;S1;5А;Математика;2;;;;", column: 8, reasonContains: "нет ни первичного балла")
    }

    func testAClassWithoutAGradeNumberIsRejected() throws {
        try assertRejected("2025;S1;А;Математика;2;1;1;2;2", column: 3, reasonContains: "параллель")
    }

    func testASecondRowOfTheSameParticipantIsRejectedPointingAtTheFirst() throws {
        try assertRejected("2025;S1;5Б;математика;1;1;1;2;2", column: 5, reasonContains: "повторная строка участника, первая — строка 2")
    }

    func testTheSameStudentIDInAnotherSchoolOrWorkIsNotADuplicate() throws {
        try fixture.writeStandard(results: """
        \(header)
        2025;S1;5А;Математика;1;2;3;5;2
        2025;S2;5А;Математика;1;2;3;5;2
        2025;S1;4А;Русский язык;1;2;3;5;2

        """)
        XCTAssertEqual(fixture.read().dataset?.results.count, 3)
    }

    func testARowWithTooFewFieldsIsRejected() throws {
        let rejected = try rejection("2025;S1;5А;Математика;2;1")
        XCTAssertEqual(rejected.location.column, 7)
        XCTAssertTrue(rejected.reason.contains("в строке 6 полей, а в заголовке 9"), rejected.reason)
        XCTAssertEqual(rejected.fields, ["2025", "S1", "5А", "Математика", "2", "1"])
    }

    func testARowWithTooManyFieldsIsRejectedButATrailingEmptySeparatorIsTolerated() throws {
        let rejected = try rejection("2025;S1;5А;Математика;2;1;1;2;2;лишнее")
        XCTAssertEqual(rejected.location.column, 10)
        XCTAssertTrue(rejected.reason.contains("лишние поля"), rejected.reason)

        try fixture.writeStandard(results: "\(header)\n2025;S1;5А;Математика;1;2;3;5;2;;\n")
        XCTAssertEqual(fixture.read().dataset?.results.count, 1)
    }

    func testRejectedRowsKeepTheirDecodedFieldsEvenInWindows1251() throws {
        try fixture.writeStandard(results: "\(header)\n2025;S1;5А;Математика;1;2;3;5;2\n2025;S1;5А;Математика;2;1;1;2;9\n",
                                  encoding: .windows1251)
        let outcome = fixture.read()
        XCTAssertEqual(outcome.rejected.first?.fields[3], "Математика")
        XCTAssertEqual(outcome.rejected.first?.location, SourceLocation(file: "results.csv", line: 3, column: 9))
    }

    func testBadRowsInScalesAndTasksAreRejectedWithTheirOwnFileAndLine() throws {
        try fixture.write("scales.csv", IngestFixture.scales + "2025;Физика;7;abc;1;2;3\n2025;Физика;8;20;10;5;16\n")
        try fixture.write("tasks.csv", "year;subject;grade;task;max_points\n2025;Математика;5;1;0,5\n2025;Математика;5;?;1\n")
        try fixture.write("results.csv", "\(header)\n2025;S1;5А;Математика;1;2;3;5;2\n")
        let outcome = fixture.read()
        XCTAssertEqual(outcome.rejected.map(\.location), [
            SourceLocation(file: "scales.csv", line: 4, column: 4),
            SourceLocation(file: "scales.csv", line: 5, column: 5),
            SourceLocation(file: "tasks.csv", line: 2, column: 5),
            SourceLocation(file: "tasks.csv", line: 3, column: 4),
        ], "\(outcome.rejected.map(\.reason))")
        assertRowsAddUp(outcome)
    }
}
