import Foundation
import XCTest
@testable import VPRAnalysis

/// Data-quality findings on rows that are still used: the value is kept, the specialist is told.
final class IngestQualityFindingTests: XCTestCase {
    private var fixture: IngestFixture!

    override func setUpWithError() throws { fixture = try IngestFixture() }
    override func tearDown() { fixture.remove() }

    private let header = "year;school_id;class;subject;student_id;1 (2б);2 (3б);3;primary_score;mark;journal_mark"

    private func read(_ row: String) throws -> (IngestOutcome, StudentResult) {
        try fixture.writeStandard(results: "\(header)\n\(row)\n")
        let outcome = fixture.read()
        let result = try XCTUnwrap(outcome.dataset?.results.first, "\(outcome.errors) \(outcome.rejected)")
        return (outcome, result)
    }

    func testAMarkThatContradictsTheScaleIsKeptAndReported() throws {
        let (outcome, result) = try read("2025;S1;5А;Математика;7;2;3;5;10;4;")
        XCTAssertEqual(result.mark, 4)
        XCTAssertEqual(outcome.findings.map(\.kind), [.markContradictsScale])
        let finding = try XCTUnwrap(outcome.findings.first)
        XCTAssertEqual(finding.location, SourceLocation(file: "results.csv", line: 2, column: 10))
        XCTAssertEqual(finding.schoolID, "S1")
        XCTAssertEqual(finding.studentID, "7")
        XCTAssertEqual(finding.work, Work(year: 2025, subject: "Математика", grade: 5))
        XCTAssertTrue(finding.message.contains("даёт отметку 3"), finding.message)
    }

    func testATaskScoreAboveItsMaximumIsKeptAndReported() throws {
        let (outcome, result) = try read("2025;S1;5А;Математика;7;2;4;5;11;4;")
        XCTAssertEqual(result.taskScores, [2, 4, 5])
        XCTAssertEqual(outcome.findings.map(\.kind), [.taskAboveMaximum])
        XCTAssertEqual(outcome.findings.first?.location.column, 7)
        XCTAssertTrue(outcome.findings.first?.message.contains("задание 2 (4) больше максимального (3)") ?? false)
    }

    func testAPrimaryScoreThatIsNotTheSumOfTasksIsKeptAndReported() throws {
        let (outcome, result) = try read("2025;S1;5А;Математика;7;2;3;5;12;4;")
        XCTAssertEqual(result.primaryScore, 12)
        XCTAssertEqual(outcome.findings.map(\.kind), [.primaryScoreMismatch])
        XCTAssertEqual(outcome.findings.first?.location.column, 9)
        XCTAssertTrue(outcome.findings.first?.message.contains("(10)") ?? false)
    }

    func testAnInvalidJournalMarkIsTreatedAsMissingAndReported() throws {
        let (outcome, result) = try read("2025;S1;5А;Математика;7;2;3;5;10;3;зачёт")
        XCTAssertNil(result.journalMark)
        XCTAssertEqual(outcome.findings.map(\.kind), [.invalidJournalMark])
        XCTAssertEqual(outcome.findings.first?.location.column, 11)

        let (again, _) = try read("2025;S1;5А;Математика;7;2;3;5;10;3;6")
        XCTAssertEqual(again.findings.map(\.kind), [.invalidJournalMark])
    }

    func testAConsistentRowHasNoFindings() throws {
        let (outcome, result) = try read("2025;S1;5А;Математика;7;2;3;5;10;3;н/а")
        XCTAssertTrue(outcome.findings.isEmpty, "\(outcome.findings)")
        XCTAssertNil(result.journalMark)
    }

    func testRejectedRowsGiveNoFindings() throws {
        try fixture.writeStandard(results: "\(header)\n2025;S1;5А;Математика;7;2;3;5;10;3;\n2025;S1;5А;Математика;8;9;3;5;30;3;7\n")
        let outcome = fixture.read()
        XCTAssertEqual(outcome.rejected.count, 1)
        XCTAssertTrue(outcome.findings.isEmpty, "\(outcome.findings)")
    }
}
