import Foundation
import XCTest
@testable import VPRAnalysis

/// Reading a whole input folder: encodings, separators, Russian exports, absences, derived values.
final class IngestFolderReaderTests: XCTestCase {
    private var fixture: IngestFixture!

    override func setUpWithError() throws { fixture = try IngestFixture() }
    override func tearDown() { fixture.remove() }

    private let englishResults = """
    year;school_id;class;subject;student_id;variant;task_1;task_2;task_3;primary_score;mark;journal_mark
    2025;S1;5А;Математика;1001;1;2;3;4;9;3;4
    2025;S1;5А;Математика;1002;2;5;5;6;16;5;5
    2025;S2;5Б;математика;2001;1;1;0;;1;2;3

    """

    func testAContractFileInUTF8IsReadCompletely() throws {
        try fixture.writeStandard(results: englishResults)
        let outcome = fixture.read()
        XCTAssertTrue(outcome.isUsable, "\(outcome.errors)")
        let dataset = try XCTUnwrap(outcome.dataset)
        let work = Work(year: 2025, subject: "Математика", grade: 5)
        XCTAssertEqual(dataset.results.count, 3)
        XCTAssertEqual(Set(dataset.results.map(\.work)), [work])
        XCTAssertEqual(dataset.works[work]?.tasks.map(\.id), ["1", "2", "3"])
        XCTAssertEqual(dataset.results[0].taskScores, [2, 3, 4])
        XCTAssertEqual(dataset.results[2].taskScores, [1, 0, nil])
        XCTAssertEqual(dataset.results[0].journalMark, 4)
        XCTAssertEqual(dataset.results[1].source, SourceLocation(file: "results.csv", line: 3))
        XCTAssertEqual(Set(dataset.schools.keys), ["S1", "S2"])
        XCTAssertEqual(outcome.resultsSummary, FileSummary(file: "results.csv", encoding: .utf8, delimiter: ";",
                                                           rowsRead: 3, rowsUsed: 3, rowsRejected: 0, rowsAbsent: 0))
        XCTAssertTrue(outcome.rejected.isEmpty)
        XCTAssertTrue(outcome.findings.isEmpty, "\(outcome.findings)")
        assertRowsAddUp(outcome)
    }

    func testEveryEncodingGivesTheSameDataset() throws {
        for (encoding, kind) in [(IngestFixture.Encoding.utf8, TextEncodingKind.utf8), (.utf8BOM, .utf8BOM), (.windows1251, .windows1251)] {
            let fixture = try IngestFixture()
            defer { fixture.remove() }
            try fixture.writeStandard(results: englishResults, encoding: encoding)
            let outcome = fixture.read()
            XCTAssertEqual(outcome.resultsSummary?.encoding, kind)
            let dataset = try XCTUnwrap(outcome.dataset, "\(kind): \(outcome.errors)")
            XCTAssertEqual(dataset.results.map(\.classLabel), ["5А", "5А", "5Б"], "\(kind)")
            XCTAssertEqual(dataset.results.map(\.work.subject), ["Математика", "Математика", "Математика"], "\(kind)")
        }
    }

    func testEverySeparatorIsDetected() throws {
        for (separator, name) in [(";", ";"), (",", ","), ("\t", "\t")] {
            let fixture = try IngestFixture()
            defer { fixture.remove() }
            try fixture.writeStandard(results: englishResults.replacingOccurrences(of: ";", with: separator))
            let outcome = fixture.read()
            XCTAssertEqual(outcome.resultsSummary?.delimiter, name)
            XCTAssertEqual(outcome.dataset?.results.count, 3, "separator \(name): \(outcome.errors)")
        }
    }

