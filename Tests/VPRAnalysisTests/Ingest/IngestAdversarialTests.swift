import Foundation
import XCTest
@testable import VPRAnalysis

/// Files built to break the reader: truncated, binary bytes, giant fields, very wide, two encodings, a header
/// repeated mid-file, absurd numbers. The run never crashes or hangs, says what is wrong in Russian with
/// line and column, and accounts for every row (read = used + rejected).
final class IngestAdversarialTests: XCTestCase {
    private var fixture: IngestFixture!

    override func setUpWithError() throws { fixture = try IngestFixture() }
    override func tearDown() { fixture.remove() }

    private let header = "year;school_id;class;subject;student_id;task_1;task_2;primary_score;mark\n"
    private func rows(_ range: ClosedRange<Int>) -> String {
        range.map { "2025;S1;5А;Математика;\($0);1;2;3;3\n" }.joined()
    }
    private let scales = "year;subject;grade;max_score;min_mark3;min_mark4;min_mark5\n2025;Математика;5;10;3;6;9\n"

    private func read(results bytes: [UInt8]) throws -> IngestOutcome {
        try fixture.write("scales.csv", scales)
        try fixture.write("results.csv", bytes: bytes)
        let outcome = fixture.read()
        assertRowsAddUp(outcome)
        return outcome
    }

    private func read(results text: String) throws -> IngestOutcome { try read(results: Array(text.utf8)) }

    func testAFileCutMidRowKeepsEveryCompleteRowAndRejectsTheStump() throws {
        let outcome = try read(results: header + rows(1...20) + "2025;S1;5А;Матем")
        XCTAssertEqual(outcome.dataset?.results.count, 20)
        XCTAssertEqual(outcome.rejected.map(\.location.line), [22])
        XCTAssertTrue(outcome.rejected[0].reason.contains("не хватает полей"))
    }

    func testAFileCutInsideAQuotedFieldRejectsTheRestAsOneUnterminatedRow() throws {
        let outcome = try read(results: header + rows(1...20) + "2025;S1;\"5А;Математика;99;1;2;3;3\n" + rows(21...23))
        XCTAssertEqual(outcome.dataset?.results.count, 20)
        XCTAssertEqual(outcome.rejected.count, 1)
        XCTAssertTrue(outcome.rejected[0].reason.contains("кавычка в поле не закрыта"), outcome.rejected[0].reason)
    }

    func testANulByteRejectsItsRowAtItsField() throws {
        let outcome = try read(results: header + rows(1...5) + "2025;S1;5А;Мате\u{0}матика;77;1;2;3;3\n" + rows(6...10))
        XCTAssertEqual(outcome.dataset?.results.count, 10)
        XCTAssertEqual(outcome.rejected.first?.location, SourceLocation(file: "results.csv", line: 7, column: 4))
        XCTAssertTrue(outcome.rejected.first?.reason.contains("нулевой байт") ?? false)
    }

    func testATenMegabyteFieldIsRejectedWithAShortMessage() throws {
        let giant = String(repeating: "1", count: 10_000_000)
        let outcome = try read(results: header + rows(1...5) + "2025;S1;5А;Математика;88;\(giant);2;3;3\n" + rows(6...10))
        XCTAssertEqual(outcome.dataset?.results.count, 10)
        let rejection = try XCTUnwrap(outcome.rejected.first)
        XCTAssertEqual(rejection.location, SourceLocation(file: "results.csv", line: 7, column: 6))
        XCTAssertLessThan(rejection.reason.count, 200, "the message quotes the value cut short")
        XCTAssertTrue(rejection.reason.hasSuffix("…»"), rejection.reason)
        XCTAssertEqual(rejection.fields[5].utf8.count, 10_000_000, "the rejected row is kept as it was read")
    }

    func testAHundredThousandColumnsAreReadWithoutBlowingUp() throws {
        let extra = (0..<100_000).map { "x\($0)" }.joined(separator: ";")
        let body = (1...10).map { "2025;S1;5А;Математика;\($0);3;" + String(repeating: ";", count: 99_999) + "\n" }.joined()
        let outcome = try read(results: "year;school_id;class;subject;student_id;primary_score;" + extra + "\n" + body)
        XCTAssertEqual(outcome.dataset?.results.count, 10)
        XCTAssertTrue(outcome.diagnostics.filter { $0.severity == .error }.isEmpty)
    }

    func testLinesPastedFromAWindows1251FileIntoAUTF8FileAreRejectedAndTheRestIsReadAsUTF8() throws {
        var bytes = Array((header + rows(1...10)).utf8)
        bytes += try XCTUnwrap(Windows1251.encode("2025;S1;5А;Математика;55;1;2;3;3\n"))
        bytes += Array(rows(11...20).utf8)
        let outcome = try read(results: bytes)
        XCTAssertEqual(outcome.resultsSummary?.encoding, .utf8)
        XCTAssertEqual(outcome.dataset?.results.count, 20)
        XCTAssertEqual(Set(outcome.dataset?.results.map(\.work.subject) ?? []), ["Математика"])
        XCTAssertEqual(outcome.rejected.map(\.location.line), [12])
        XCTAssertTrue(outcome.rejected[0].reason.contains("не в кодировке UTF-8"), outcome.rejected[0].reason)
    }

