import Foundation
import XCTest
@testable import VPRAnalysis
@testable import VPRSpreadsheet

/// Folders as a specialist fills them: Ф1 exports (one per work or school), CSV beside XLSX,
/// the same participant twice, conflicting metadata, broken files.
final class SpreadsheetFolderTests: XCTestCase {
    private var folder: URL!

    override func setUpWithError() throws {
        folder = FileManager.default.temporaryDirectory.appendingPathComponent("vpr-xlsx-folder-\(UUID().uuidString)", isDirectory: true)
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    }

    override func tearDown() { try? FileManager.default.removeItem(at: folder) }

    private let mathTasks: [(id: String, max: Int, level: String)] = [("1", 2, "Б"), ("2", 3, "Б"), ("9.1", 1, "П")]

    /// Marks by the scale «3» from 2, «4» from 4, «5» from 6 (6 points in all), so a scale can be inferred.
    private func mark(_ total: Int) -> Int { total >= 6 ? 5 : total >= 4 ? 4 : total >= 2 ? 3 : 2 }

    private func student(_ school: String, _ code: Int, _ scores: [Int], journal: FixtureCell = 4)
        -> (school: String, cls: String, code: String, scores: [FixtureCell], mark: FixtureCell, journal: FixtureCell) {
        (school, "5А", String(code), scores.map { .number(String($0)) }, .number(String(mark(scores.reduce(0, +)))), journal)
    }

    private func read() -> IngestOutcome { InputFolderReader.withSpreadsheets.read(folder: folder) }

    private func assertRowsAddUp(_ outcome: IngestOutcome, file: StaticString = #filePath, line: UInt = #line) {
        for summary in outcome.files {
            XCTAssertEqual(summary.rowsRead, summary.rowsUsed + summary.rowsRejected, summary.file, file: file, line: line)
            XCTAssertEqual(outcome.rejected.filter { $0.location.file == summary.file }.count, summary.rowsRejected,
                           summary.file, file: file, line: line)
        }
    }

    private var mathStudents: [(school: String, cls: String, code: String, scores: [FixtureCell], mark: FixtureCell, journal: FixtureCell)] {
        [student("sch000001", 1001, [0, 1, 0]), student("sch000001", 1002, [1, 2, 0]), student("sch000001", 1003, [2, 2, 1]),
         student("sch000002", 2001, [2, 3, 1]), student("sch000002", 2002, [1, 1, 1]),
         student("sch000003", 3001, [2, 3, 0], journal: .text("нет отметки"))]
    }

    func testAnIndividualResultsExportIsReadWithItsWorkTasksAndLevelsFromTheFile() throws {
        var sheet = XLSXFixture.individualResults(tasks: mathTasks, students: mathStudents)
        sheet.rows.append([.text("sch000003"), "Район", "МБОУ", 3002, "5А", 1, .text("X"), .text("Х"), .text("—"), .text("-"), .text("нет отметки"), .empty])
        try XLSXFixture.write([FixtureSheet(name: "Инструкция", rows: [["Как читать выгрузку"]]), sheet],
                              to: folder.appendingPathComponent("results-mat5.xlsx"))
        let outcome = read()
        let dataset = try XCTUnwrap(outcome.dataset, "\(outcome.diagnostics)")
        let work = Work(year: 2025, subject: "Математика", grade: 5)
        XCTAssertEqual(Set(dataset.works.keys), [work])
        XCTAssertEqual(dataset.works[work]?.tasks, [TaskSpec(id: "1", maxPoints: 2, level: .basic),
                                                    TaskSpec(id: "2", maxPoints: 3, level: .basic),
                                                    TaskSpec(id: "9.1", maxPoints: 1, level: .advanced)])
        XCTAssertEqual(dataset.results.count, 6)
        XCTAssertEqual(Set(dataset.results.map(\.schoolID)), ["sch000001", "sch000002", "sch000003"])
        XCTAssertEqual(dataset.results.first { $0.studentID == "2001" }?.taskScores, [2, 3, 1])
        XCTAssertNil(dataset.results.first { $0.studentID == "3001" }?.journalMark)
        XCTAssertEqual(dataset.school("sch000001").name, "МБОУ СОШ № 1")
        // The row of missing values («X», «Х», «—», «-») has no score at all: rejected, with its place in the sheet.
        XCTAssertEqual(outcome.rejected.count, 1)
        XCTAssertEqual(outcome.rejected.first?.location.file, "results-mat5.xlsx")
        XCTAssertEqual(outcome.rejected.first?.location.line, 15)
        let summary = try XCTUnwrap(outcome.summary(of: "results-mat5.xlsx"))
        XCTAssertEqual(summary.rowsRead, 7)
        XCTAssertEqual(summary.rowsUsed, 6)
        assertRowsAddUp(outcome)
        XCTAssertEqual(outcome.recognised.first?.russianDescription,
                       "results-mat5.xlsx: Ф1, лист «Индивидуальные результаты», Математика 5 (2025), 3 ОО, 6 участников")
        XCTAssertTrue(outcome.diagnostics.contains { $0.message.contains("пропущены листы") && $0.message.contains("Инструкция") })
    }

