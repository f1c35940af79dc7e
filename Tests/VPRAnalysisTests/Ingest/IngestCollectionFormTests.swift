import XCTest
@testable import VPRAnalysis

/// The school collection form («Протокол») saved as CSV: recognised by its header, the work taken
/// from the file name or a title row, absent participants counted, an empty form reported.
final class IngestCollectionFormTests: XCTestCase {
    private var fixture: IngestFixture!

    override func setUpWithError() throws {
        fixture = try IngestFixture()
        try fixture.write("scales.csv", """
        year;subject;grade;max_score;min_mark3;min_mark4;min_mark5
        2025;Математика;5;6;2;4;6
        2025;Русский язык;4;6;2;4;6

        """)
    }

    override func tearDown() { fixture.remove() }

    private let form = """
    ВПР 2025 Математика 5 класс;;;;;;;;
    Логин;Код;Пол;Вариант;1;2;9.1;Наименование класса;Отметка за предыдущий триместр
    sch000001;0001;М;1;2;3;1;5А;5
    sch000001;0002;Ж;2;1;1;0;5А;3
    sch000001;0003;Ж;отсутствовал;;;;5Б;4
    sch000002;0004;М;1;0;2;1;5В;4

    """

    func testAFormIsReadWithItsWorkFromTheTitleRowAndAnAbsentParticipantIsCounted() throws {
        try fixture.write("protocol.csv", form)
        let outcome = fixture.read()
        let dataset = try XCTUnwrap(outcome.dataset, "\(outcome.diagnostics)")
        let work = Work(year: 2025, subject: "Математика", grade: 5)
        XCTAssertEqual(Set(dataset.results.map(\.work)), [work])
        XCTAssertEqual(dataset.results.map(\.studentID), ["0001", "0002", "0004"])
        XCTAssertEqual(dataset.results.map(\.schoolID), ["sch000001", "sch000001", "sch000002"])
        XCTAssertEqual(dataset.results.map(\.classLabel), ["5А", "5А", "5В"])
        XCTAssertEqual(dataset.results.map(\.journalMark), [5, 3, 4])
        XCTAssertEqual(dataset.results.first?.taskScores, [2, 3, 1])
        XCTAssertEqual(dataset.results.map(\.primaryScore), [6, 2, 3])

        let absent = try XCTUnwrap(outcome.rejected.first)
        XCTAssertEqual(outcome.rejected.count, 1)
        XCTAssertTrue(absent.isAbsence)
        XCTAssertEqual(absent.location.file, "protocol.csv")
        XCTAssertEqual(absent.location.line, 5)
        XCTAssertEqual(absent.location.column, 4)
        let summary = try XCTUnwrap(outcome.summary(of: "protocol.csv"))
        XCTAssertEqual(summary.rowsRead, 4)
        XCTAssertEqual(summary.rowsUsed, 3)
        XCTAssertEqual(summary.rowsRejected, 1)
        XCTAssertEqual(summary.rowsAbsent, 1)
        assertRowsAddUp(outcome)
        XCTAssertEqual(outcome.recognised.first { $0.file == "protocol.csv" }?.russianDescription,
                       "protocol.csv: Протокол, Математика 5 (2025), 2 ОО, 3 участника")
    }

    func testTheWorkComesFromTheFileNameBeforeATitleRow() throws {
        let body = form.split(separator: "\n", omittingEmptySubsequences: false).dropFirst().joined(separator: "\n")
        try fixture.write("ВПР 2025 Русский язык 4.csv", "Протокол проведения работы;;;;;;;;\n" + body.replacingOccurrences(of: "5А", with: "4А")
            .replacingOccurrences(of: "5В", with: "4В").replacingOccurrences(of: "5Б", with: "4Б"))
        let outcome = fixture.read()
        let dataset = try XCTUnwrap(outcome.dataset, "\(outcome.diagnostics)")
        XCTAssertEqual(Set(dataset.results.map(\.work)), [Work(year: 2025, subject: "Русский язык", grade: 4)])
        XCTAssertEqual(outcome.recognised.first?.layout, "Протокол")
        assertRowsAddUp(outcome)
    }