    func testQuotedFieldsCRLFAndNoFinalNewlineAreHandledWithCorrectLines() throws {
        let results = "year;school_id;class;subject;student_id;primary_score\r\n"
            + "2025;\"S;1\";\"5А\";\"Математика\";\"10\"\"01\";9\r\n"
            + "2025;S2;\"5\nБ\";Математика;2001;-5\r\n"
            + "2025;S2;5Б;Математика;2002;12"
        try fixture.writeStandard(results: results)
        let outcome = fixture.read()
        let dataset = try XCTUnwrap(outcome.dataset, "\(outcome.errors)")
        XCTAssertEqual(dataset.results.map(\.schoolID), ["S;1", "S2"])
        XCTAssertEqual(dataset.results.map(\.studentID), ["10\"01", "2002"])
        XCTAssertEqual(dataset.results.map(\.source.line), [2, 5])
        XCTAssertEqual(outcome.rejected.map(\.location), [SourceLocation(file: "results.csv", line: 3, column: 6)])
        assertRowsAddUp(outcome)
    }

    func testARussianExportWithJournalTermAndTaskMaximaInHeadersIsRead() throws {
        let results = """
        Год;Логин ОО;Наименование ОО;Муниципалитет;Класс;Предмет;Код участника;Вариант;Пол;1 (2б);2 (1б);К1 (3б);Сумма баллов;Отметка за работу;Отметка за предыдущий триместр
        2025;sch101;МБОУ СОШ № 1;Заречный район;4Б;русский язык;00017;2;Ж;2;1;3;6;2;3

        """
        try fixture.write("scales.csv", IngestFixture.scales)
        try fixture.write("results.csv", results, encoding: .windows1251)
        let outcome = fixture.read()
        let dataset = try XCTUnwrap(outcome.dataset, "\(outcome.errors)")
        let work = Work(year: 2025, subject: "Русский язык", grade: 4)
        XCTAssertEqual(dataset.works[work]?.tasks, [TaskSpec(id: "1", maxPoints: 2), TaskSpec(id: "2", maxPoints: 1),
                                                   TaskSpec(id: "К1", maxPoints: 3)])
        let result = try XCTUnwrap(dataset.results.first)
        XCTAssertEqual(result.studentID, "00017")
        XCTAssertEqual(result.variant, "2")
        XCTAssertEqual(result.gender, "Ж")
        XCTAssertEqual(result.journalMark, 3)
        XCTAssertEqual(result.taskScores, [2, 1, 3])
        XCTAssertEqual(dataset.school("sch101").name, "МБОУ СОШ № 1")
        XCTAssertEqual(dataset.school("sch101").municipality, "Заречный район")
        XCTAssertFalse(outcome.diagnostics.contains { $0.severity == .note && $0.message.contains("не распознан") })
    }

    func testGradeComesFromTheClassLabelWhenThereIsNoGradeColumn() throws {
        let results = """
        year;school_id;class;subject;student_id;primary_score
        2025;S1;5Б;Математика;1;10
        2025;S1;10-А;Математика;2;10
        2025;S1;Б;Математика;3;10

        """
        try fixture.write("scales.csv", IngestFixture.scales + "2025;Математика;10;20;6;11;16\n")
        try fixture.write("results.csv", results)
        let outcome = fixture.read()
        let dataset = try XCTUnwrap(outcome.dataset, "\(outcome.errors)")
        XCTAssertEqual(dataset.results.map(\.work.grade), [5, 10])
        XCTAssertEqual(outcome.rejected.first?.location, SourceLocation(file: "results.csv", line: 4, column: 3))
        XCTAssertTrue(outcome.rejected.first?.reason.contains("параллель") ?? false)
    }

    func testAGradeColumnWinsOverTheClassLabel() throws {
        let results = """
        Год;ОО;Класс;Параллель;Предмет;Код;Первичный балл
        2025;S1;А;5;Математика;1;10

        """
        try fixture.writeStandard(results: results)
        XCTAssertEqual(fixture.read().dataset?.results.first?.work.grade, 5)
    }

