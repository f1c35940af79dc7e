import Foundation
import XCTest
#if canImport(FoundationXML)
import FoundationXML
#endif
import VPRAnalysis
@testable import VPRReports

/// The XLSX and DOCX files are well-formed Office packages: every part parses as XML, content types
/// cover every part, every relationship points at a part that exists.
final class OfficePackageTests: XCTestCase {
    static let model = ReportFixture.model()

    func testEveryOfficeFileIsAWellFormedPackage() throws {
        let writers: [any ReportWriter] = [RiskListXLSXWriter(), RecheckListXLSXWriter(), ObserversXLSXWriter(), ReportDOCXWriter()]
        for writer in writers {
            try OfficeCheck.assertValidPackage(try writer.render(Self.model), name: writer.fileName)
        }
    }

    func testAnEmptyRiskGroupStillGivesValidFiles() throws {
        var model = Self.model
        model.analysis.schools = model.analysis.schools.map { var s = $0; s.riskGroup = false; return s }
        for writer in [RecheckListXLSXWriter(), ObserversXLSXWriter(), ReportDOCXWriter()] as [any ReportWriter] {
            try OfficeCheck.assertValidPackage(try writer.render(model), name: writer.fileName)
        }
        XCTAssertTrue(model.recheckPlan.papers.isEmpty)
    }

    func testTheSameModelGivesTheSameBytes() throws {
        XCTAssertEqual(try ReportDOCXWriter().render(Self.model), try ReportDOCXWriter().render(Self.model))
        XCTAssertEqual(try RiskListXLSXWriter().render(Self.model), try RiskListXLSXWriter().render(Self.model))
    }

    func testXMLTextEscapesMarkupAndDropsCharactersXMLForbids() {
        XCTAssertEqual(XMLText.escape("a & b < c > \"d\" 'e'"), "a &amp; b &lt; c &gt; &quot;d&quot; &apos;e&apos;")
        XCTAssertEqual(XMLText.escape("x\u{0}\u{1}\u{8}\u{B}\u{C}\u{1F}y\tz\n\u{FFFE}"), "xy\tz\n")
        XCTAssertEqual(XMLText.escape("Ёлка 🎄"), "Ёлка 🎄")
    }

    func testControlCharactersInASchoolNameDoNotBreakTheDocument() throws {
        var model = Self.model
        model.analysis.schools[0].school.name = "Школа\u{0}\u{7} <b>&</b>"
        model.rows[0].schoolName = model.analysis.schools[0].school.name
        try OfficeCheck.assertValidPackage(try ReportDOCXWriter().render(model), name: "report.docx")
        try OfficeCheck.assertValidPackage(try RiskListXLSXWriter().render(model), name: "risk-list.xlsx")
    }
}

/// `risk-list.xlsx` is `risk-list.csv` for people: Russian headers, same rows, text never a formula.
final class OfficeRiskListTests: XCTestCase {
    func testTheWorkbookHasTheRussianHeaderAndTheRowsOfTheCSV() throws {
        let model = ReportFixture.model()
        let sheet = try OfficeCheck.sheet(try RiskListXLSXWriter().render(model))
        XCTAssertEqual(sheet.first?.map(\.text), RiskListXLSXWriter.header)
        let csv = ReportsCSV.parse(try RiskListCSVWriter().render(model))
        XCTAssertEqual(sheet.count, csv.count)
        for (xlsxRow, csvRow) in zip(sheet.dropFirst(), csv.dropFirst()) {
            // The CSV makes formula-like text inert with a leading apostrophe; the workbook stores it as text.
            let csvCells = csvRow.map { $0.hasPrefix("'") && "=+-@".contains($0.dropFirst().first ?? " ") ? String($0.dropFirst()) : $0 }
            XCTAssertEqual(xlsxRow.map(\.text), csvCells)
        }
    }

