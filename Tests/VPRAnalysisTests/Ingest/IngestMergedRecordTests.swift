import Foundation
import XCTest
@testable import VPRAnalysis

/// A row of a merged export is laid into the merged table byte for byte; it must come out exactly as the text of
/// its cells would: doubled quotes collapsed, CP1251 as UTF-8, the blanks `trimmingWhitespaceAndNBSP` removes
/// removed, and a field that is not UTF-8 decoded with replacement characters.
final class IngestMergedRecordTests: XCTestCase {
    /// Pieces a cell is made of: digits, Cyrillic, spaces and tabs, no-break and thin spaces, a BOM, quotes, line
    /// breaks inside a quoted cell, a stray byte that is not UTF-8.
    private let pieces: [String] = ["7", "12", "5А", "Математика", " ", "\t", "\u{00A0}", "\u{202F}", "\u{2007}", "\u{FEFF}",
                                    "\"", "\n", "\r\n", "x y", "—", "№"]

    private func randomCell(_ rng: inout TestRandom, allowInvalid: Bool) -> [UInt8] {
        var text = ""
        for _ in 0..<Int(rng.next() % 5) { text += pieces[Int(rng.next() % UInt64(pieces.count))] }
        var bytes = Array(text.utf8)
        if allowInvalid && rng.bernoulli(0.1) { bytes.insert(0xFF, at: Int(rng.next() % UInt64(bytes.count + 1))) }
        return bytes
    }

    /// A CSV line of quoted cells in the encoding.
    private func line(_ cells: [[UInt8]]) -> [UInt8] {
        var out: [UInt8] = []
        for (i, cell) in cells.enumerated() {
            if i > 0 { out.append(0x3B) }
            out.append(0x22)
            for b in cell { out.append(b); if b == 0x22 { out.append(0x22) } }
            out.append(0x22)
        }
        return out + [0x0A]
    }

    private func check(encoding: TextEncodingKind, seed: UInt64) throws {
        var rng = TestRandom(seed: seed)
        var cellsByLine: [[[UInt8]]] = []
        for _ in 0..<300 {
            var cells: [[UInt8]] = []
            for _ in 0..<4 {
                let utf8 = randomCell(&rng, allowInvalid: encoding != .windows1251)
                if encoding == .windows1251 {
                    let text = String(decoding: utf8, as: UTF8.self)
                    cells.append(Windows1251.encode(text) ?? Windows1251.encode(text.filter { $0 != "\u{202F}" && $0 != "\u{2007}" && $0 != "\u{FEFF}" })!)
                } else {
                    cells.append(utf8)
                }
            }
            // A plain unquoted cell too, padded with ASCII blanks.
            cells.append(Array(" 42\t".utf8))
            cellsByLine.append(cells)
        }
        let fixture = try IngestFixture()
        defer { fixture.remove() }
        let url = try fixture.write("m.csv", bytes: cellsByLine.flatMap(line))
        let decoder = FieldDecoder(encoding: encoding)
        let sources: [MergedRecord.Source] = [.column(3), .constant("Математика"), .column(0), .none, .column(1), .column(2),
                                              .column(4), .column(9)]
        var byBytes = MergedRecord(), byText = MergedRecord()
        var records = 0
        try CSVByteReader(url: url, dialect: CSVDialect(encoding: encoding, delimiter: 0x3B)).forEachRecord { record in
            records += 1
            byBytes.lay(record, sources: sources, decoder: decoder)
            byText.lay(TableRow(number: record.line, cells: (0..<record.count).map { decoder.text(record, $0) }), sources: sources)
            let a = byBytes.withRecord(line: record.line) { r in (0..<r.count).map { Array(r.raw($0)) } }
            let b = byText.withRecord(line: record.line) { r in (0..<r.count).map { Array(r.raw($0)) } }
            XCTAssertEqual(a, b, "line \(record.line): \(decoder.allFields(record))")
            return true
        }
        XCTAssertEqual(records, 300)
    }

    func testUTF8CellsComeOutAsTheirText() throws {
        try check(encoding: .utf8, seed: 1)
        try check(encoding: .utf8, seed: 2)
    }

    func testWindows1251CellsComeOutAsTheirTextInUTF8() throws {
        try check(encoding: .windows1251, seed: 3)
    }

    func testBlanksAreTrimmedFromBothEndsOnly() {
        var bytes = Array("ab".utf8) + Array("\u{00A0} \u{FEFF}x\u{202F}y\t\u{2007}\r\n".utf8)
        MergedRecord.trimBlanks(&bytes, from: 2)
        XCTAssertEqual(String(decoding: bytes, as: UTF8.self), "abx\u{202F}y")
        var blank = Array("\u{00A0}\t \u{FEFF}".utf8)
        MergedRecord.trimBlanks(&blank, from: 0)
        XCTAssertEqual(blank, [])
    }
}
