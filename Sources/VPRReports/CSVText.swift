import Foundation

/// Writes `;`-separated CSV the way a Russian-locale Excel opens it: UTF-8 with BOM, CRLF,
/// RFC 4180 quoting, and text that would start a formula made inert.
enum CSVText {
    static func document(header: [String], rows: [[String]]) -> Data {
        let sink = ByteSink()
        // A sink in memory has nothing that can fail.
        try! write(header: header, rows: rows, to: sink)
        return try! sink.data
    }

    /// The same bytes as `document`, written row by row, the rows made as they are written.
    static func write<Rows: Sequence<[String]>>(header: [String], rows: Rows, to sink: ByteSink) throws {
        try sink.write("\u{FEFF}" + line(header))
        for row in rows { try sink.write(line(row)) }
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
