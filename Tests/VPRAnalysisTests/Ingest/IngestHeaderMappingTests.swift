import XCTest
@testable import VPRAnalysis

/// Recognising English and Russian headers, task columns and cell values.
final class IngestHeaderMappingTests: XCTestCase {
    private func role(_ header: String) -> ColumnRole? { HeaderVocabulary.results.role(of: header) }

    func testRussianResultHeadersAreRecognisedWhateverTheCaseAndSpaces() {
        XCTAssertEqual(role(" ГОД "), .year)
        XCTAssertEqual(role("Код ОО"), .schoolID)
        XCTAssertEqual(role("Логин\u{A0}ОО"), .schoolID)
        XCTAssertEqual(role("ОО"), .schoolID)
        XCTAssertEqual(role("Наименование ОО"), .schoolName)
        XCTAssertEqual(role("Название ОО"), .schoolName)
        XCTAssertEqual(role("Муниципалитет"), .municipality)
        XCTAssertEqual(role("МО"), .municipality)
        XCTAssertEqual(role("Муниципальный район"), .municipality)
        XCTAssertEqual(role("Класс"), .classLabel)
        XCTAssertEqual(role("Наименование класса"), .classLabel)
        XCTAssertEqual(role("Параллель"), .grade)
        XCTAssertEqual(role("Предмет"), .subject)
        XCTAssertEqual(role("Код участника"), .studentID)
        XCTAssertEqual(role("Код"), .studentID)
        XCTAssertEqual(role("Вариант"), .variant)
        XCTAssertEqual(role("Первичный балл"), .primaryScore)
        XCTAssertEqual(role("Сумма баллов"), .primaryScore)
        XCTAssertEqual(role("Отметка"), .mark)
        XCTAssertEqual(role("Отметка за работу"), .mark)
        XCTAssertEqual(role("Пол"), .gender)
        XCTAssertEqual(role("school_id"), .schoolID)
        XCTAssertEqual(role("Primary_Score"), .primaryScore)
    }

    func testJournalMarkHeadersOfEveryTermAreRecognised() {
        for header in ["Отметка по журналу", "Отметка за предыдущий период", "Отметка за предыдущий триместр",
                       "Отметка за 3 четверть", "Отметка за 1 полугодие", "Оценка за вторую четверть",
                       "Отметка (журнал)", "journal_mark"] {
            XCTAssertEqual(role(header), .journalMark, header)
        }
    }

    func testTaskHeadersGiveTheTaskIDAndTheMaximumWhenWritten() {
        XCTAssertEqual(TaskIdentifier.header("task_1"), .init(id: "1", maxPoints: nil))
        XCTAssertEqual(TaskIdentifier.header("task_9.1"), .init(id: "9.1", maxPoints: nil))
        XCTAssertEqual(TaskIdentifier.header("9.1"), .init(id: "9.1", maxPoints: nil))
        XCTAssertEqual(TaskIdentifier.header("К1"), .init(id: "К1", maxPoints: nil))
        XCTAssertEqual(TaskIdentifier.header("k2"), .init(id: "К2", maxPoints: nil))
        XCTAssertEqual(TaskIdentifier.header("1 (2б)"), .init(id: "1", maxPoints: 2))
        XCTAssertEqual(TaskIdentifier.header("10(3 балла)"), .init(id: "10", maxPoints: 3))
        XCTAssertEqual(TaskIdentifier.header("Задание 1"), .init(id: "1", maxPoints: nil))
        XCTAssertEqual(TaskIdentifier.header("Задание № 4 (1б)"), .init(id: "4", maxPoints: 1))
        XCTAssertNil(TaskIdentifier.header("Класс"))
        XCTAssertNil(TaskIdentifier.header("1 (комментарий)"))
        XCTAssertNil(TaskIdentifier.header("9."))
    }

    func testUnknownColumnsAreIgnoredWithANote() {
        let mapping = HeaderMapping(headers: ["Год", "Код ОО", "Цвет глаз", "1 (2б)"], vocabulary: .results,
                                    file: "results.csv", line: 1)
        XCTAssertEqual(mapping[.year], 0)
        XCTAssertEqual(mapping[.schoolID], 1)
        XCTAssertEqual(mapping.taskColumns, [.init(index: 3, id: "1", maxPoints: 2)])
        XCTAssertEqual(mapping.diagnostics.count, 1)
        XCTAssertEqual(mapping.diagnostics.first?.severity, .note)
        XCTAssertEqual(mapping.diagnostics.first?.location, SourceLocation(file: "results.csv", line: 1, column: 3))
    }

    func testScaleAndTaskHeadersAreMatchedGenerously() {
        XCTAssertEqual(HeaderVocabulary.scales.role(of: "Максимальный балл"), .maxScore)
        XCTAssertEqual(HeaderVocabulary.scales.role(of: "Мин. балл на 3"), .minMark3)
        XCTAssertEqual(HeaderVocabulary.scales.role(of: "Минимальный первичный балл на отметку «4»"), .minMark4)
        XCTAssertEqual(HeaderVocabulary.scales.role(of: "Порог 5"), .minMark5)
        XCTAssertEqual(HeaderVocabulary.scales.role(of: "Класс"), .grade)
        XCTAssertEqual(HeaderVocabulary.tasks.role(of: "Номер задания"), .task)
        XCTAssertEqual(HeaderVocabulary.tasks.role(of: "Макс. балл"), .maxPoints)
        XCTAssertEqual(HeaderVocabulary.tasks.role(of: "Уровень сложности"), .level)
    }

    func testNumbersAcceptDecimalCommaOrPointWhenWhole() {
        XCTAssertEqual(CellParser.value(of: "12"), .integer(12))
        XCTAssertEqual(CellParser.value(of: " 12,0 "), .integer(12))
        XCTAssertEqual(CellParser.value(of: "12.00"), .integer(12))
        XCTAssertEqual(CellParser.value(of: "12,5"), .fractional(12.5))
        XCTAssertEqual(CellParser.value(of: "-3"), .integer(-3))
        XCTAssertEqual(CellParser.value(of: "12a"), .invalid)
        XCTAssertEqual(CellParser.value(of: "1,"), .invalid)
    }

    func testEveryMissingTokenIsMissing() {
        for token in ["", " ", "-", "—", "–", "x", "X", "х", "Х", "нет", "НЕТ", "нет отметки", "н/а", "Н/А"] {
            XCTAssertEqual(CellParser.value(of: token), .missing, "«\(token)»")
        }
        XCTAssertEqual(CellParser.value(of: "да"), .invalid)
    }

    func testAbsenceIsRecognisedInEveryCommonSpelling() {
        for token in ["отсутствовал", "Отсутствовала", "ОТСУТСТВОВАЛ", "отс.", "Отс", "отсутствует"] {
            XCTAssertTrue(CellParser.isAbsenceText(token), token)
        }
        XCTAssertFalse(CellParser.isAbsenceText("отметка"))
    }

    func testSubjectNamesAreNormalised() {
        XCTAssertEqual(HeaderText.subjectName("математика"), "Математика")
        XCTAssertEqual(HeaderText.subjectName("  русский   язык "), "Русский язык")
        XCTAssertEqual(HeaderText.subjectName("РУССКИЙ ЯЗЫК"), "Русский язык")
    }
}