    func testAFormulaLikeSchoolNameIsAStringCellAndNumbersAreNumbers() throws {
        let model = ReportFixture.model()
        let data = try RiskListXLSXWriter().render(model)
        let sheet = try OfficeCheck.sheet(data)
        let cell = try XCTUnwrap(sheet.joined().first { $0.text == ReportFixture.formulaSchoolName })
        XCTAssertEqual(cell.type, "inlineStr")
        let xml = try OfficeCheck.part(data, "xl/worksheets/sheet1.xml")
        XCTAssertFalse(xml.contains("<f>") || xml.contains("<f "), "no formula in the sheet")
        for row in sheet.dropFirst() {
            XCTAssertEqual(row[4].type, nil, "risk score is a number")
            XCTAssertNotNil(Int(row[4].text))
            XCTAssertEqual(row[8].type, nil, "participants is a number")
        }
    }

    func testTheHeaderRowIsFrozenBoldAndFiltered() throws {
        let data = try RiskListXLSXWriter().render(ReportFixture.model())
        let xml = try OfficeCheck.part(data, "xl/worksheets/sheet1.xml")
        XCTAssertTrue(xml.contains("state=\"frozen\"") && xml.contains("ySplit=\"1\""))
        XCTAssertTrue(xml.contains("<autoFilter ref=\"A1:J15\"/>"), xml)
        XCTAssertTrue(xml.contains("<cols>"))
        XCTAssertTrue(try OfficeCheck.part(data, "xl/styles.xml").contains("<b/>"))
    }

    func testColumnNames() {
        XCTAssertEqual([0, 25, 26, 51, 52, 701, 702].map(XLSXWorkbook.columnName), ["A", "Z", "AA", "AZ", "BA", "ZZ", "AAA"])
    }
}

/// The re-marking list: all papers at or one point above a boundary, and a reproducible control sample.
final class OfficeRecheckTests: XCTestCase {
    func testTheSampleIsDeterministicForTheSeedAndChangesWithIt() throws {
        let model = ReportFixture.model()
        let a = model.recheckPlan, b = model.recheckPlan
        XCTAssertFalse(a.papers.isEmpty, "the pulling school is in the risk group")
        XCTAssertEqual(a.papers, b.papers)
        var other = model
        other.options.recheckSeed = 1
        let control = { (p: RecheckPlan) in p.papers.filter { if case .control = $0.reason { return true }; return false }.map(\.studentID) }
        XCTAssertNotEqual(control(a), control(other.recheckPlan))
        XCTAssertEqual(try RecheckListCSVWriter().render(model), try RecheckListCSVWriter().render(model))
    }

    func testEveryBoundaryPaperIsListedAndTheControlSampleHasTheAgreedSize() throws {
        let model = ReportFixture.model()
        let plan = model.recheckPlan
        let dataset = try XCTUnwrap(model.ingest.dataset)
        let scale = ReportFixture.scale
        for group in plan.groups {
            let results = dataset.results.filter { $0.schoolID == group.key.schoolID && $0.work == group.key.work }
            let atBoundary = results.filter { r in scale.boundaries.contains { (0...1).contains(r.primaryScore - $0) } }
            let listed = plan.papers.filter { $0.schoolID == group.key.schoolID && $0.work == group.key.work }
            let boundaryListed = listed.filter { if case .boundary = $0.reason { return true }; return false }
            XCTAssertEqual(Set(boundaryListed.map(\.studentID)), Set(atBoundary.map(\.studentID)))
            let rest = results.count - atBoundary.count
            let control = listed.count - boundaryListed.count
            XCTAssertEqual(control, min(rest, max(3, Int((Double(rest) / 10).rounded(.up)))))
            XCTAssertTrue(Set(listed.map(\.studentID)).count == listed.count, "no paper listed twice")
        }
        let paper = try XCTUnwrap(plan.papers.first { $0.primaryScore == scale.minMark4 })
        XCTAssertEqual(paper.reason.russian, "граница «4»")
    }

    func testTheCSVHasTheAgreedColumnsAndTheSeed() throws {
        let model = ReportFixture.model()
        let rows = ReportsCSV.parse(try RecheckListCSVWriter().render(model))
        XCTAssertEqual(rows.first, ["Код ОО", "ОО", "Работа", "Класс", "Код участника", "Первичный балл", "Отметка", "Основание"])
        XCTAssertEqual(rows.count - 1, model.recheckPlan.papers.count)
        let seed = RecheckPlan.seed(base: model.options.recheckSeed, key: try XCTUnwrap(model.recheckPlan.groups.first).key)
        XCTAssertTrue(rows.contains { $0.last == "контрольная выборка (зерно \(seed))" })
        let xlsx = try RecheckListXLSXWriter().render(model)
        try OfficeCheck.assertValidPackage(xlsx, name: "recheck-list.xlsx")
        XCTAssertTrue(try OfficeCheck.part(xlsx, "xl/worksheets/sheet2.xml").contains("\(model.options.recheckSeed)"))
    }

