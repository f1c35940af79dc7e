import Foundation
import XCTest
@testable import VPRAnalysis

/// Aggregate-only inputs: per-school score distributions, tables of marks and of the journal comparison,
/// recognised by their header, turned into participants without codes, checked against each other.
final class IngestAggregateTests: XCTestCase {
    private var fixture: IngestFixture!

    override func setUpWithError() throws { fixture = try IngestFixture() }
    override func tearDown() { fixture.remove() }

    private let work = Work(year: 2025, subject: "Математика", grade: 5)
    private let scales = """
    year;subject;grade;max_score;min_mark3;min_mark4;min_mark5
    2025;Математика;5;10;3;6;9

    """

    private func writeScales() throws { try fixture.write("scales.csv", scales) }

    /// School S1: ten participants with 5 points («3») and ten with 8 («4»).
    private func writeTwentyParticipants() throws {
        try writeScales()
        try fixture.write("scores.csv", """
        year;school_id;subject;grade;primary_score;count
        2025;S1;Математика;5;5;10
        2025;S1;Математика;5;8;10

        """)
    }

    func testAScoreDistributionBecomesOneParticipantPerCountWithTheScalesMark() throws {
        try writeScales()
        try fixture.write("распределение.csv", """
        Год;Код ОО;Предмет;Класс;Первичный балл;Количество участников
        2025;S1;Математика;5;2;1
        2025;S1;Математика;5;6;3
        2025;S2;Математика;5;9;2

        """)
        let outcome = fixture.read()
        let dataset = try XCTUnwrap(outcome.dataset, "\(outcome.errors)")
        XCTAssertEqual(dataset.results.count, 6)
        XCTAssertEqual(dataset.results.filter { $0.schoolID == "S1" }.map(\.mark), [2, 4, 4, 4])
        XCTAssertEqual(dataset.results.filter { $0.schoolID == "S2" }.map(\.primaryScore), [9, 9])
        XCTAssertTrue(dataset.results.allSatisfy { $0.studentID.isEmpty && $0.taskScores.isEmpty && $0.classLabel == "5" })
        XCTAssertEqual(dataset.aggregateKeys, [SchoolWorkKey(schoolID: "S1", work: work), SchoolWorkKey(schoolID: "S2", work: work)])
        XCTAssertEqual(outcome.recognised.first?.layout, "распределение первичных баллов")
        XCTAssertEqual(outcome.recognised.first?.participants, 6)
        XCTAssertEqual(outcome.summary(of: "распределение.csv")?.rowsUsed, 3)
        assertRowsAddUp(outcome)
    }

    func testAJournalCrossTableGivesEachClassesParticipantsTheirJournalMarks() throws {
        try writeScales()
        try fixture.write("scores.csv", """
        year;school_id;subject;class;primary_score;count
        2025;S1;Математика;5А;4;2
        2025;S1;Математика;5А;7;1
        2025;S1;Математика;5Б;9;1

        """)
        try fixture.write("journal.csv", """
        year;school_id;subject;class;journal_mark;mark;count
        2025;S1;Математика;5А;4;3;1
        2025;S1;Математика;5А;3;3;1
        2025;S1;Математика;5А;5;4;1
        2025;S1;Математика;5Б;5;5;1

        """)
        let outcome = fixture.read()
        let dataset = try XCTUnwrap(outcome.dataset, "\(outcome.errors)")
        let byClass = Dictionary(grouping: dataset.results, by: \.classLabel)
        XCTAssertEqual(byClass["5А"]?.map(\.mark), [3, 3, 4])
        XCTAssertEqual(JournalComparison(byClass["5А"]!).table[2][1], 1, "journal 4, VPR 3")
        XCTAssertEqual(JournalComparison(byClass["5А"]!).lowered, 2)
        XCTAssertEqual(JournalComparison(byClass["5Б"]!).confirmed, 1)
        XCTAssertTrue(outcome.findings.isEmpty, "\(outcome.findings)")
        assertRowsAddUp(outcome)
    }

