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

    /// A real bomb: a sheet of 3 MiB of one repeated cell packs into a few KiB. With the ratio limit lowered
    /// to 100 (the default, 1000, is for sheets of hundreds of MiB) it is refused before it is unpacked.
    func testASheetPackedFarMoreDenselyThanAnyRealSheetIsRefused() throws {
        let url = folder.appendingPathComponent("dense.xlsx")
        let row = "<row>" + String(repeating: "<c><v>0</v></c>", count: 1000) + "</row>"
        let xml = "<?xml version=\"1.0\" encoding=\"UTF-8\"?><worksheet xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\"><sheetData>"
            + String(repeating: row, count: 200) + "</sheetData></worksheet>"
        try XLSXFixture.write([FixtureSheet(name: "A", rows: [], rawXML: xml)], to: url)
        XCTAssertLessThan(try Data(contentsOf: url).count, 200_000, "the workbook is small on disk")
        let reader = XLSXTableReader(limits: XLSXLimits(maxCompressionRatio: 100))
        XCTAssertThrowsError(try reader.rows(of: url, sheet: "A")) { error in
            let message = (error as? TableFileError)?.message ?? "\(error)"
            XCTAssertTrue(message.contains("сжата подозрительно сильно"), message)
        }
        // With the default limits the same sheet is read, row by row.
        XCTAssertEqual(try XLSXTableReader().rows(of: url, sheet: "A").count, 200)
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

/// Workbooks that point outside themselves: the reader takes the values Excel cached and never follows a
/// link to another workbook, a web address or a file named in an XML entity.
final class XLSXHostileWorkbookTests: XCTestCase {
    private var folder: URL!

    override func setUpWithError() throws {
        folder = FileManager.default.temporaryDirectory.appendingPathComponent("xlsx-hostile-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    }

    override func tearDown() { try? FileManager.default.removeItem(at: folder) }

    func testAFormulaOnAnExternalWorkbookGivesItsCachedValueAndTheLinkIsIgnored() throws {
        let url = folder.appendingPathComponent("links.xlsx")
        let link = """
            <?xml version="1.0" encoding="UTF-8"?><externalLink xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><externalBook xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships" r:id="rId1"/></externalLink>
            """
        let linkRels = """
            <?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/externalLinkPath" Target="http://evil.example/book.xlsx" TargetMode="External"/></Relationships>
            """
        try XLSXFixture.write([FixtureSheet(name: "Лист1", rows: [["Код участника", "Первичный балл"],
                                                                   [.number("101"), .formula("[1]Sheet1!A1", cached: "7")],
                                                                   [.number("102"), .formula("HYPERLINK(\"http://evil.example\")", cached: "8")]])],
                              to: url, extraParts: [("xl/externalLinks/externalLink1.xml", Data(link.utf8)),
                                                    ("xl/externalLinks/_rels/externalLink1.xml.rels", Data(linkRels.utf8))])
        let rows = try XLSXTableReader().rows(of: url, sheet: "Лист1")
        XCTAssertEqual(rows.map(\.cells), [["Код участника", "Первичный балл"], ["101", "7"], ["102", "8"]])
    }

    func testAnXMLEntityNamingALocalFileIsNotExpanded() throws {
        let secret = folder.appendingPathComponent("secret.txt")
        try Data("СЕКРЕТ".utf8).write(to: secret)
        let xml = """
            <?xml version="1.0" encoding="UTF-8"?>
            <!DOCTYPE worksheet [<!ENTITY xxe SYSTEM "file://\(secret.path)">]>
            <worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData><row r="1"><c r="A1" t="inlineStr"><is><t>до &xxe; после</t></is></c></row></sheetData></worksheet>
            """
        let url = folder.appendingPathComponent("xxe.xlsx")
        try XLSXFixture.write([FixtureSheet(name: "Лист1", rows: [], rawXML: xml)], to: url)
        do {
            let rows = try XLSXTableReader().rows(of: url, sheet: "Лист1")
            XCTAssertFalse(rows.flatMap(\.cells).joined().contains("СЕКРЕТ"), "an external entity was expanded")
        } catch {
            XCTAssertTrue(error is TableFileError, "a refused sheet is refused in Russian: \(error)")
        }
    }

    func testAThousandFoldEntityExpansionIsNotABomb() throws {
        var entities = "<!ENTITY a0 \"XXXXXXXXXX\">"
        for i in 1...9 { entities += "<!ENTITY a\(i) \"" + String(repeating: "&a\(i - 1);", count: 10) + "\">" }
        let xml = """
            <?xml version="1.0" encoding="UTF-8"?>
            <!DOCTYPE worksheet [\(entities)]>
            <worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData><row r="1"><c r="A1" t="inlineStr"><is><t>&a9;</t></is></c></row></sheetData></worksheet>
            """
        let url = folder.appendingPathComponent("laughs.xlsx")
        try XLSXFixture.write([FixtureSheet(name: "Лист1", rows: [], rawXML: xml)], to: url)
        do {
            let rows = try XLSXTableReader().rows(of: url, sheet: "Лист1")
            XCTAssertLessThan(rows.flatMap(\.cells).joined().utf8.count, 1 << 20, "ten billion characters were not produced")
        } catch {
            XCTAssertTrue(error is TableFileError, "a refused sheet is refused in Russian: \(error)")
        }
    }
}