    func testAWholeWindows1251FileIsStillReadAsWindows1251() throws {
        let outcome = try read(results: try XCTUnwrap(Windows1251.encode(header + rows(1...20))))
        XCTAssertEqual(outcome.resultsSummary?.encoding, .windows1251)
        XCTAssertEqual(outcome.dataset?.results.count, 20)
        XCTAssertTrue(outcome.rejected.isEmpty)
    }

    func testAHeaderRepeatedMidFileIsRejectedAsARowNotTakenForData() throws {
        let outcome = try read(results: header + rows(1...10) + header + rows(11...20))
        XCTAssertEqual(outcome.dataset?.results.count, 20)
        XCTAssertEqual(outcome.rejected.map(\.location.line), [12])
    }

    func testNegativeAndHugeNumbersAreRejectedNotOverflowed() throws {
        let outcome = try read(results: header + rows(1...5)
            + "2025;S1;5А;Математика;66;99999999999999999999999;2;3;3\n"
            + "2025;S1;5А;Математика;67;-5;2;3;3\n"
            + "2025;S1;5А;Математика;68;1;2;-99999999999999999999;3\n"
            + "99999999999999999999;S1;5А;Математика;69;1;2;3;3\n"
            + rows(6...10))
        XCTAssertEqual(outcome.dataset?.results.count, 10)
        XCTAssertEqual(outcome.rejected.map(\.location.column), [6, 6, 8, 1])
    }

    func testATaskScoreTooLargeToStoreIsRejectedAtItsColumnWhileAMerelyImplausibleOneIsKept() throws {
        let outcome = try read(results: header + rows(1...5)
            + "2025;S1;5А;Математика;66;65535;2;3;3\n"
            + "2025;S1;5А;Математика;67;65534;2;3;3\n"
            + rows(6...10))
        XCTAssertEqual(outcome.dataset?.results.count, 11)
        XCTAssertEqual(outcome.rejected.map(\.location.column), [6])
        XCTAssertTrue(outcome.rejected[0].reason.contains("слишком велик"), outcome.rejected[0].reason)
        XCTAssertEqual(outcome.dataset?.results.first { $0.studentID == "67" }?.taskScores.first, 65534)
    }

    func testWithoutAScaleAScoreAboveAnyVPRMaximumIsRejectedAndTheRestIsAnalysed() throws {
        // Found by hand: the scale recovered from the data took 10¹² as its maximum, and the run died
        // allocating the per-score counts.
        var text = "year;school_id;class;subject;student_id;primary_score;mark\n"
        for i in 0..<40 {
            let score = i % 20
            text += "2025;S1;5А;Математика;\(i);\(score);\(score < 5 ? 2 : score < 10 ? 3 : score < 15 ? 4 : 5)\n"
        }
        text += "2025;S1;5А;Математика;99;1000000000000;5\n"
        try fixture.write("results.csv", text)
        let outcome = fixture.read()
        assertRowsAddUp(outcome)
        XCTAssertEqual(outcome.rejected.map(\.location), [SourceLocation(file: "results.csv", line: 42, column: 6)])
        XCTAssertTrue(outcome.rejected[0].reason.contains("больше 300"), outcome.rejected[0].reason)
        let dataset = try XCTUnwrap(outcome.dataset, "\(outcome.errors)")
        XCTAssertEqual(dataset.works.values.first?.scale.maxScore, 19)
        XCTAssertEqual(Pipeline().analyze(dataset).schools.count, 1)
    }

    func testAScaleWithAMaximumAboveAnyVPRIsRejectedAtItsColumn() throws {
        try fixture.write("scales.csv", "year;subject;grade;max_score;min_mark3;min_mark4;min_mark5\n"
                                        + "2025;Математика;5;1000000000;3;6;9\n")
        try fixture.write("results.csv", header + rows(1...5))
        let outcome = fixture.read()
        let scaleRejection = try XCTUnwrap(outcome.rejected.first { $0.location.file == "scales.csv" })
        XCTAssertEqual(scaleRejection.location, SourceLocation(file: "scales.csv", line: 2, column: 4))
        XCTAssertTrue(scaleRejection.reason.contains("больше 300"), scaleRejection.reason)
    }

    func testAFileOfRandomBytesStopsTheRunWithAMessageNotACrash() throws {
        var random = TestRandom(seed: 7)
        let noise = (0..<200_000).map { _ in UInt8(truncatingIfNeeded: random.next()) }
        try fixture.write("scales.csv", scales)
        try fixture.write("results.csv", bytes: noise)
        let outcome = fixture.read()
        XCTAssertNil(outcome.dataset)
        XCTAssertFalse(outcome.diagnostics.filter { $0.severity == .error }.isEmpty)
    }
}
