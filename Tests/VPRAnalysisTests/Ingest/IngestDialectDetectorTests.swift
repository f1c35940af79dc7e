import Foundation
import XCTest
@testable import VPRAnalysis

/// Encoding and separator detection, and the hand-written Windows-1251 table.
final class IngestDialectDetectorTests: XCTestCase {
    private func detect(_ bytes: [UInt8], prefix: Int = 4 << 20, chunk: Int = 1 << 20) throws -> CSVDialect? {
        let fixture = try IngestFixture()
        defer { fixture.remove() }
        let url = try fixture.write("t.csv", bytes: bytes)
        return try DialectDetector(validationPrefix: prefix, chunkSize: chunk).detect(url: url)
    }

    func testUTF8WithoutBOMIsDetected() throws {
        XCTAssertEqual(try detect(Array("Год;Предмет\n2025;Математика\n".utf8))?.encoding, .utf8)
    }

    func testUTF8WithBOMIsDetected() throws {
        XCTAssertEqual(try detect([0xEF, 0xBB, 0xBF] + Array("Год;Предмет\n".utf8))?.encoding, .utf8BOM)
    }

    func testWindows1251IsDetectedWhenBytesAreNotUTF8() throws {
        // «Год;Предмет» in Windows-1251, written out as bytes.
        let bytes: [UInt8] = [0xC3, 0xEE, 0xE4, 0x3B, 0xCF, 0xF0, 0xE5, 0xE4, 0xEC, 0xE5, 0xF2, 0x0A]
        XCTAssertEqual(try detect(bytes)?.encoding, .windows1251)
        XCTAssertEqual(Windows1251.decode(bytes), "Год;Предмет\n")
    }

    func testWindows1251AfterALongASCIIPrefixIsStillDetected() throws {
        let ascii = Array(String(repeating: "1;2;3\n", count: 2000).utf8)
        let tail = Windows1251.encode("Математика;5Б\n")!
        XCTAssertEqual(try detect(ascii + tail, prefix: 256, chunk: 1024)?.encoding, .windows1251)
    }

    func testEmptyFileHasNoDialect() throws {
        XCTAssertNil(try detect([]))
    }

    func testSeparatorIsTheMostFrequentOutsideQuotes() throws {
        XCTAssertEqual(try detect(Array("a;b;c\n".utf8))?.delimiter, 0x3B)
        XCTAssertEqual(try detect(Array("a,b,c\n1;2\n".utf8))?.delimiter, 0x2C)
        XCTAssertEqual(try detect(Array("a\tb\tc\n".utf8))?.delimiter, 0x09)
        XCTAssertEqual(try detect(Array("\"a;b;c\",d,e\n".utf8))?.delimiter, 0x2C)
    }

    func testSeparatorTieGoesToSemicolon() throws {
        XCTAssertEqual(try detect(Array("a;b,c\n".utf8))?.delimiter, 0x3B)
        XCTAssertEqual(try detect(Array("single\n".utf8))?.delimiter, 0x3B)
    }

    func testWindows1251RoundTripsEveryRussianLetterAndPunctuation() {
        let text = "АБВГДЕЁЖЗИЙКЛМНОПРСТУФХЦЧШЩЪЫЬЭЮЯабвгдеёжзийклмнопрстуфхцчшщъыьэюя№«»—–\u{A0}"
        let bytes = Windows1251.encode(text)!
        XCTAssertEqual(bytes.count, text.unicodeScalars.count)
        XCTAssertEqual(Windows1251.decode(bytes), text)
        XCTAssertEqual(Windows1251.encode("Ё"), [0xA8])
        XCTAssertEqual(Windows1251.encode("№"), [0xB9])
        XCTAssertEqual(Windows1251.encode("а"), [0xE0])
        XCTAssertNil(Windows1251.encode("€\u{1F600}"))
    }

    func testStrictUTF8RejectsOverlongAndSurrogateForms() {
        for bad: [UInt8] in [[0xC0, 0xAF], [0xED, 0xA0, 0x80], [0xF4, 0x90, 0x80, 0x80], [0xE0, 0x80, 0x80]] {
            var validator = UTF8Validator()
            validator.feed(bad)
            XCTAssertFalse(validator.isValid, "\(bad)")
        }
        var split = UTF8Validator()
        split.feed([0xD0])
        XCTAssertTrue(split.isInsideSequence)
        split.feed([0x90])
        XCTAssertTrue(split.isValid && !split.isInsideSequence)
    }
}
