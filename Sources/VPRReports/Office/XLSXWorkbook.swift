import Foundation

/// A small SpreadsheetML writer: sheets of rows of typed cells, a bold frozen header row, column widths
/// and an autofilter. Text is always written as an inline string, so a name like `=HYPERLINK(…)` stays
/// text and never becomes a formula; numbers are written as numbers.
public struct XLSXWorkbook: Sendable {
    /// One typed cell.
    public enum Cell: Hashable, Sendable {
        case text(String)
        case number(Double)
        case integer(Int)
        case empty
    }

    /// One worksheet: an optional bold header row (frozen, with an autofilter) followed by data rows.
    public struct Sheet: Sendable {
        public var name: String
        public var header: [String]
        public var rows: [[Cell]]
        /// Column widths in characters, in column order; missing columns get Excel's default width.
        public var columnWidths: [Double]
        public var autoFilter: Bool
        public var landscape: Bool

        public init(name: String, header: [String], rows: [[Cell]], columnWidths: [Double] = [],
                    autoFilter: Bool = true, landscape: Bool = true) {
            self.name = name
            self.header = header
            self.rows = rows
            self.columnWidths = columnWidths
            self.autoFilter = autoFilter
            self.landscape = landscape
        }
    }

    public var sheets: [Sheet]

    public init(sheets: [Sheet] = []) { self.sheets = sheets }

    // Cell style indices in styles.xml.
    static let headerStyle = 1, textStyle = 2, numberStyle = 3

    /// The `.xlsx` bytes.
    public func data() throws -> Data {
        precondition(!sheets.isEmpty, "a workbook needs at least one sheet")
        var package = OfficePackage()
        package.add("[Content_Types].xml", contentTypes())
        package.add("_rels/.rels", XMLText.declaration + """
            <Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">\
            <Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/>\
            </Relationships>
            """)
        package.add("xl/workbook.xml", workbook())
        package.add("xl/_rels/workbook.xml.rels", workbookRelationships())
        package.add("xl/styles.xml", Self.styles)
        for (i, sheet) in sheets.enumerated() {
            package.add("xl/worksheets/sheet\(i + 1).xml", Self.worksheet(sheet))
        }
        return try package.archive()
    }

    func contentTypes() -> String {
        var xml = XMLText.declaration
            + "<Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\">"
            + "<Default Extension=\"rels\" ContentType=\"application/vnd.openxmlformats-package.relationships+xml\"/>"
            + "<Default Extension=\"xml\" ContentType=\"application/xml\"/>"
            + "<Override PartName=\"/xl/workbook.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml\"/>"
            + "<Override PartName=\"/xl/styles.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml\"/>"
        for i in sheets.indices {
            xml += "<Override PartName=\"/xl/worksheets/sheet\(i + 1).xml\" "
                + "ContentType=\"application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml\"/>"
        }
        return xml + "</Types>"
    }

    /// Sheet names as Excel accepts them: unique, at most 31 characters, none of `[]:*?/\`.
    func sheetNames() -> [String] {
        var used = Set<String>()
        return sheets.enumerated().map { i, sheet in
            var name = String(sheet.name.filter { !"[]:*?/\\".contains($0) && !$0.isNewline }.prefix(31))
                .trimmingCharacters(in: CharacterSet(charactersIn: "' "))
            if name.isEmpty { name = "Лист\(i + 1)" }
            var candidate = name, n = 2
            while used.contains(candidate.lowercased()) {
                candidate = String(name.prefix(31 - "(\(n))".count)) + "(\(n))"; n += 1
            }
            used.insert(candidate.lowercased())
            return candidate
        }
    }

    func workbook() -> String {
        let names = sheetNames()
        var xml = XMLText.declaration
            + "<workbook xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\" "
            + "xmlns:r=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships\">"
            + "<bookViews><workbookView activeTab=\"0\"/></bookViews><sheets>"
        for (i, name) in names.enumerated() {
            xml += "<sheet name=\"\(XMLText.escape(name))\" sheetId=\"\(i + 1)\" r:id=\"rId\(i + 1)\"/>"
        }
        xml += "</sheets>"
        let filters = sheets.enumerated().filter { $0.element.autoFilter && !$0.element.header.isEmpty }
        if !filters.isEmpty {
            xml += "<definedNames>"
            for (i, sheet) in filters {
                let quoted = "'" + names[i].replacingOccurrences(of: "'", with: "''") + "'"
                let range = Self.filterRange(sheet).split(separator: ":").map { Self.absolute(String($0)) }.joined(separator: ":")
                xml += "<definedName name=\"_xlnm._FilterDatabase\" localSheetId=\"\(i)\" hidden=\"1\">"
                    + XMLText.escape("\(quoted)!\(range)") + "</definedName>"
            }
            xml += "</definedNames>"
        }
        return xml + "</workbook>"
    }

    func workbookRelationships() -> String {
        var xml = XMLText.declaration
            + "<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">"
        for i in sheets.indices {
            xml += "<Relationship Id=\"rId\(i + 1)\" "
                + "Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet\" "
                + "Target=\"worksheets/sheet\(i + 1).xml\"/>"
        }
        xml += "<Relationship Id=\"rId\(sheets.count + 1)\" "
            + "Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles\" Target=\"styles.xml\"/>"
        return xml + "</Relationships>"
    }

