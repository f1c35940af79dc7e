import Foundation

/// Writes `;`-separated CSV the way a Russian-locale Excel opens it: UTF-8 with BOM, CRLF,
/// RFC 4180 quoting, and text that would start a formula made inert.
enum CSVText {
    static func document(header: [String], rows: [[String]]) -> Data {
        var text = "\u{FEFF}"
        text += line(header)
        for row in rows { text += line(row) }
        return Data(text.utf8)
    }

    static func line(_ cells: [String]) -> String {
        cells.map(cell).joined(separator: ";") + "\r\n"
    }

    static func cell(_ raw: String) -> String {
        var value = BidiControls.stripped(raw)
        // Excel and LibreOffice start a formula on these; tab and CR too (OWASP "CSV injection").
        if let first = value.unicodeScalars.first, "=+-@\t\r".unicodeScalars.contains(first), Double(value) == nil {
            value = "'" + value
        }
        // Scalars, not Characters: "\r\n" is one Character equal to neither "\r" nor "\n".
        if value.unicodeScalars.contains(where: { $0 == ";" || $0 == "\"" || $0 == "\n" || $0 == "\r" }) {
            return "\"" + value.replacingOccurrences(of: "\"", with: "\"\"") + "\""
        }
        return value
    }
}
