import Foundation
import ZIPFoundation

/// A cell of a workbook written by the tests.
enum FixtureCell: ExpressibleByStringLiteral, ExpressibleByIntegerLiteral {
    /// A shared string.
    case text(String)
    /// An inline string.
    case inline(String)
    /// A number as stored («12», «12.0», «0.5»).
    case number(String)
    case bool(Bool)
    /// A formula with the value Excel cached for it.
    case formula(String, cached: String)
    case empty

    init(stringLiteral value: String) { self = .text(value) }
    init(integerLiteral value: Int) { self = .number(String(value)) }
}

/// One sheet of a fixture workbook: rows from row 1 (unless `firstRow`), merged ranges.
struct FixtureSheet {
    var name: String
    var rows: [[FixtureCell]]
    var merges: [String] = []
    var firstRow = 1
    /// Leave out the `r` attributes of cells (Excel may), so columns follow the order of cells.
    var withoutReferences = false
    /// The sheet's XML as given, instead of the one built from `rows`.
    var rawXML: String? = nil
}

/// Writes XLSX workbooks in code: [Content_Types].xml, workbook, relationships, sheets, shared strings.
enum XLSXFixture {
    static func columnName(_ index: Int) -> String {
        var n = index + 1
        var name = ""
        while n > 0 {
            let r = (n - 1) % 26
            name = String(UnicodeScalar(UInt8(65 + r))) + name
            n = (n - 1) / 26
        }
        return name
    }

    static func escape(_ s: String) -> String {
        s.replacingOccurrences(of: "&", with: "&amp;").replacingOccurrences(of: "<", with: "&lt;")
            .replacingOccurrences(of: ">", with: "&gt;").replacingOccurrences(of: "\"", with: "&quot;")
    }

