import Foundation
import XCTest
import ZIPFoundation
import VPRAnalysis
@testable import VPRSpreadsheet

/// Reading workbooks cell by cell: strings, numbers, booleans, gaps, merged cells, sheets, broken files.
final class XLSXReaderTests: XCTestCase {
    private var folder: URL!

    override func setUpWithError() throws {
        folder = FileManager.default.temporaryDirectory.appendingPathComponent("vpr-xlsx-\(UUID().uuidString)", isDirectory: true)
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    }

    override func tearDown() { try? FileManager.default.removeItem(at: folder) }

    func testCellsOfEveryKindAreReadAsText() throws {
        let url = folder.appendingPathComponent("cells.xlsx")
        try XLSXFixture.write([FixtureSheet(name: "Лист1", rows: [
            ["Код", .inline("Имя & «кавычки»"), .number("12.0"), .number("0.5"), .bool(true), .empty, .number("1.2E1")],
        ])], to: url)
        let rows = try XLSXTableReader().rows(of: url, sheet: "Лист1")
        XCTAssertEqual(rows, [TableRow(number: 1, cells: ["Код", "Имя & «кавычки»", "12", "0.5", "ИСТИНА", "", "12"])])
    }

    func testMissingCellsKeepTheirColumnsAndCellsWithoutReferencesFollowInOrder() throws {
        let url = folder.appendingPathComponent("gaps.xlsx")
        try XLSXFixture.write([FixtureSheet(name: "A", rows: [["a", .empty, .empty, "d"]], firstRow: 3)], to: url)
        XCTAssertEqual(try XLSXTableReader().rows(of: url, sheet: "A"), [TableRow(number: 3, cells: ["a", "", "", "d"])])
        let plain = folder.appendingPathComponent("plain.xlsx")
        try XLSXFixture.write([FixtureSheet(name: "A", rows: [["a", "b", 3]], withoutReferences: true)], to: plain)
        XCTAssertEqual(try XLSXTableReader().rows(of: plain, sheet: "A"), [TableRow(number: 1, cells: ["a", "b", "3"])])
    }

    func testAMergedHeaderCellAppliesToEveryMergedColumn() throws {
        let url = folder.appendingPathComponent("merged.xlsx")
        try XLSXFixture.write([FixtureSheet(name: "A", rows: [["Код участника", "Выполнение заданий", .empty, .empty], ["1", 1, 2, 0]],
                                            merges: ["B1:D1"])], to: url)
        let rows = try XLSXTableReader().rows(of: url, sheet: "A")
        XCTAssertEqual(rows[0].cells, ["Код участника", "Выполнение заданий", "Выполнение заданий", "Выполнение заданий"])
        XCTAssertEqual(rows[1].cells, ["1", "1", "2", "0"])
    }

    func testSheetsAreListedInWorkbookOrder() throws {
        let url = folder.appendingPathComponent("sheets.xlsx")
        try XLSXFixture.write([FixtureSheet(name: "Инструкция", rows: [["текст"]]), FixtureSheet(name: "Данные", rows: [["x"]])], to: url)
        XCTAssertEqual(try XLSXTableReader().sheetNames(of: url), ["Инструкция", "Данные"])
        XCTAssertEqual(try XLSXTableReader().rows(of: url, sheet: "Данные").first?.cells, ["x"])
    }

    func testAFileThatIsNotAZipIsRefusedInRussian() throws {
        let url = folder.appendingPathComponent("fake.xlsx")
        try Data("код;класс\n1;5А\n".utf8).write(to: url)
        XCTAssertThrowsError(try XLSXTableReader().sheetNames(of: url)) { error in
            XCTAssertTrue((error as? TableFileError)?.message.contains("не является книгой Excel") ?? false, "\(error)")
        }
    }

    func testATruncatedWorkbookIsRefused() throws {
        let url = folder.appendingPathComponent("cut.xlsx")
        try XLSXFixture.write([FixtureSheet(name: "A", rows: [["a"]])], to: url)
        let data = try Data(contentsOf: url)
        try data.prefix(data.count / 2).write(to: url)
        XCTAssertThrowsError(try XLSXTableReader().sheetNames(of: url)) { error in
            XCTAssertTrue(error is TableFileError, "\(error)")
        }
    }

    func testAnEntryDeclaringAHugeSizeIsRefusedBeforeUnpacking() throws {
        let url = folder.appendingPathComponent("bomb.xlsx")
        try XLSXFixture.write([FixtureSheet(name: "A", rows: [["a"]])], to: url)
        var bytes = [UInt8](try Data(contentsOf: url))
        // Declare 3.9 GiB as the unpacked size of the sheet in the central directory.
        let name = Array("xl/worksheets/sheet1.xml".utf8)
        var patched = false
        var i = 0
        while i + 46 < bytes.count {
            if bytes[i] == 0x50, bytes[i + 1] == 0x4B, bytes[i + 2] == 0x01, bytes[i + 3] == 0x02 {
                let nameLength = Int(bytes[i + 28]) | Int(bytes[i + 29]) << 8
                if Array(bytes[(i + 46)..<(i + 46 + nameLength)]) == name {
                    for k in 0..<4 { bytes[i + 24 + k] = k == 3 ? 0xF0 : 0x00 }
                    patched = true
                }
            }
            i += 1
        }
        XCTAssertTrue(patched)
        try Data(bytes).write(to: url)
        XCTAssertThrowsError(try XLSXTableReader().rows(of: url, sheet: "A")) { error in
            let message = (error as? TableFileError)?.message ?? "\(error)"
            XCTAssertTrue(message.contains("zip-бомб"), message)
        }
    }

    func testAPartLargerThanTheLimitIsRefused() throws {
        let url = folder.appendingPathComponent("big.xlsx")
        let rows = (0..<2000).map { _ in [FixtureCell.number("1"), .number("2"), .number("3")] }
        try XLSXFixture.write([FixtureSheet(name: "A", rows: rows)], to: url)
        let reader = XLSXTableReader(limits: XLSXLimits(maxEntrySize: 10_000))
        XCTAssertThrowsError(try reader.rows(of: url, sheet: "A")) { error in
            XCTAssertTrue((error as? TableFileError)?.message.contains("МиБ") ?? false, "\(error)")
        }
    }
}