    static func worksheet(_ sheet: Sheet) -> String {
        let columns = max(sheet.header.count, sheet.rows.map(\.count).max() ?? 0, 1)
        let lastRow = sheet.rows.count + (sheet.header.isEmpty ? 0 : 1)
        var xml = XMLText.declaration
            + "<worksheet xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\" "
            + "xmlns:r=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships\">"
            + "<dimension ref=\"A1:\(columnName(columns - 1))\(max(lastRow, 1))\"/>"
        if sheet.header.isEmpty {
            xml += "<sheetViews><sheetView workbookViewId=\"0\"/></sheetViews>"
        } else {
            xml += "<sheetViews><sheetView tabSelected=\"0\" workbookViewId=\"0\">"
                + "<pane ySplit=\"1\" topLeftCell=\"A2\" activePane=\"bottomLeft\" state=\"frozen\"/>"
                + "<selection pane=\"bottomLeft\" activeCell=\"A2\" sqref=\"A2\"/></sheetView></sheetViews>"
        }
        xml += "<sheetFormatPr defaultRowHeight=\"15\"/>"
        if !sheet.columnWidths.isEmpty {
            xml += "<cols>"
            for (i, width) in sheet.columnWidths.enumerated() {
                xml += "<col min=\"\(i + 1)\" max=\"\(i + 1)\" width=\"\(width)\" customWidth=\"1\"/>"
            }
            xml += "</cols>"
        }
        xml += "<sheetData>"
        var rowNumber = 0
        if !sheet.header.isEmpty {
            rowNumber += 1
            xml += row(rowNumber, sheet.header.map(Cell.text), style: headerStyle)
        }
        for cells in sheet.rows {
            rowNumber += 1
            xml += row(rowNumber, cells, style: nil)
        }
        xml += "</sheetData>"
        if sheet.autoFilter && !sheet.header.isEmpty {
            xml += "<autoFilter ref=\"\(filterRange(sheet))\"/>"
        }
        xml += "<pageMargins left=\"0.5\" right=\"0.5\" top=\"0.75\" bottom=\"0.75\" header=\"0.3\" footer=\"0.3\"/>"
            + "<pageSetup paperSize=\"9\" orientation=\"\(sheet.landscape ? "landscape" : "portrait")\"/>"
        return xml + "</worksheet>"
    }

    static func filterRange(_ sheet: Sheet) -> String {
        let columns = max(sheet.header.count, 1)
        return "A1:\(columnName(columns - 1))\(sheet.rows.count + 1)"
    }

    /// `A1` → `$A$1`.
    static func absolute(_ ref: String) -> String {
        let letters = ref.prefix { $0.isLetter }
        return "$\(letters)$\(ref.dropFirst(letters.count))"
    }

    static func row(_ number: Int, _ cells: [Cell], style: Int?) -> String {
        var xml = "<row r=\"\(number)\">"
        for (i, cell) in cells.enumerated() {
            let ref = "\(columnName(i))\(number)"
            switch cell {
            case .empty:
                continue
            case .text(let text):
                // Excel's limit for a cell is 32 767 characters.
                let value = XMLText.escape(String(text.prefix(32_767)))
                xml += "<c r=\"\(ref)\" s=\"\(style ?? textStyle)\" t=\"inlineStr\"><is><t xml:space=\"preserve\">\(value)</t></is></c>"
            case .integer(let n):
                xml += "<c r=\"\(ref)\" s=\"\(style ?? numberStyle)\"><v>\(n)</v></c>"
            case .number(let x):
                if x.isFinite {
                    xml += "<c r=\"\(ref)\" s=\"\(style ?? numberStyle)\"><v>\(x)</v></c>"
                } else {
                    xml += "<c r=\"\(ref)\" s=\"\(style ?? textStyle)\" t=\"inlineStr\"><is><t>—</t></is></c>"
                }
            }
        }
        return xml + "</row>"
    }

    /// 0 → `A`, 25 → `Z`, 26 → `AA`.
    static func columnName(_ index: Int) -> String {
        var n = index + 1, name = ""
        while n > 0 {
            let r = (n - 1) % 26
            name = String(UnicodeScalar(UInt8(65 + r))) + name
            n = (n - 1) / 26
        }
        return name
    }

    /// Fonts: Calibri 11, bold Calibri 11. Cell formats: 0 default, 1 header (bold, grey fill, wrapped,
    /// bottom border), 2 body text (wrapped, top-aligned), 3 body number (top-aligned).
    static let styles = XMLText.declaration + """
        <styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">\
        <fonts count="2"><font><sz val="11"/><name val="Calibri"/><family val="2"/></font>\
        <font><b/><sz val="11"/><name val="Calibri"/><family val="2"/></font></fonts>\
        <fills count="3"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill>\
        <fill><patternFill patternType="solid"><fgColor rgb="FFD9E1F2"/><bgColor indexed="64"/></patternFill></fill></fills>\
        <borders count="2"><border><left/><right/><top/><bottom/><diagonal/></border>\
        <border><left/><right/><top/><bottom style="thin"><color auto="1"/></bottom><diagonal/></border></borders>\
        <cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>\
        <cellXfs count="4"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/>\
        <xf numFmtId="0" fontId="1" fillId="2" borderId="1" xfId="0" applyFont="1" applyFill="1" applyBorder="1" applyAlignment="1">\
        <alignment vertical="center" wrapText="1"/></xf>\
        <xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0" applyAlignment="1"><alignment vertical="top" wrapText="1"/></xf>\
        <xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0" applyAlignment="1"><alignment vertical="top"/></xf>\
        </cellXfs>\
        <cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles>\
        </styleSheet>
        """
}
