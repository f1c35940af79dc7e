import Foundation
import XCTest
@testable import VPRAnalysis

/// Only results.csv is required: a work missing from scales.csv gets its scale from the marks in
/// the results when they are consistent with a monotone scale, and is unusable otherwise.
final class IngestScaleInferenceTests: XCTestCase {
    private var fixture: IngestFixture!

    override func setUpWithError() throws { fixture = try IngestFixture() }
    override func tearDown() { fixture.remove() }

    private let mathematics = Work(year: 2025, subject: "Математика", grade: 5)

    /// Rows of «Математика 5» with the given (primary score, mark) pairs; a nil mark is left blank.
    private func results(_ pairs: [(Int, Int?)], header: String = "year;school_id;class;subject;student_id;primary_score;mark") -> String {
        var text = header + "\n"
        for (i, pair) in pairs.enumerated() {
            text += "2025;S1;5А;Математика;\(i + 1);\(pair.0);\(pair.1.map(String.init) ?? "")\n"
        }
        return text
    }

    private let consistentPairs: [(Int, Int?)] = [(3, 2), (6, 2), (7, 3), (11, 3), (12, 4), (16, 4), (17, 5), (19, 5)]

    func testWithoutScalesCSVTheScaleIsInferredFromConsistentMarksWithAWarning() throws {
        try fixture.write("results.csv", results(consistentPairs))
        let outcome = fixture.read()
        let dataset = try XCTUnwrap(outcome.dataset, "\(outcome.errors)")
        let spec = try XCTUnwrap(dataset.works[mathematics])
        XCTAssertEqual(spec.scale, MarkScale(maxScore: 19, minMark3: 7, minMark4: 12, minMark5: 17))
        XCTAssertTrue(outcome.diagnostics.contains {
            $0.severity == .warning && $0.message ==
                "Шкала перевода для работы «Математика 5» (2025) не задана в scales.csv и восстановлена по данным: «3» с 7, «4» с 12, «5» с 17 баллов (max 19)"
        }, "\(outcome.diagnostics)")
        XCTAssertTrue(outcome.diagnostics.contains { $0.severity == .note && $0.message.contains("принят наибольший набранный: 19") },
                      "the maximum taken from the data is noted")
        XCTAssertEqual(dataset.results.count, consistentPairs.count)
        assertRowsAddUp(outcome)
    }

    func testTheInferredMaximumIsTheTasksTotalWhenTaskMaximaAreKnown() throws {
        let header = "year;school_id;class;subject;student_id;1 (10б);2 (10б);mark"
        var text = header + "\n"
        for (i, pair) in consistentPairs.enumerated() {
            let first = min(pair.0, 10)
            text += "2025;S1;5А;Математика;\(i + 1);\(first);\(pair.0 - first);\(pair.1!)\n"
        }
        try fixture.write("results.csv", text)
        let outcome = fixture.read()
        let spec = try XCTUnwrap(outcome.dataset?.works[mathematics], "\(outcome.errors)")
        XCTAssertEqual(spec.scale, MarkScale(maxScore: 20, minMark3: 7, minMark4: 12, minMark5: 17))
        XCTAssertTrue(outcome.diagnostics.contains { $0.message.hasSuffix("«3» с 7, «4» с 12, «5» с 17 баллов (max 20)") })
        XCTAssertFalse(outcome.diagnostics.contains { $0.message.contains("принят наибольший набранный:") })
    }

    func testTheInferredMaximumIsTheTasksTotalFromTasksCSV() throws {
        try fixture.write("tasks.csv", "year;subject;grade;task;max_points\n2025;Математика;5;1;12\n2025;Математика;5;2;10\n")
        let header = "year;school_id;class;subject;student_id;task_1;task_2;mark"
        var text = header + "\n"
        for (i, pair) in consistentPairs.enumerated() {
            let first = min(pair.0, 10)
            text += "2025;S1;5А;Математика;\(i + 1);\(first);\(pair.0 - first);\(pair.1!)\n"
        }
        try fixture.write("results.csv", text)
        let outcome = fixture.read()
        XCTAssertEqual(outcome.dataset?.works[mathematics]?.scale.maxScore, 22, "\(outcome.errors)")
    }

