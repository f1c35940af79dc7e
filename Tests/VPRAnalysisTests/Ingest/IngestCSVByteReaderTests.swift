import Foundation
import XCTest
@testable import VPRAnalysis

/// The byte-level CSV reader: quoting, line ends, blank lines and physical line numbers.
final class IngestCSVByteReaderTests: XCTestCase {
    private struct Row: Equatable {
        var line: Int
        var fields: [String]
    }

    private func rows(_ bytes: [UInt8], delimiter: UInt8 = 0x3B, encoding: TextEncodingKind = .utf8,
                      chunkSize: Int = 1 << 20) throws -> [Row] {
        let fixture = try IngestFixture()
        defer { fixture.remove() }
        let url = try fixture.write("t.csv", bytes: bytes)
        let decoder = FieldDecoder(encoding: encoding)
        var out: [Row] = []
        try CSVByteReader(url: url, dialect: CSVDialect(encoding: encoding, delimiter: delimiter), chunkSize: chunkSize)
            .forEachRecord { record in
                out.append(Row(line: record.line, fields: decoder.allFields(record)))
                return true
            }
        return out
    }

    private func rows(_ text: String, delimiter: UInt8 = 0x3B, chunkSize: Int = 1 << 20) throws -> [Row] {
        try rows(Array(text.utf8), delimiter: delimiter, chunkSize: chunkSize)
    }

    func testQuotedFieldsKeepSeparatorsDoubledQuotesAndLineBreaks() throws {
        let text = "a;b;c\n\"x;y\";\"he said \"\"hi\"\"\";\"line1\nline2\"\nlast;row;here\n"
        for chunk in [1, 2, 3, 7, 1 << 20] {
            let got = try rows(text, chunkSize: chunk)
            XCTAssertEqual(got, [
                Row(line: 1, fields: ["a", "b", "c"]),
                Row(line: 2, fields: ["x;y", "he said \"hi\"", "line1\nline2"]),
                Row(line: 4, fields: ["last", "row", "here"]),
            ], "chunk size \(chunk)")
        }
    }

    func testCRLFLineEndsAreStripped() throws {
        let got = try rows("a;b\r\n1;2\r\n\"q\";\"\"\r\n", chunkSize: 3)
        XCTAssertEqual(got, [Row(line: 1, fields: ["a", "b"]), Row(line: 2, fields: ["1", "2"]), Row(line: 3, fields: ["q", ""])])
    }

    func testFinalLineWithoutNewlineIsRead() throws {
        XCTAssertEqual(try rows("a;b\n1;2"), [Row(line: 1, fields: ["a", "b"]), Row(line: 2, fields: ["1", "2"])])
        XCTAssertEqual(try rows("a;b\n1;\"2\"", chunkSize: 2), [Row(line: 1, fields: ["a", "b"]), Row(line: 2, fields: ["1", "2"])])
    }

    func testBlankLinesAreSkippedButCountedAsPhysicalLines() throws {
        let got = try rows("a;b\n\n1;2\r\n\r\n;\n3;4\n\n")
        XCTAssertEqual(got, [Row(line: 1, fields: ["a", "b"]), Row(line: 3, fields: ["1", "2"]), Row(line: 6, fields: ["3", "4"])])
    }

    func testCommaAndTabSeparators() throws {
        XCTAssertEqual(try rows("a,\"b,c\"\n", delimiter: 0x2C), [Row(line: 1, fields: ["a", "b,c"])])
        XCTAssertEqual(try rows("a\tb;c\n", delimiter: 0x09), [Row(line: 1, fields: ["a", "b;c"])])
    }

    func testUnterminatedQuoteIsFlagged() throws {
        let fixture = try IngestFixture()
        defer { fixture.remove() }
        let url = try fixture.write("t.csv", "a;b\n1;\"open\n2;3\n")
        var flags: [Bool] = []
        try CSVByteReader(url: url, dialect: CSVDialect(encoding: .utf8, delimiter: 0x3B)).forEachRecord {
            flags.append($0.hasUnterminatedQuote)
            return true
        }
        XCTAssertEqual(flags, [false, true])
    }

    func testRecordsLongerThanAChunkAreReassembled() throws {
        let long = String(repeating: "я", count: 5000)
        let got = try rows("\(long);x\n1;2\n", chunkSize: 64)
        XCTAssertEqual(got, [Row(line: 1, fields: [long, "x"]), Row(line: 2, fields: ["1", "2"])])
    }
}
