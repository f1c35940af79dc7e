import Foundation
import VPRAnalysis

/// Parses `xl/workbook.xml` with its relationships: the sheets in order with their part paths.
final class WorkbookParser: XMLEventHandler {
    private(set) var sheets: [(name: String, relationID: String)] = []
    private(set) var targets: [String: String] = [:]

    static func sheets(workbook: Data, relationships: Data?) throws -> [(name: String, path: String)] {
        let parser = WorkbookParser()
        try XMLStreamReader().read(workbook, into: parser)
        if let relationships { try XMLStreamReader().read(relationships, into: parser) }
        return parser.sheets.enumerated().map { index, sheet in
            var target = parser.targets[sheet.relationID] ?? "worksheets/sheet\(index + 1).xml"
            if target.hasPrefix("/") { target.removeFirst() } else { target = "xl/" + target }
            return (sheet.name, target)
        }
    }

    func startElement(_ elementName: String, attributes: [String: String]) {
        switch localName(elementName) {
        case "sheet":
            let id = attributes.first { localName($0.key) == "id" }?.value ?? ""
            sheets.append((attributes["name"] ?? "Лист\(sheets.count + 1)", id))
        case "Relationship":
            if let id = attributes["Id"], let target = attributes["Target"] { targets[id] = target }
        default:
            break
        }
    }
}

/// Parses `xl/sharedStrings.xml`: the text of each shared string (rich-text runs joined, phonetic hints skipped).
final class SharedStringsParser: XMLEventHandler {
    private(set) var strings: [String] = []
    private var current = ""
    private var inText = false
    private var inPhonetic = false

    static func strings(_ data: Data) throws -> [String] {
        let parser = SharedStringsParser()
        try XMLStreamReader().read(data, into: parser)
        return parser.strings
    }

    func startElement(_ elementName: String, attributes: [String: String]) {
        switch localName(elementName) {
        case "si": current = ""
        case "t": inText = !inPhonetic
        case "rPh": inPhonetic = true
        default: break
        }
    }

    func endElement(_ elementName: String) {
        switch localName(elementName) {
        case "si": strings.append(current)
        case "t": inText = false
        case "rPh": inPhonetic = false
        default: break
        }
    }

    func characters(_ string: String) {
        if inText { current += string }
    }
}

/// Streams the rows of one worksheet part as cell text, applying merged ranges.
final class SheetParser: XMLEventHandler {
    /// Columns beyond this are ignored (a hostile sheet could claim column XFD in every row).
    static let maxColumns = 4096

    private let sharedStrings: [String]
    private let merges: [MergedRange]
    private let body: (TableRow) -> Bool
    private(set) var stopped = false
    var shouldStop: Bool { stopped }

    private var rowNumber = 0
    private var cells: [String] = []
    private var cellColumn = 0
    private var nextColumn = 0
    private var cellType = ""
    private var value = ""
    private var inValue = false
    private var inInlineText = false
    private var inInline = false
    /// Top-left values of merged ranges, remembered when their first row is read.
    private var mergeValues: [Int: String] = [:]

    init(sharedStrings: [String], merges: [MergedRange], body: @escaping (TableRow) -> Bool) {
        self.sharedStrings = sharedStrings
        self.merges = merges
        self.body = body
    }

    func startElement(_ elementName: String, attributes: [String: String]) {
        switch localName(elementName) {
        case "row":
            rowNumber = attributes["r"].flatMap { Int($0) } ?? rowNumber + 1
            cells.removeAll(keepingCapacity: true)
            nextColumn = 0
        case "c":
            cellColumn = attributes["r"].flatMap { CellReference($0)?.column } ?? nextColumn
            nextColumn = cellColumn + 1
            cellType = attributes["t"] ?? "n"
            value = ""
        case "v":
            inValue = true
        case "is":
            inInline = true
        case "t":
            inInlineText = inInline
        default:
            break
        }
    }

    func endElement(_ elementName: String) {
        switch localName(elementName) {
        case "v": inValue = false
        case "t": inInlineText = false
        case "is": inInline = false
        case "c":
            guard cellColumn < Self.maxColumns else { return }
            let text = cellText()
            if text.isEmpty && cellColumn >= cells.count { return }
            if cells.count <= cellColumn { cells += [String](repeating: "", count: cellColumn + 1 - cells.count) }
            cells[cellColumn] = text
        case "row":
            applyMerges()
            if !body(TableRow(number: rowNumber, cells: cells)) { stopped = true }
        default:
            break
        }
    }

    func characters(_ string: String) {
        if inValue || inInlineText { value += string }
    }

    private func cellText() -> String {
        switch cellType {
        case "s":
            guard let index = Int(value.trimmingCharacters(in: .whitespaces)), index >= 0, index < sharedStrings.count else { return "" }
            return sharedStrings[index]
        case "b":
            return value == "1" ? "ИСТИНА" : (value == "0" ? "ЛОЖЬ" : value)
        case "inlineStr", "str", "e":
            return value
        default:
            return Self.number(value)
        }
    }

    /// A stored number as a person reads it: «12.0» and «1.2E1» → «12», «0.5» stays «0.5».
    static func number(_ text: String) -> String {
        let t = text.trimmingCharacters(in: .whitespaces)
        guard !t.isEmpty, let d = Double(t), d.isFinite else { return t }
        if d == d.rounded(), abs(d) < 1e15 { return String(Int64(d)) }
        return t
    }

    private func applyMerges() {
        for (index, range) in merges.enumerated() where range.first.row <= rowNumber && rowNumber <= range.last.row {
            let firstColumn = range.first.column
            guard firstColumn < Self.maxColumns else { continue }
            let lastColumn = min(range.last.column, Self.maxColumns - 1)
            let value: String
            if rowNumber == range.first.row {
                value = firstColumn < cells.count ? cells[firstColumn] : ""
                mergeValues[index] = value
            } else {
                value = mergeValues[index] ?? ""
            }
            if value.isEmpty { continue }
            if cells.count <= lastColumn { cells += [String](repeating: "", count: lastColumn + 1 - cells.count) }
            for column in firstColumn...lastColumn where cells[column].isEmpty { cells[column] = value }
        }
    }
}

/// Collects `<mergeCell ref="…"/>` of a sheet.
final class MergeCellsParser: XMLEventHandler {
    private(set) var ranges: [MergedRange] = []

    static func ranges(_ data: Data) -> [MergedRange] {
        let parser = MergeCellsParser()
        // A damaged list of merges is left out here; reading the sheet itself reports the damage.
        try? XMLStreamReader().read(data, into: parser)
        return parser.ranges
    }

    func startElement(_ elementName: String, attributes: [String: String]) {
        if localName(elementName) == "mergeCell", let ref = attributes["ref"], let range = MergedRange(ref), ranges.count < 100_000 {
            ranges.append(range)
        }
    }
}

/// «x:row» → «row».
func localName(_ name: String) -> String {
    if let colon = name.lastIndex(of: ":") { return String(name[name.index(after: colon)...]) }
    return name
}
