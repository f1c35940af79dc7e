import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif
import VPRAnalysis

/// Reads Excel workbooks (`.xlsx`, as ФИС ОКО exports them) as table files for the input folder:
/// shared and inline strings, numbers (whole numbers without «.0»), booleans, empty and missing
/// cells, merged cells (the top-left value fills the range), every sheet by name.
public struct XLSXTableReader: TableFileReader {
    public var limits: XLSXLimits

    public init(limits: XLSXLimits = XLSXLimits()) {
        self.limits = limits
    }

    public var fileExtensions: Set<String> { ["xlsx", "xlsm"] }
    public var formatName: String { "XLSX" }

    public func sheetNames(of url: URL) throws -> [String] {
        try sheets(XLSXPackage(url: url, limits: limits)).map(\.name)
    }

    public func forEachRow(of url: URL, sheet: String, _ body: (TableRow) -> Bool) throws {
        let package = try XLSXPackage(url: url, limits: limits)
        guard let path = try sheets(package).first(where: { $0.name == sheet })?.path else {
            throw TableFileError("в книге \(package.file) нет листа «\(sheet)»")
        }
        let shared = package.contains("xl/sharedStrings.xml")
            ? try Self.parse(part: "xl/sharedStrings.xml", of: package) { try SharedStringsParser.strings(try package.data(of: "xl/sharedStrings.xml")) }
            : []
        // The sheet is unpacked to a temporary file and read as a stream: memory holds one row at a time.
        let temporary = FileManager.default.temporaryDirectory
            .appendingPathComponent("vpr-sheet-\(UUID().uuidString).xml")
        defer { try? FileManager.default.removeItem(at: temporary) }
        try package.extract(path, to: temporary)
        let merges = Self.mergedRanges(in: try Data(contentsOf: temporary, options: .alwaysMapped))
        try withoutActuallyEscaping(body) { body in
            let handler = SheetParser(sharedStrings: shared, merges: merges, body: body)
            do {
                try XMLStreamReader().read(contentsOf: temporary, into: handler)
            } catch let error as XMLStreamError {
                throw TableFileError("лист «\(sheet)» книги \(package.file) повреждён: \(error.reason) (байт \(error.offset) части \(path))")
            }
        }
    }

    /// Runs a parse of one part, turning XML damage into a Russian message naming the book and the part.
    static func parse<T>(part: String, of package: XLSXPackage, _ body: () throws -> T) throws -> T {
        do {
            return try body()
        } catch let error as XMLStreamError {
            throw TableFileError("книга \(package.file) повреждена: \(error.reason) (байт \(error.offset) части \(part))")
        }
    }

    /// All rows of a sheet (for tests and small sheets).
    public func rows(of url: URL, sheet: String) throws -> [TableRow] {
        var rows: [TableRow] = []
        try forEachRow(of: url, sheet: sheet) { rows.append($0); return true }
        return rows
    }

    private func sheets(_ package: XLSXPackage) throws -> [(name: String, path: String)] {
        let workbook = try package.data(of: "xl/workbook.xml")
        let rels = package.contains("xl/_rels/workbook.xml.rels") ? try package.data(of: "xl/_rels/workbook.xml.rels") : nil
        let sheets = try Self.parse(part: "xl/workbook.xml", of: package) {
            try WorkbookParser.sheets(workbook: workbook, relationships: rels)
        }
        if sheets.isEmpty { throw TableFileError("в книге \(package.file) нет ни одного листа") }
        return sheets
    }

    /// The merged ranges, from the `<mergeCells>` element that follows the sheet's data.
    static func mergedRanges(in sheet: Data) -> [MergedRange] {
        guard let start = sheet.range(of: Data("<mergeCells".utf8), options: .backwards),
              let end = sheet.range(of: Data("</mergeCells>".utf8), options: [], in: start.lowerBound..<sheet.endIndex) else { return [] }
        var fragment = Data("<m xmlns:r=\"r\">".utf8)
        fragment.append(sheet[start.lowerBound..<end.upperBound])
        fragment.append(Data("</m>".utf8))
        return MergeCellsParser.ranges(fragment)
    }
}