    func testAbsentParticipantsAreExcludedCountedAndListed() throws {
        let results = """
        year;school_id;class;subject;student_id;task_1;task_2;primary_score
        2025;S1;5А;Математика;1;2;3;5
        2025;S1;5А;Математика;2;отсутствовал;;
        2025;S1;5А;Математика;3;;;Отсутствовала
        2025;S1;5А;Математика;4;отс.;отс.;отс.

        """
        try fixture.writeStandard(results: results)
        let outcome = fixture.read()
        XCTAssertEqual(outcome.dataset?.results.count, 1)
        XCTAssertEqual(outcome.resultsSummary?.rowsRead, 4)
        XCTAssertEqual(outcome.resultsSummary?.rowsUsed, 1)
        XCTAssertEqual(outcome.resultsSummary?.rowsRejected, 3)
        XCTAssertEqual(outcome.resultsSummary?.rowsAbsent, 3)
        XCTAssertEqual(outcome.rejected.map(\.isAbsence), [true, true, true])
        XCTAssertEqual(Set(outcome.rejected.map(\.reason)), ["участник отсутствовал"])
        XCTAssertEqual(outcome.rejected.map(\.location.line), [3, 4, 5])
        XCTAssertEqual(outcome.rejected.first?.fields.count, 8)
        assertRowsAddUp(outcome)
    }

    func testEveryMissingTokenLeavesATaskScoreMissing() throws {
        let tokens = ["", "-", "—", "–", "x", "X", "х", "Х", "нет", "Нет отметки", "н/а"]
        var results = "year;school_id;class;subject;student_id;task_1;task_2;mark;journal_mark\n"
        for (i, token) in tokens.enumerated() {
            results += "2025;S1;5А;Математика;\(i);7;\(token);\(token);\(token)\n"
        }
        try fixture.writeStandard(results: results)
        let outcome = fixture.read()
        let dataset = try XCTUnwrap(outcome.dataset, "\(outcome.errors) \(outcome.rejected)")
        XCTAssertEqual(dataset.results.count, tokens.count)
        for result in dataset.results {
            XCTAssertEqual(result.taskScores, [7], "only task 1 exists for the work")
            XCTAssertEqual(result.primaryScore, 7)
            XCTAssertEqual(result.mark, 3, "derived from the scale")
            XCTAssertNil(result.journalMark)
        }
        XCTAssertTrue(outcome.findings.isEmpty)
    }

    func testPrimaryScoreIsTheSumOfTasksWhenAbsentAndTheMarkComesFromTheScale() throws {
        let results = """
        year;school_id;class;subject;student_id;task_1;task_2
        2025;S1;5А;Математика;1;10;6

        """
        try fixture.writeStandard(results: results)
        let result = try XCTUnwrap(fixture.read().dataset?.results.first)
        XCTAssertEqual(result.primaryScore, 16)
        XCTAssertEqual(result.mark, 5)
    }

    func testWholeNumbersWithADecimalCommaAreAccepted() throws {
        let results = """
        year;school_id;class;subject;student_id;primary_score;mark
        2025;S1;5А;Математика;1;12,0;4

        """
        try fixture.writeStandard(results: results)
        XCTAssertEqual(fixture.read().dataset?.results.first?.primaryScore, 12)
    }

    func testTasksCSVDecidesTheTasksTheirOrderMaximaAndLevels() throws {
        try fixture.write("tasks.csv", """
        Год;Предмет;Класс;Номер задания;Макс. балл;Уровень
        2025;Математика;5;2;2,0;П
        2025;Математика;5;1;1;Б
        2025;Математика;5;3;3;В

        """)
        try fixture.writeStandard(results: """
        year;school_id;class;subject;student_id;task_1;task_2;task_3;task_4
        2025;S1;5А;Математика;1;1;2;;5

        """)
        let outcome = fixture.read()
        let dataset = try XCTUnwrap(outcome.dataset, "\(outcome.errors)")
        let spec = try XCTUnwrap(dataset.works[Work(year: 2025, subject: "Математика", grade: 5)])
        XCTAssertEqual(spec.tasks, [TaskSpec(id: "2", maxPoints: 2, level: .advanced), TaskSpec(id: "1", maxPoints: 1, level: .basic),
                                    TaskSpec(id: "3", maxPoints: 3, level: .high)])
        XCTAssertEqual(dataset.results.first?.taskScores, [2, 1, nil])
        XCTAssertEqual(dataset.results.first?.primaryScore, 3, "task 4 is not in tasks.csv and does not count")
        XCTAssertTrue(outcome.diagnostics.contains { $0.severity == .warning && $0.message.contains("задание 4") })
        XCTAssertEqual(outcome.summary(of: "tasks.csv")?.rowsUsed, 3)
    }

