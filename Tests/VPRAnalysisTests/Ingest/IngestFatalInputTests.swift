import Foundation
import XCTest
@testable import VPRAnalysis

/// Inputs that cannot be used at all: no dataset, an error that says why and where.
final class IngestFatalInputTests: XCTestCase {
    private var fixture: IngestFixture!

    override func setUpWithError() throws { fixture = try IngestFixture() }
    override func tearDown() { fixture.remove() }

    private func assertFatal(_ messageContains: String, file: StaticString = #filePath, line: UInt = #line) -> IngestOutcome {
        let outcome = fixture.read()
        XCTAssertNil(outcome.dataset, file: file, line: line)
        XCTAssertFalse(outcome.isUsable, file: file, line: line)
        XCTAssertTrue(outcome.errors.contains { $0.message.contains(messageContains) },
                      "no error containing «\(messageContains)» in \(outcome.diagnostics)", file: file, line: line)
        return outcome
    }

    func testAFolderWithoutResultsCSVIsUnusable() throws {
        try fixture.write("scales.csv", IngestFixture.scales)
        _ = assertFatal("нет файла results.csv")
    }

    func testAMissingFolderIsUnusable() {
        let outcome = InputFolderReader().read(folder: fixture.folder.appendingPathComponent("нет-такой"))
        XCTAssertNil(outcome.dataset)
        XCTAssertTrue(outcome.errors.first?.message.contains("не найдена") ?? false)
    }

    func testAnEmptyResultsFileIsUnusable() throws {
        try fixture.writeStandard(results: "")
        _ = assertFatal("файл results.csv пуст")
    }

    func testAResultsFileWithOnlyAHeaderIsUnusable() throws {
        try fixture.writeStandard(results: "year;school_id;class;subject;student_id;primary_score\n\n")
        _ = assertFatal("нет ни одной строки")
    }

    func testAMissingRequiredColumnIsUnusableAndTheErrorListsItsNames() throws {
        try fixture.writeStandard(results: "Год;Класс;Предмет;Код участника;Первичный балл\n2025;5А;Математика;1;10\n")
        let outcome = assertFatal("нет обязательного столбца «код ОО»")
        let error = try XCTUnwrap(outcome.errors.first)
        XCTAssertTrue(error.message.contains("Логин ОО"))
        XCTAssertEqual(error.location, SourceLocation(file: "results.csv", line: 1))
    }

    func testResultsWithNeitherTaskColumnsNorAPrimaryScoreAreUnusable() throws {
        try fixture.writeStandard(results: "year;school_id;class;subject;student_id;mark\n2025;S1;5А;Математика;1;3\n")
        _ = assertFatal("ни столбца первичного балла")
    }

    func testAWorkWithoutAScaleIsUnusableAndTheErrorNamesTheWorkAndTheFile() throws {
        try fixture.writeStandard(results: """
        year;school_id;class;subject;student_id;primary_score
        2025;S1;5А;Математика;1;10
        2025;S1;6А;История;2;10

        """)
        let outcome = assertFatal("«История 6» 2025 года")
        let error = try XCTUnwrap(outcome.errors.first { $0.message.contains("История") })
        XCTAssertTrue(error.message.contains("scales.csv"))
        XCTAssertEqual(error.location, SourceLocation(file: "results.csv", line: 3))
        assertRowsAddUp(outcome)
    }

    func testWithoutScalesCSVEveryWorkLacksAScale() throws {
        try fixture.write("results.csv", "year;school_id;class;subject;student_id;primary_score\n2025;S1;5А;Математика;1;10\n")
        _ = assertFatal("«Математика 5» 2025 года")
    }

    func testAScalesFileMissingAColumnIsUnusable() throws {
        try fixture.write("scales.csv", "year;subject;grade;max_score;min_mark3;min_mark4\n2025;Математика;5;20;6;11\n")
        try fixture.write("results.csv", "year;school_id;class;subject;student_id;primary_score\n2025;S1;5А;Математика;1;10\n")
        _ = assertFatal("в файле scales.csv нет обязательного столбца")
    }

    func testAResultsFileWhoseEveryRowIsRejectedIsUnusable() throws {
        try fixture.writeStandard(results: "year;school_id;class;subject;student_id;primary_score\n2025;S1;5А;Математика;1;отсутствовал\n")
        let outcome = assertFatal("нет ни одной пригодной строки")
        XCTAssertEqual(outcome.resultsSummary?.rowsAbsent, 1)
    }
}
