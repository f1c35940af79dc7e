import Foundation
import XCTest
@testable import VPRAnalysis
@testable import VPRSpreadsheet

/// The school collection form as a workbook: sheet «Протокол», the work in the file or sheet name,
/// an absent participant, an empty form beside a filled one, and the same form as CSV.
final class SpreadsheetCollectionFormTests: XCTestCase {
    private var folder: URL!

    override func setUpWithError() throws {
        folder = FileManager.default.temporaryDirectory.appendingPathComponent("vpr-protocol-\(UUID().uuidString)", isDirectory: true)
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    }

    override func tearDown() { try? FileManager.default.removeItem(at: folder) }

    private let scales = """
    year;subject;grade;max_score;min_mark3;min_mark4;min_mark5
    2025;Математика;5;6;2;4;6
    2025;Русский язык;4;6;2;4;6

    """

    private let header: [FixtureCell] = ["Пользователь", "Код", "Пол", "Вариант", "1", "2", "9.1", "Наименование класса",
                                         "Отметка за предыдущий триместр"]

    private var rows: [[FixtureCell]] {
        [header,
         ["sch000001", "0001", "М", 1, 2, 3, 1, "5А", 5],
         ["sch000001", "0002", "Ж", 2, 1, 1, 0, "5А", 3],
         ["sch000001", "0003", "Ж", "отсутствовал", .empty, .empty, .empty, "5Б", 4],
         ["sch000002", "0004", "М", 1, 0, 2, 1, "5В", 4]]
    }

    private func read(_ at: URL) -> IngestOutcome { InputFolderReader.withSpreadsheets.read(folder: at) }

    private func assertRowsAddUp(_ outcome: IngestOutcome, file: StaticString = #filePath, line: UInt = #line) {
        for summary in outcome.files {
            XCTAssertEqual(summary.rowsRead, summary.rowsUsed + summary.rowsRejected, summary.file, file: file, line: line)
            XCTAssertEqual(outcome.rejected.filter { $0.location.file == summary.file }.count, summary.rowsRejected,
                           summary.file, file: file, line: line)
        }
    }

    func testAProtocolSheetIsReadWithItsWorkFromTheFileName() throws {
        try Data(scales.utf8).write(to: folder.appendingPathComponent("scales.csv"))
        try XLSXFixture.write([FixtureSheet(name: "Протокол", rows: rows)],
                              to: folder.appendingPathComponent("ВПР 2025 Математика 5.xlsx"))
        let outcome = read(folder)
        let dataset = try XCTUnwrap(outcome.dataset, "\(outcome.diagnostics)")
        XCTAssertEqual(Set(dataset.results.map(\.work)), [Work(year: 2025, subject: "Математика", grade: 5)])
        XCTAssertEqual(dataset.results.map(\.studentID), ["0001", "0002", "0004"])
        XCTAssertEqual(dataset.results.map(\.journalMark), [5, 3, 4])
        XCTAssertEqual(dataset.results.last?.taskScores, [0, 2, 1])
        let absent = try XCTUnwrap(outcome.rejected.first)
        XCTAssertTrue(absent.isAbsence)
        XCTAssertEqual(absent.location.line, 4)
        let summary = try XCTUnwrap(outcome.summary(of: "ВПР 2025 Математика 5.xlsx"))
        XCTAssertEqual(summary.rowsRead, 4)
        XCTAssertEqual(summary.rowsUsed, 3)
        XCTAssertEqual(summary.rowsAbsent, 1)
        assertRowsAddUp(outcome)
        XCTAssertEqual(outcome.recognised.first?.russianDescription,
                       "ВПР 2025 Математика 5.xlsx: Протокол, лист «Протокол», Математика 5 (2025), 2 ОО, 3 участника")
    }

    func testTheSameFormAsCSVGivesTheSameResults() throws {
        let xlsxFolder = folder.appendingPathComponent("xlsx"), csvFolder = folder.appendingPathComponent("csv")
        for sub in [xlsxFolder, csvFolder] {
            try FileManager.default.createDirectory(at: sub, withIntermediateDirectories: true)
            try Data(scales.utf8).write(to: sub.appendingPathComponent("scales.csv"))
        }
        // The work in the sheet name of the workbook, in a title row of the CSV.
        try XLSXFixture.write([FixtureSheet(name: "ВПР 2025 Математика 5", rows: rows)],
                              to: xlsxFolder.appendingPathComponent("форма.xlsx"))
        let csv = "ВПР 2025 Математика 5 класс;;;;;;;;\n" + rows.map { row in
            row.map { cell -> String in
                switch cell {
                case .text(let s), .inline(let s), .number(let s), .formula(_, let s): return s
                case .bool(let b): return b ? "1" : "0"
                case .empty: return ""
                }
            }.joined(separator: ";")
        }.joined(separator: "\n") + "\n"
        try Data(csv.utf8).write(to: csvFolder.appendingPathComponent("форма.csv"))
        let fromXLSX = read(xlsxFolder), fromCSV = read(csvFolder)
        let a = try XCTUnwrap(fromXLSX.dataset, "\(fromXLSX.diagnostics)")
        let b = try XCTUnwrap(fromCSV.dataset, "\(fromCSV.diagnostics)")
        func key(_ r: StudentResult) -> String {
            "\(r.work.title) \(r.schoolID) \(r.classLabel) \(r.studentID) \(r.taskScores) \(String(describing: r.primaryScore)) \(String(describing: r.journalMark))"
        }
        XCTAssertEqual(a.results.map(key), b.results.map(key))
        XCTAssertEqual(a.results.count, 3)
        XCTAssertEqual(fromXLSX.rejected.count, 1)
        XCTAssertEqual(fromCSV.rejected.count, 1)
        XCTAssertEqual(fromXLSX.recognised.first?.layout, "Протокол")
        XCTAssertEqual(fromCSV.recognised.first?.layout, "Протокол")
    }

    func testAnEmptyProtocolBesideAFilledOneIsReportedAndTheRunGoesOn() throws {
        try Data(scales.utf8).write(to: folder.appendingPathComponent("scales.csv"))
        try XLSXFixture.write([FixtureSheet(name: "Протокол", rows: rows)],
                              to: folder.appendingPathComponent("ВПР 2025 Математика 5.xlsx"))
        try XLSXFixture.write([FixtureSheet(name: "Протокол", rows: [header])],
                              to: folder.appendingPathComponent("ВПР 2025 Русский язык 4.xlsx"))
        let outcome = read(folder)
        let dataset = try XCTUnwrap(outcome.dataset, "\(outcome.diagnostics)")
        XCTAssertEqual(dataset.results.count, 3)
        XCTAssertFalse(outcome.diagnostics.contains { $0.severity == .error })
        let empty = try XCTUnwrap(outcome.recognised.first { $0.file == "ВПР 2025 Русский язык 4.xlsx" })
        XCTAssertEqual(empty.russianDescription,
                       "ВПР 2025 Русский язык 4.xlsx: не используется — форма сбора результатов «ВПР 2025 Русский язык 4.xlsx» пуста: нет ни одной строки участника")
        assertRowsAddUp(outcome)
    }
}