    func testAnEmptyFormIsReportedAsSuchAndTheOtherFilesAreStillRead() throws {
        try fixture.write("protocol.csv", form)
        try fixture.write("пустая форма.csv", "Пользователь;Код;Пол;Вариант;1;2;Наименование класса;Отметка за предыдущую четверть\n")
        let outcome = fixture.read()
        XCTAssertEqual(outcome.errors, [])
        let dataset = try XCTUnwrap(outcome.dataset, "\(outcome.diagnostics)")
        XCTAssertEqual(dataset.results.count, 3)
        let message = "форма сбора результатов «пустая форма.csv» пуста: нет ни одной строки участника"
        XCTAssertTrue(outcome.diagnostics.contains { $0.severity == .warning && $0.message == message }, "\(outcome.diagnostics)")
        let empty = try XCTUnwrap(outcome.recognised.first { $0.file == "пустая форма.csv" })
        XCTAssertEqual(empty.layout, "Протокол")
        XCTAssertEqual(empty.problem, message)
        XCTAssertEqual(outcome.summary(of: "пустая форма.csv")?.rowsRead, 0)
        assertRowsAddUp(outcome)
    }

    func testOnlyAnEmptyFormStopsTheRunSayingSo() throws {
        try fixture.write("протокол.csv", "Пользователь;Код;Пол;Вариант;1;2;Наименование класса;Отметка за предыдущее полугодие\n")
        let outcome = fixture.read()
        XCTAssertNil(outcome.dataset)
        XCTAssertTrue(outcome.diagnostics.contains { $0.message.contains("форма сбора результатов «протокол.csv» пуста") })
        XCTAssertFalse(outcome.errors.isEmpty)
    }

    func testAFormWithoutAWorkAnywhereIsAnErrorThatSaysWhereToPutIt() throws {
        let body = form.split(separator: "\n", omittingEmptySubsequences: false).dropFirst().joined(separator: "\n")
        try fixture.write("протокол.csv", body)
        let outcome = fixture.read()
        XCTAssertNil(outcome.dataset)
        let error = try XCTUnwrap(outcome.errors.first)
        XCTAssertTrue(error.message.contains("имя файла или листа"), error.message)
        XCTAssertEqual(outcome.recognised.first?.layout, "Протокол")
    }

    func testFormHeadersMapToTheResultsColumns() {
        let headers = ["Пользователь", "Код", "Пол", "Вариант", "1", "2", "Наименование класса", "Отметка за предыдущий триместр"]
        let mapping = HeaderMapping(headers: headers, vocabulary: .results, file: "f.csv", line: 1)
        XCTAssertEqual(mapping[.schoolID], 0)
        XCTAssertEqual(mapping[.studentID], 1)
        XCTAssertEqual(mapping[.gender], 2)
        XCTAssertEqual(mapping[.variant], 3)
        XCTAssertEqual(mapping.taskColumns.map(\.id), ["1", "2"])
        XCTAssertEqual(mapping[.classLabel], 6)
        XCTAssertEqual(mapping[.journalMark], 7)
        XCTAssertTrue(ResultsLayout.isCollectionFormHeader(mapping))
        XCTAssertEqual(HeaderVocabulary.results.role(of: "Логин"), .schoolID)
    }

    func testABareCodeGivesWayToTheParticipantCode() {
        let mapping = HeaderMapping(headers: ["Код", "Логин", "Код участника", "Наименование класса"], vocabulary: .results,
                                    file: "f.csv", line: 1)
        XCTAssertEqual(mapping[.studentID], 2)
        XCTAssertFalse(mapping.diagnostics.contains { $0.severity == .warning })
        XCTAssertTrue(mapping.diagnostics.contains { $0.message.contains("«Код» не используется") })
    }

    func testWorkWordsReadFileAndSheetNames() {
        let a = WorkWords("Математика 5")
        XCTAssertEqual(a.subject, "Математика")
        XCTAssertEqual(a.grade, 5)
        XCTAssertNil(a.year)
        let b = WorkWords("ВПР 2025 Русский язык 4")
        XCTAssertEqual(b.year, 2025)
        XCTAssertEqual(b.subject, "Русский язык")
        XCTAssertEqual(b.grade, 4)
        let c = WorkWords("протокол_окружающий_мир_4кл_2025")
        XCTAssertEqual(c.year, 2025)
        XCTAssertEqual(c.subject, "Окружающий мир")
        XCTAssertEqual(c.grade, 4)
        let d = WorkWords("Протокол")
        XCTAssertNil(d.subject)
        XCTAssertNil(d.grade)
        XCTAssertNil(d.year)
    }
}