    /// The parts of a workbook, by path.
    static func parts(_ sheets: [FixtureSheet]) -> [(String, Data)] {
        var shared: [String] = []
        var sharedIndex: [String: Int] = [:]
        func share(_ s: String) -> Int {
            if let i = sharedIndex[s] { return i }
            shared.append(s)
            sharedIndex[s] = shared.count - 1
            return shared.count - 1
        }
        var parts: [(String, Data)] = []
        var sheetEntries = ""
        var rels = ""
        var overrides = ""
        for (k, sheet) in sheets.enumerated() {
            var xml = "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n<worksheet xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\" xmlns:r=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships\"><sheetData>"
            for (i, row) in sheet.rows.enumerated() {
                let r = sheet.firstRow + i
                xml += "<row r=\"\(r)\">"
                for (c, cell) in row.enumerated() {
                    let ref = sheet.withoutReferences ? "" : " r=\"\(columnName(c))\(r)\""
                    switch cell {
                    case .empty: continue
                    case .text(let s): xml += "<c\(ref) t=\"s\"><v>\(share(s))</v></c>"
                    case .inline(let s): xml += "<c\(ref) t=\"inlineStr\"><is><t>\(escape(s))</t></is></c>"
                    case .number(let s): xml += "<c\(ref)><v>\(s)</v></c>"
                    case .bool(let b): xml += "<c\(ref) t=\"b\"><v>\(b ? 1 : 0)</v></c>"
                    case .formula(let f, let cached): xml += "<c\(ref)><f>\(escape(f))</f><v>\(cached)</v></c>"
                    }
                }
                xml += "</row>"
            }
            xml += "</sheetData>"
            if !sheet.merges.isEmpty {
                xml += "<mergeCells count=\"\(sheet.merges.count)\">" + sheet.merges.map { "<mergeCell ref=\"\($0)\"/>" }.joined() + "</mergeCells>"
            }
            xml += "</worksheet>"
            parts.append(("xl/worksheets/sheet\(k + 1).xml", Data((sheet.rawXML ?? xml).utf8)))
            sheetEntries += "<sheet name=\"\(escape(sheet.name))\" sheetId=\"\(k + 1)\" r:id=\"rId\(k + 1)\"/>"
            rels += "<Relationship Id=\"rId\(k + 1)\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet\" Target=\"worksheets/sheet\(k + 1).xml\"/>"
            overrides += "<Override PartName=\"/xl/worksheets/sheet\(k + 1).xml\" ContentType=\"application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml\"/>"
        }
        let n = sheets.count
        rels += "<Relationship Id=\"rId\(n + 1)\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/sharedStrings\" Target=\"sharedStrings.xml\"/>"
        let sst = "<?xml version=\"1.0\" encoding=\"UTF-8\"?><sst xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\" count=\"\(shared.count)\" uniqueCount=\"\(shared.count)\">"
            + shared.map { "<si><t xml:space=\"preserve\">\(escape($0))</t></si>" }.joined() + "</sst>"
        parts.append(("xl/sharedStrings.xml", Data(sst.utf8)))
        parts.append(("xl/workbook.xml", Data(("<?xml version=\"1.0\" encoding=\"UTF-8\"?><workbook xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\" xmlns:r=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships\"><sheets>" + sheetEntries + "</sheets></workbook>").utf8)))
        parts.append(("xl/_rels/workbook.xml.rels", Data(("<?xml version=\"1.0\" encoding=\"UTF-8\"?><Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">" + rels + "</Relationships>").utf8)))
        parts.append(("_rels/.rels", Data("<?xml version=\"1.0\" encoding=\"UTF-8\"?><Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\"><Relationship Id=\"rId1\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument\" Target=\"xl/workbook.xml\"/></Relationships>".utf8)))
        parts.append(("[Content_Types].xml", Data(("<?xml version=\"1.0\" encoding=\"UTF-8\"?><Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\"><Default Extension=\"rels\" ContentType=\"application/vnd.openxmlformats-package.relationships+xml\"/><Default Extension=\"xml\" ContentType=\"application/xml\"/><Override PartName=\"/xl/workbook.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml\"/><Override PartName=\"/xl/sharedStrings.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml\"/>" + overrides + "</Types>").utf8)))
        return parts
    }

    /// Writes a workbook to `url`.
    static func write(_ sheets: [FixtureSheet], to url: URL, extraParts: [(String, Data)] = []) throws {
        try? FileManager.default.removeItem(at: url)
        let archive = try Archive(url: url, accessMode: .create)
        for (path, data) in parts(sheets) + extraParts {
            try archive.addEntry(with: path, type: .file, uncompressedSize: Int64(data.count), compressionMethod: .deflate) { position, size in
                data.subdata(in: Int(position)..<Int(position) + size)
            }
        }
    }

    /// A Ф1 «Индивидуальные результаты» sheet: title, metadata, levels row, header, students.
    /// Each student: (school, class, code, variant, task scores, mark, journal).
    static func individualResults(year: Int = 2025, subject: String = "Математика", grade: Int = 5,
                                  school: String = "sch000001", schoolName: String = "МБОУ СОШ № 1",
                                  tasks: [(id: String, max: Int, level: String)],
                                  students: [(school: String, cls: String, code: String, scores: [FixtureCell], mark: FixtureCell, journal: FixtureCell)])
        -> FixtureSheet {
        let maxScore = tasks.reduce(0) { $0 + $1.max }
        var rows: [[FixtureCell]] = [
            [.text("ВПР \(year) \(subject) \(grade) класс")],
            [],
            ["Предмет", .text(subject)],
            ["Максимальный первичный балл", .number(String(maxScore))],
            ["Дата", .text("15.04.\(year)")],
            [.text("\(schoolName) (\(school)) | Кол-во участников: \(students.count)")],
        ]
        let fixed: [FixtureCell] = ["ОО", "Муниципалитет", "Название ОО", "Код участника", "Класс", "Вариант"]
        rows.append([FixtureCell](repeating: .empty, count: fixed.count) + tasks.map { .text($0.level) })
        rows.append(fixed + tasks.map { .text("\($0.id) (\($0.max)б)") } + ["Первичный балл", "Отметка", "Отметка по журналу"])
        for s in students {
            let primary = s.scores.reduce(0) { total, cell in
                if case .number(let v) = cell, let n = Double(v) { return total + Int(n) }
                return total
            }
            rows.append([.text(s.school), "Район", .text(schoolName), .number(s.code), .text(s.cls), 1]
                        + s.scores + [.number(String(primary)), s.mark, s.journal])
        }
        return FixtureSheet(name: "Индивидуальные результаты", rows: rows)
    }
}