    func testAWorkMissingFromAnExistingScalesCSVIsInferredWhileTheOthersKeepTheirScale() throws {
        var text = results(consistentPairs)
        text += "2025;S1;4А;Русский язык;100;20;3\n"
        try fixture.write("scales.csv", "year;subject;grade;max_score;min_mark3;min_mark4;min_mark5\n2025;Русский язык;4;38;14;24;33\n")
        try fixture.write("results.csv", text)
        let outcome = fixture.read()
        let dataset = try XCTUnwrap(outcome.dataset, "\(outcome.errors)")
        XCTAssertEqual(dataset.works[mathematics]?.scale.minMark5, 17)
        XCTAssertEqual(dataset.works[Work(year: 2025, subject: "Русский язык", grade: 4)]?.scale,
                       MarkScale(maxScore: 38, minMark3: 14, minMark4: 24, minMark5: 33))
        XCTAssertEqual(outcome.diagnostics.filter { $0.message.hasPrefix("Шкала перевода для работы") }.count, 1)
        assertRowsAddUp(outcome)
    }

    func testRowsWithoutAMarkGetTheirMarkFromTheInferredScale() throws {
        try fixture.write("results.csv", results(consistentPairs + [(13, nil), (2, nil), (18, nil)]))
        let outcome = fixture.read()
        let dataset = try XCTUnwrap(outcome.dataset, "\(outcome.errors)")
        XCTAssertEqual(dataset.results.suffix(3).map(\.mark), [4, 2, 5])
        XCTAssertTrue(dataset.results.allSatisfy { (2...5).contains($0.mark) })
        assertRowsAddUp(outcome)
    }

    func testTwoMarksForOneScoreLeaveTheWorkWithoutAScaleAndTheErrorSaysWhichFileToAdd() throws {
        try fixture.write("results.csv", results(consistentPairs + [(12, 3)]))
        let outcome = fixture.read()
        XCTAssertNil(outcome.dataset)
        let error = try XCTUnwrap(outcome.errors.first { $0.message.contains("«Математика 5» 2025 года") }, "\(outcome.diagnostics)")
        XCTAssertTrue(error.message.contains("противоречат"))
        XCTAssertTrue(error.message.contains("за первичный балл 12"))
        XCTAssertTrue(error.message.contains("добавьте строку этой работы в scales.csv"))
        XCTAssertEqual(error.location, SourceLocation(file: "results.csv", line: 2))
        assertRowsAddUp(outcome)
    }

    func testMarksThatFallAsScoresRiseLeaveTheWorkWithoutAScale() throws {
        try fixture.write("results.csv", results([(3, 2), (7, 4), (9, 3), (12, 4), (17, 5)]))
        let outcome = fixture.read()
        XCTAssertNil(outcome.dataset)
        let error = try XCTUnwrap(outcome.errors.first, "\(outcome.diagnostics)")
        XCTAssertTrue(error.message.contains("за первичный балл 7 поставлена «4», а за больший балл 9 — «3»"), error.message)
        XCTAssertTrue(error.message.contains("scales.csv"))
    }

    func testWithoutMarksTheWorkWithoutAScaleStaysUnusable() throws {
        try fixture.write("results.csv", results([(5, nil), (12, nil)]))
        let outcome = fixture.read()
        XCTAssertNil(outcome.dataset)
        let error = try XCTUnwrap(outcome.errors.first, "\(outcome.diagnostics)")
        XCTAssertTrue(error.message.contains("нет отметок"), error.message)
        XCTAssertTrue(error.message.contains("scales.csv"))
    }

    func testABoundaryNobodyReachedCannotBeInferred() throws {
        try fixture.write("results.csv", results([(3, 2), (7, 3), (12, 4), (15, 4)]))
        let outcome = fixture.read()
        XCTAssertNil(outcome.dataset)
        let error = try XCTUnwrap(outcome.errors.first, "\(outcome.diagnostics)")
        XCTAssertTrue(error.message.contains("никто не получил отметку «5»"), error.message)
        XCTAssertTrue(error.message.contains("добавьте строку этой работы в scales.csv"))
    }

    func testAMissingScalesCSVIsNotFatalByItself() throws {
        try fixture.write("results.csv", results(consistentPairs))
        let outcome = fixture.read()
        XCTAssertTrue(outcome.isUsable, "\(outcome.errors)")
        XCTAssertTrue(outcome.errors.isEmpty)
        XCTAssertNil(outcome.summary(of: "scales.csv"))
    }

    func testAGivenScaleIsNeverReplacedByOneInferredFromTheData() throws {
        try fixture.writeStandard(results: results(consistentPairs))
        let outcome = fixture.read()
        XCTAssertEqual(outcome.dataset?.works[mathematics]?.scale, MarkScale(maxScore: 20, minMark3: 6, minMark4: 11, minMark5: 16))
        XCTAssertFalse(outcome.diagnostics.contains { $0.message.contains("восстановлена по данным") })
    }
}