    func testTheThreeJournalSharesInPercentBecomeCountsOfTheSchool() throws {
        try writeTwentyParticipants()
        try fixture.write("сравнение с журналом.csv", """
        Год;Код ОО;Предмет;Параллель;Всего участников;Понизили (Отметка < Отметка по журналу) %;Подтвердили (Отметка = Отметке по журналу) %;Повысили (Отметка > Отметка по журналу) %
        2025;S1;Математика;5;20;25;70;5

        """)
        let outcome = fixture.read()
        let dataset = try XCTUnwrap(outcome.dataset, "\(outcome.errors)")
        let comparison = try XCTUnwrap(dataset.journalShares[SchoolWorkKey(schoolID: "S1", work: work)])
        XCTAssertEqual([comparison.lowered, comparison.confirmed, comparison.raised], [5, 14, 1])
        XCTAssertEqual(outcome.recognised.map(\.layout).sorted(by: { ($0 ?? "") < ($1 ?? "") }).last,
                       "сравнение с отметками по журналу (понизили / подтвердили / повысили)")
    }

    func testATableOfMarksThatContradictsTheScoresIsAFindingNotASilentFix() throws {
        try writeTwentyParticipants()
        try fixture.write("marks.csv", """
        year;school_id;subject;grade;mark_2;mark_3;mark_4;mark_5
        2025;S1;Математика;5;0;10;9;1

        """)
        let outcome = fixture.read()
        XCTAssertNotNil(outcome.dataset)
        let finding = try XCTUnwrap(outcome.findings.first)
        XCTAssertEqual(finding.kind, .aggregateMismatch)
        XCTAssertEqual(finding.location, SourceLocation(file: "marks.csv", line: 2))
        XCTAssertTrue(finding.message.contains("0, 10, 9, 1") && finding.message.contains("0, 10, 10, 0"), finding.message)
    }

    func testBadAggregateRowsAreRejectedWithTheirColumn() throws {
        try writeScales()
        try fixture.write("scores.csv", """
        year;school_id;subject;grade;primary_score;count
        2025;S1;Математика;5;5;10
        2025;S1;Математика;5;11;1
        2025;S1;Математика;5;6;много
        2025;S1;Математика;5;5;2

        """)
        let outcome = fixture.read()
        XCTAssertEqual(outcome.rejected.map(\.location), [
            SourceLocation(file: "scores.csv", line: 3, column: 5),
            SourceLocation(file: "scores.csv", line: 4, column: 6),
            SourceLocation(file: "scores.csv", line: 5, column: 5),
        ])
        XCTAssertTrue(outcome.rejected[0].reason.contains("больше максимального"), outcome.rejected[0].reason)
        XCTAssertTrue(outcome.rejected[2].reason.contains("уже указан в строке 2"), outcome.rejected[2].reason)
        XCTAssertEqual(outcome.dataset?.results.count, 10)
        assertRowsAddUp(outcome)
    }

    func testAnAbsurdCountIsRejectedInsteadOfBecomingThatManyParticipants() throws {
        try writeScales()
        try fixture.write("scores.csv", """
        year;school_id;subject;grade;primary_score;count
        2025;S1;Математика;5;5;10
        2025;S1;Математика;5;8;1000000000000
        2025;S1;Математика;5;9;100001
        2025;S1;Математика;5;10;100000

        """)
        let outcome = fixture.read()
        XCTAssertEqual(outcome.rejected.map(\.location), [
            SourceLocation(file: "scores.csv", line: 3, column: 6),
            SourceLocation(file: "scores.csv", line: 4, column: 6),
        ])
        XCTAssertTrue(outcome.rejected[0].reason.contains("больше 100000"), outcome.rejected[0].reason)
        XCTAssertEqual(outcome.dataset?.results.count, 100_010)
        assertRowsAddUp(outcome)
    }