    func testWithoutTasksCSVAWorkHasTheTaskColumnsFilledForItAndMaximaFromScoresWithANote() throws {
        try fixture.writeStandard(results: """
        year;school_id;class;subject;student_id;task_1;task_2;task_3
        2025;S1;5А;Математика;1;1;;2
        2025;S1;5А;Математика;2;0;;1
        2025;S1;4А;Русский язык;3;3;4;

        """)
        let outcome = fixture.read()
        let dataset = try XCTUnwrap(outcome.dataset, "\(outcome.errors)")
        XCTAssertEqual(dataset.works[Work(year: 2025, subject: "Математика", grade: 5)]?.tasks,
                       [TaskSpec(id: "1", maxPoints: 1), TaskSpec(id: "3", maxPoints: 2)])
        XCTAssertEqual(dataset.works[Work(year: 2025, subject: "Русский язык", grade: 4)]?.tasks.map(\.id), ["1", "2"])
        XCTAssertEqual(dataset.results.map(\.taskScores), [[1, 2], [0, 1], [3, 4]])
        XCTAssertTrue(outcome.diagnostics.contains { $0.severity == .note && $0.message.contains("наибольший набранный балл") })
    }

    func testSchoolsCSVDescribesSchoolsAndResultsFillTheGaps() throws {
        try fixture.write("schools.csv", """
        Код ОО,Наименование ОО,МО,Тип населенного пункта,Тип ОО
        S1,Гимназия № 2,Город,город,гимназия

        """)
        try fixture.writeStandard(results: """
        year;school_id;school_name;class;subject;student_id;primary_score
        2025;S1;Иное имя;5А;Математика;1;10
        2025;S2;СОШ с. Озёрное;5А;Математика;2;10
        2025;S3;;5А;Математика;3;10

        """)
        let outcome = fixture.read()
        let dataset = try XCTUnwrap(outcome.dataset, "\(outcome.errors)")
        XCTAssertEqual(dataset.schools["S1"], School(id: "S1", name: "Гимназия № 2", municipality: "Город",
                                                     locality: "город", schoolType: "гимназия"))
        XCTAssertEqual(dataset.schools["S2"]?.name, "СОШ с. Озёрное")
        XCTAssertEqual(dataset.schools["S3"], School(id: "S3"))
        XCTAssertEqual(outcome.summary(of: "schools.csv")?.delimiter, ",")
    }

    func testChunkBoundariesDoNotChangeTheResult() throws {
        try fixture.writeStandard(results: englishResults)
        let whole = try XCTUnwrap(fixture.read().dataset)
        let chunked = try XCTUnwrap(fixture.read(chunkSize: 5).dataset)
        XCTAssertEqual(whole.results, chunked.results)
    }

    func testSchoolIDsWithDoubledQuotesStayDistinctAndParticipantCodesKeepLeadingZeros() throws {
        try fixture.writeStandard(results: """
        year;school_id;class;subject;student_id;primary_score
        2025;"A""1";5А;Математика;017;10
        2025;"B""2";5А;Математика;17;10
        2025;"B""2";5А;Математика;0017;10

        """)
        let dataset = try XCTUnwrap(fixture.read().dataset)
        XCTAssertEqual(dataset.results.map(\.schoolID), ["A\"1", "B\"2", "B\"2"])
        XCTAssertEqual(dataset.results.map(\.studentID), ["017", "17", "0017"])
        XCTAssertEqual(Set(dataset.schools.keys), ["A\"1", "B\"2"])
    }

    func testFileNamesAreFoundWhateverTheirCase() throws {
        try fixture.write("Scales.CSV", IngestFixture.scales)
        try fixture.write("RESULTS.csv", englishResults)
        XCTAssertTrue(fixture.read().isUsable)
    }
}