    func testObserversNameTheNextParallel() {
        let visit = ObserverPlan.Visit(schoolID: "s", schoolName: "", municipality: "", riskScore: 70,
                                       work: ReportFixture.work, classes: ["5А", "5Б"], indicators: [.boundary])
        XCTAssertEqual(visit.nextRound, "5 классы (5А, 5Б) → 6 классы (6А, 6Б) в следующем году")
        var odd = visit
        odd.classes = ["Б-1"]
        XCTAssertEqual(odd.nextRound, "5 классы (Б-1) → 6 классы в следующем году")
        let plan = ReportFixture.model().observerPlan
        XCTAssertFalse(plan.visits.isEmpty)
        XCTAssertEqual(plan.visits.map(\.riskScore), plan.visits.map(\.riskScore).sorted(by: >))
    }
}

/// The Word document has what an order appendix needs.
final class OfficeDocumentTests: XCTestCase {
    func testTheDocumentHasTheAppendixBlockTitleTablesFooterAndSignature() throws {
        var model = ReportFixture.model()
        model.options.orderNumber = "123-од"
        model.options.appendix = "2"
        let data = try ReportDOCXWriter().render(model)
        let document = try OfficeCheck.part(data, "word/document.xml")
        XCTAssertTrue(document.contains("Приложение 2"))
        XCTAssertTrue(document.contains("к приказу Управления образования"))
        XCTAssertTrue(document.contains("123-од"))
        XCTAssertTrue(document.contains(ReportDOCXWriter.title))
        XCTAssertTrue(document.contains("<w:tblHeader/>"))
        XCTAssertTrue(document.contains("w:val=\"Heading1\"") && document.contains("w:val=\"Heading2\""))
        XCTAssertTrue(document.contains("<w:pgSz w:w=\"11906\" w:h=\"16838\"/>"))
        XCTAssertTrue(document.contains("w:left=\"1701\"") && document.contains("w:right=\"567\""))
        XCTAssertTrue(document.contains("Начальник отдела"))
        XCTAssertTrue(document.contains("&lt;script&gt;"), "school names are escaped")
        XCTAssertFalse(document.contains("<script>"))
        XCTAssertTrue(try OfficeCheck.part(data, "word/footer1.xml").contains(" PAGE "))
        XCTAssertTrue(try OfficeCheck.part(data, "word/styles.xml").contains("Times New Roman"))
    }
}

/// Reads Office packages back for the tests.
enum OfficeCheck {
    struct Cell { var text: String; var type: String? }

    static func parts(_ data: Data) throws -> [String: Data] {
        Dictionary(try OfficePackage.read(data).map { ($0.path, $0.data) }, uniquingKeysWith: { a, _ in a })
    }

    static func part(_ data: Data, _ path: String) throws -> String {
        String(decoding: try XCTUnwrap(try parts(data)[path], "no part \(path)"), as: UTF8.self)
    }

    /// Elements with their attributes, or nil when the XML is not well-formed.
    final class Collector: NSObject, XMLParserDelegate {
        var elements: [(name: String, attributes: [String: String])] = []
        var cells: [[Cell]] = []
        private var cell: Cell?, text = "", inText = false
        func parser(_ parser: XMLParser, didStartElement name: String, namespaceURI: String?, qualifiedName: String?,
                    attributes: [String: String] = [:]) {
            elements.append((name, attributes))
            switch name {
            case "row": cells.append([])
            case "c": cell = Cell(text: "", type: attributes["t"]); text = ""
            case "t", "v": inText = true
            default: break
            }
        }
        func parser(_ parser: XMLParser, foundCharacters string: String) { if inText { text += string } }
        func parser(_ parser: XMLParser, didEndElement name: String, namespaceURI: String?, qualifiedName: String?) {
            switch name {
            case "t", "v": inText = false
            case "c": if var c = cell { c.text = text; cells[cells.count - 1].append(c) }; cell = nil
            default: break
            }
        }
    }

