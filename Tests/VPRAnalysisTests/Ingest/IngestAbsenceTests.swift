import Foundation
import XCTest
@testable import VPRAnalysis

/// «отсутствовал» marks a participant absent only in the variant, primary score, mark or task
/// columns; in names, class or journal cells it is ordinary text.
final class IngestAbsenceTests: XCTestCase {
    private var fixture: IngestFixture!

    override func setUpWithError() throws { fixture = try IngestFixture() }
    override func tearDown() { fixture.remove() }

    func testAbsenceInTheVariantPrimaryScoreMarkOrATaskColumnRejectsTheRowAsAbsent() throws {
        try fixture.writeStandard(results: """
        Год;Код ОО;Класс;Предмет;Код участника;Вариант;1;2;Первичный балл;Отметка
        2025;S1;5А;Математика;1;1;2;3;5;2
        2025;S1;5А;Математика;2;Отсутствовал;;;;
        2025;S1;5А;Математика;3;2;;;отсутствовала;
        2025;S1;5А;Математика;4;1;;;;ОТСУТСТВОВАЛ
        2025;S1;5А;Математика;5;1;отс.;;;

        """)
        let outcome = fixture.read()
        XCTAssertEqual(outcome.dataset?.results.count, 1, "\(outcome.errors)")
        XCTAssertEqual(outcome.rejected.map(\.isAbsence), [true, true, true, true])
        XCTAssertEqual(outcome.rejected.map(\.location), [
            SourceLocation(file: "results.csv", line: 3, column: 6),
            SourceLocation(file: "results.csv", line: 4, column: 9),
            SourceLocation(file: "results.csv", line: 5, column: 10),
            SourceLocation(file: "results.csv", line: 6, column: 7),
        ])
        XCTAssertEqual(outcome.resultsSummary?.rowsAbsent, 4)
        XCTAssertEqual(outcome.resultsSummary?.rowsRejected, 4)
        XCTAssertEqual(outcome.resultsSummary?.rowsUsed, 1)
        assertRowsAddUp(outcome)
    }

    func testAbsenceWordsInNamesClassOrJournalCellsDoNotMakeTheRowAbsent() throws {
        try fixture.writeStandard(results: """
        year;school_id;school_name;municipality;class;subject;student_id;primary_score;mark;journal_mark
        2025;S1;Отсутствующая школа;Отс;5А;Математика;1;12;4;4
        2025;S1;Отсутствующая школа;Отс;5А;Математика;2;7;3;отсутствовал

        """)
        let outcome = fixture.read()
        let dataset = try XCTUnwrap(outcome.dataset, "\(outcome.errors) \(outcome.rejected)")
        XCTAssertEqual(dataset.results.count, 2)
        XCTAssertTrue(outcome.rejected.isEmpty)
        XCTAssertEqual(outcome.resultsSummary?.rowsAbsent, 0)
        XCTAssertEqual(dataset.schools["S1"]?.name, "Отсутствующая школа")
        XCTAssertNil(dataset.results[1].journalMark, "an unusable journal mark is unknown, not an absence")
        XCTAssertTrue(outcome.findings.contains { $0.kind == .invalidJournalMark })
        assertRowsAddUp(outcome)
    }

    func testAParticipantCodeSpelledLikeAnAbsenceIsAnOrdinaryCode() throws {
        try fixture.writeStandard(results: """
        year;school_id;class;subject;student_id;primary_score
        2025;S1;5А;Математика;отс;12

        """)
        let outcome = fixture.read()
        XCTAssertEqual(outcome.dataset?.results.first?.studentID, "отс", "\(outcome.rejected)")
        XCTAssertEqual(outcome.resultsSummary?.rowsAbsent, 0)
        assertRowsAddUp(outcome)
    }

    func testRowsReadAreRowsUsedPlusRowsRejectedWithAbsencesAndOtherRejections() throws {
        try fixture.writeStandard(results: """
        year;school_id;class;subject;student_id;variant;primary_score;mark
        2025;S1;5А;Математика;1;1;12;4
        2025;S1;5А;Математика;2;отсутствовал;;
        2025;S1;5А;Математика;3;1;abc;4
        2025;S1;5А;Математика;1;1;12;4
        2025;S1;отсутствовал;Математика;4;1;12;4

        """)
        let outcome = fixture.read()
        XCTAssertEqual(outcome.resultsSummary?.rowsRead, 5)
        XCTAssertEqual(outcome.resultsSummary?.rowsAbsent, 1)
        XCTAssertEqual(outcome.rejected.filter { !$0.isAbsence }.map(\.location.line), [4, 5, 6],
                       "a bad score, a repeated participant and a class with no grade: rejected, not absent")
        assertRowsAddUp(outcome)
    }
}