    func testWithoutAScaleAScoreAboveAnyVPRMaximumIsRejected() throws {
        try fixture.write("scores.csv", """
        year;school_id;subject;grade;primary_score;count
        2025;S1;Математика;5;5;10
        2025;S1;Математика;5;1000000000000;1

        """)
        let outcome = fixture.read()
        XCTAssertEqual(outcome.rejected.map(\.location), [SourceLocation(file: "scores.csv", line: 3, column: 5)])
        XCTAssertTrue(outcome.rejected[0].reason.contains("больше 300"), outcome.rejected[0].reason)
        assertRowsAddUp(outcome)
    }

    func testAPercentageThatIsNoWholeNumberOfParticipantsIsRejected() throws {
        try writeScales()
        try fixture.write("scores.csv", """
        year;school_id;subject;grade;primary_score;percent;participants
        2025;S1;Математика;5;5;50;20
        2025;S1;Математика;5;8;37,2;20

        """)
        let outcome = fixture.read()
        XCTAssertEqual(outcome.rejected.map(\.location), [SourceLocation(file: "scores.csv", line: 3, column: 6)])
        XCTAssertEqual(outcome.dataset?.results.count, 10)
    }

    func testAWorkWithoutAScaleStopsTheRunWithARussianMessage() throws {
        try fixture.write("scores.csv", """
        year;school_id;subject;grade;primary_score;count
        2025;S1;Русский язык;4;5;10

        """)
        let outcome = fixture.read()
        XCTAssertNil(outcome.dataset)
        XCTAssertTrue(outcome.errors.contains { $0.message.contains("нет шкалы перевода") && $0.message.contains("Русский язык 4") },
                      "\(outcome.errors)")
    }

    func testStudentRowsWinOverAggregatesOfTheSameSchoolAndWork() throws {
        try writeScales()
        try fixture.write("results.csv", """
        year;school_id;class;subject;student_id;primary_score
        2025;S1;5А;Математика;1;5
        2025;S1;5А;Математика;2;9

        """)
        try fixture.write("scores.csv", """
        year;school_id;subject;grade;primary_score;count
        2025;S1;Математика;5;5;10
        2025;S2;Математика;5;6;4

        """)
        let outcome = fixture.read()
        let dataset = try XCTUnwrap(outcome.dataset, "\(outcome.errors)")
        XCTAssertEqual(dataset.results.filter { $0.schoolID == "S1" }.map(\.studentID), ["1", "2"])
        XCTAssertEqual(dataset.results.filter { $0.schoolID == "S2" }.count, 4)
        XCTAssertEqual(dataset.aggregateKeys, [SchoolWorkKey(schoolID: "S2", work: work)])
        XCTAssertTrue(outcome.diagnostics.contains { $0.message.contains("используются строки участников") })
    }

    func testTheAnalysisSaysWhichIndicatorsNeedStudentRows() throws {
        try writeScales()
        try fixture.write("scores.csv", """
        year;school_id;subject;grade;primary_score;count
        2025;S1;Математика;5;5;10
        2025;S2;Математика;5;8;10

        """)
        let dataset = try XCTUnwrap(fixture.read().dataset)
        let analysis = Pipeline().analyze(dataset)
        let codes = analysis.limitations.map(\.code)
        for code in [IndicatorCode.inversion, .similarity, .personFit, .cohort, .journal] {
            XCTAssertTrue(codes.contains(code), "\(code) missing from \(codes)")
        }
        XCTAssertFalse(codes.contains(.boundary))
        XCTAssertFalse(codes.contains(.high))
        XCTAssertTrue(analysis.limitations.first { $0.code == .similarity }!.reason.contains("баллы за задания"))
        XCTAssertTrue(analysis.tests.allSatisfy { [.boundary, .high, .journal, .cohort, .helpSignature].contains($0.code) })
    }
}