    func testAMergedHeaderCellNamesEveryColumnItSpans() throws {
        // «Код участника» spans two header rows; the school code is in the metadata line only.
        let rows: [[FixtureCell]] = [
            [.text("ВПР 2025 Русский язык 4 класс")],
            [.text("МБОУ СОШ № 7 (sch000007) | Кол-во участников: 2")],
            ["Код участника", "Класс", "1 (1б)", "2 (2б)", "Первичный балл", "Отметка"],
            [.empty, .empty, .empty, .empty, .empty, .empty],
            [7001, "4Б", 1, 2, 3, 5],
            [7002, "4Б", 0, 1, 1, 3],
            [7003, "4Б", 1, 1, 2, 4],
        ]
        var sheet = FixtureSheet(name: "Лист1", rows: rows, merges: ["A3:A4", "B3:B4", "E3:E4", "F3:F4"])
        sheet.name = "Лист1"
        try XLSXFixture.write([sheet], to: folder.appendingPathComponent("rus4.xlsx"))
        let outcome = read()
        let dataset = try XCTUnwrap(outcome.dataset, "\(outcome.diagnostics)")
        XCTAssertEqual(Set(dataset.results.map(\.schoolID)), ["sch000007"])
        XCTAssertEqual(Set(dataset.results.map(\.work.title)), ["Русский язык 4"])
        XCTAssertEqual(dataset.results.map(\.primaryScore), [3, 1, 2])
        // The second header row is blank once merged values are set aside: it is not counted as data.
        XCTAssertEqual(outcome.summary(of: "rus4.xlsx")?.rowsRead, 3)
    }

    func testACP1251CSVBesideAnXLSXIsMergedAndTheSameParticipantTwiceIsCountedOnce() throws {
        try XLSXFixture.write([XLSXFixture.individualResults(tasks: mathTasks, students: mathStudents)],
                              to: folder.appendingPathComponent("Математика 5.xlsx"))
        let csv = """
        Год;Код ОО;Класс;Предмет;Код участника;1 (2б);2 (3б);9.1 (1б);Первичный балл;Отметка
        2025;sch000004;5В;Математика;4001;2;3;1;6;5
        2025;sch000001;5А;Математика;1001;0;1;0;1;2

        """
        try Data(Windows1251.encode(csv)!).write(to: folder.appendingPathComponent("выгрузка школы 4.csv"))
        let outcome = read()
        let dataset = try XCTUnwrap(outcome.dataset, "\(outcome.diagnostics)")
        XCTAssertEqual(dataset.results.count, 7)
        XCTAssertEqual(outcome.summary(of: "выгрузка школы 4.csv")?.encoding, .windows1251)
        let duplicate = try XCTUnwrap(outcome.rejected.first)
        XCTAssertEqual(duplicate.location.file, "выгрузка школы 4.csv")
        XCTAssertEqual(duplicate.location.line, 3)
        XCTAssertEqual(duplicate.location.column, 5)
        XCTAssertTrue(duplicate.reason.contains("Математика 5.xlsx"), duplicate.reason)
        XCTAssertEqual(outcome.summary(of: "выгрузка школы 4.csv")?.rowsRejected, 1)
        assertRowsAddUp(outcome)
        XCTAssertEqual(outcome.recognised.count, 2)
    }

    func testOneFilePerSchoolOfOneWorkPoolsTheScale() throws {
        // No school alone has every mark, so the scale is inferred from all files together.
        let a = [student("sch000001", 1, [0, 1, 0]), student("sch000001", 2, [1, 2, 0])]
        let b = [student("sch000002", 3, [2, 2, 1]), student("sch000002", 4, [2, 3, 1])]
        try XLSXFixture.write([XLSXFixture.individualResults(school: "sch000001", tasks: mathTasks, students: a)],
                              to: folder.appendingPathComponent("a.xlsx"))
        try XLSXFixture.write([XLSXFixture.individualResults(school: "sch000002", tasks: mathTasks, students: b)],
                              to: folder.appendingPathComponent("b.xlsx"))
        let outcome = read()
        let dataset = try XCTUnwrap(outcome.dataset, "\(outcome.diagnostics)")
        let work = Work(year: 2025, subject: "Математика", grade: 5)
        XCTAssertEqual(dataset.works[work]?.scale, MarkScale(maxScore: 6, minMark3: 3, minMark4: 5, minMark5: 6))
        XCTAssertEqual(outcome.files.map(\.file), ["a.xlsx", "b.xlsx"])
    }