    static func parse(_ data: Data, _ name: String, file: StaticString = #filePath, line: UInt = #line) -> Collector? {
        let parser = XMLParser(data: data), collector = Collector()
        parser.delegate = collector
        guard parser.parse() else {
            XCTFail("\(name) is not well-formed XML: \(parser.parserError.map { "\($0)" } ?? "")", file: file, line: line)
            return nil
        }
        return collector
    }

    /// The cells of the first worksheet, row by row.
    static func sheet(_ data: Data) throws -> [[Cell]] {
        let xml = try XCTUnwrap(try parts(data)["xl/worksheets/sheet1.xml"])
        return try XCTUnwrap(parse(xml, "sheet1.xml")).cells
    }

    static func assertValidPackage(_ data: Data, name: String, file: StaticString = #filePath, line: UInt = #line) throws {
        let parts = try parts(data)
        XCTAssertNotNil(parts["[Content_Types].xml"], "\(name): no [Content_Types].xml", file: file, line: line)
        XCTAssertNotNil(parts["_rels/.rels"], "\(name): no _rels/.rels", file: file, line: line)
        for (path, bytes) in parts where path.hasSuffix(".xml") || path.hasSuffix(".rels") {
            _ = parse(bytes, "\(name):\(path)", file: file, line: line)
        }
        guard let types = parse(parts["[Content_Types].xml"] ?? Data(), "\(name):[Content_Types].xml") else { return }
        let defaults = Set(types.elements.filter { $0.name == "Default" }.compactMap { $0.attributes["Extension"]?.lowercased() })
        let overrides = Set(types.elements.filter { $0.name == "Override" }.compactMap { $0.attributes["PartName"] })
        for path in parts.keys where path != "[Content_Types].xml" {
            let ext = path.split(separator: ".").last.map { $0.lowercased() } ?? ""
            XCTAssertTrue(overrides.contains("/" + path) || defaults.contains(ext),
                          "\(name): no content type for \(path)", file: file, line: line)
        }
        for partName in overrides {
            XCTAssertNotNil(parts[String(partName.dropFirst())], "\(name): content type for a missing part \(partName)", file: file, line: line)
        }
        for (path, bytes) in parts where path.hasSuffix(".rels") {
            // `dir/_rels/x.xml.rels` describes `dir/x.xml`; targets are relative to `dir`.
            let folder = path.components(separatedBy: "/").dropLast(2)
            guard let rels = parse(bytes, "\(name):\(path)") else { continue }
            for r in rels.elements where r.name == "Relationship" && r.attributes["TargetMode"] != "External" {
                let target = r.attributes["Target"] ?? ""
                var components = target.hasPrefix("/") ? [] : Array(folder)
                for piece in target.split(separator: "/") {
                    if piece == ".." { _ = components.popLast() } else if piece != "." { components.append(String(piece)) }
                }
                XCTAssertNotNil(parts[components.joined(separator: "/")], "\(name): \(path) points at missing \(target)",
                                file: file, line: line)
            }
            // Every `r:id` / `r:embed` in the described part names one of these relationships.
            let described = (Array(folder) + [String(path.split(separator: "/").last!.dropLast(".rels".count))]).joined(separator: "/")
            let ids = Set(rels.elements.filter { $0.name == "Relationship" }.compactMap { $0.attributes["Id"] })
            guard let source = parts[described], let used = parse(source, "\(name):\(described)") else { continue }
            for element in used.elements {
                for key in ["r:id", "r:embed", "r:link"] {
                    guard let id = element.attributes[key] else { continue }
                    XCTAssertTrue(ids.contains(id), "\(name): \(described) uses \(key)=\(id), not in \(path)", file: file, line: line)
                }
            }
        }
        for (path, bytes) in parts where path.lowercased().hasSuffix(".png") {
            XCTAssertTrue(defaults.contains("png") || overrides.contains("/" + path), "\(name): no content type for \(path)",
                          file: file, line: line)
            XCTAssertEqual(Array(bytes.prefix(8)), [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A],
                           "\(name): \(path) is not a PNG", file: file, line: line)
        }
    }
}