    func testTwoMaximaForOneTaskOfOneWorkAreAnErrorNamingBothPlaces() throws {
        try XLSXFixture.write([XLSXFixture.individualResults(tasks: mathTasks, students: mathStudents)],
                              to: folder.appendingPathComponent("a.xlsx"))
        let other: [(id: String, max: Int, level: String)] = [("1", 2, "Б"), ("2", 4, "Б"), ("9.1", 1, "П")]
        try XLSXFixture.write([XLSXFixture.individualResults(tasks: other, students: mathStudents)],
                              to: folder.appendingPathComponent("b.xlsx"))
        let outcome = read()
        XCTAssertNil(outcome.dataset)
        let errors = outcome.diagnostics.filter { $0.severity == .error }.map(\.message)
        XCTAssertTrue(errors.contains { $0.contains("задания 2") && $0.contains("a.xlsx:8:8") && $0.contains("b.xlsx:8:8") }, "\(errors)")
        XCTAssertTrue(errors.contains { $0.contains("максимальные первичные баллы") }, "\(errors)")
    }

    func testABrokenWorkbookStopsTheRunWithItsName() throws {
        try XLSXFixture.write([XLSXFixture.individualResults(tasks: mathTasks, students: mathStudents)],
                              to: folder.appendingPathComponent("good.xlsx"))
        try Data("not a zip".utf8).write(to: folder.appendingPathComponent("broken.xlsx"))
        let outcome = read()
        XCTAssertNil(outcome.dataset)
        XCTAssertTrue(outcome.diagnostics.contains { $0.severity == .error && $0.location?.file == "broken.xlsx" }, "\(outcome.diagnostics)")
        XCTAssertEqual(outcome.recognised.first { $0.file == "broken.xlsx" }?.problem != nil, true)
    }

    func testAWorkbookWithoutAResultsTableIsSkippedWithAReason() throws {
        try XLSXFixture.write([XLSXFixture.individualResults(tasks: mathTasks, students: mathStudents)],
                              to: folder.appendingPathComponent("good.xlsx"))
        try XLSXFixture.write([FixtureSheet(name: "Шкалы", rows: [["Предмет", "Мин. балл на 3"], ["Математика", 2]])],
                              to: folder.appendingPathComponent("notes.xlsx"))
        let outcome = read()
        XCTAssertNotNil(outcome.dataset, "\(outcome.diagnostics)")
        let notes = try XCTUnwrap(outcome.recognised.first { $0.file == "notes.xlsx" })
        XCTAssertTrue(notes.russianDescription.hasPrefix("notes.xlsx: не используется — "), notes.russianDescription)
    }

    func testEverySheetOfAWorkbookThatHoldsResultsIsRead() throws {
        // One workbook, a sheet per school (as a municipality collects them), and a sheet of notes.
        var first = XLSXFixture.individualResults(school: "sch000001", tasks: mathTasks, students: Array(mathStudents.prefix(3)))
        first.name = "sch000001"
        var second = XLSXFixture.individualResults(school: "sch000002", tasks: mathTasks, students: Array(mathStudents[3..<5]))
        second.name = "sch000002"
        try XLSXFixture.write([first, FixtureSheet(name: "Примечания", rows: [["Собрано в управлении"]]), second],
                              to: folder.appendingPathComponent("район.xlsx"))
        let outcome = read()
        let dataset = try XCTUnwrap(outcome.dataset, "\(outcome.diagnostics)")
        XCTAssertEqual(dataset.results.count, 5)
        XCTAssertEqual(Set(dataset.results.map(\.schoolID)), ["sch000001", "sch000002"])
        assertRowsAddUp(outcome)
        XCTAssertTrue(outcome.diagnostics.contains {
            $0.message.contains("читаются листы «sch000001», «sch000002»") && $0.message.contains("«Примечания»")
        }, "\(outcome.diagnostics.map(\.message))")
    }

    func testFilesTheAnalyzerCannotReadAreNamedWithTheReason() throws {
        try XLSXFixture.write([XLSXFixture.individualResults(tasks: mathTasks, students: mathStudents)],
                              to: folder.appendingPathComponent("good.xlsx"))
        try Data("old".utf8).write(to: folder.appendingPathComponent("старая выгрузка.xls"))
        try Data("text".utf8).write(to: folder.appendingPathComponent("пояснения.txt"))
        let outcome = read()
        XCTAssertNotNil(outcome.dataset, "\(outcome.diagnostics)")
        let xls = try XCTUnwrap(outcome.recognised.first { $0.file == "старая выгрузка.xls" })
        XCTAssertTrue(xls.russianDescription.contains("сохраните как «Книга Excel (*.xlsx)»"), xls.russianDescription)
        let txt = try XCTUnwrap(outcome.recognised.first { $0.file == "пояснения.txt" })
        XCTAssertTrue(txt.russianDescription.contains("читаются файлы .csv и .xlsx"), txt.russianDescription)
    }
}
