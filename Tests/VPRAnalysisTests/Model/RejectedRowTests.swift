import Foundation
import XCTest
@testable import VPRAnalysis

/// A rejected row gives back exactly the fields it was made with, however they look, and encodes as before.
final class RejectedRowTests: XCTestCase {
    private let location = SourceLocation(file: "results.csv", line: 7, column: 3)

    func testFieldsComeBackAsTheyWere() {
        let cases: [[String]] = [
            [], [""], ["", "", ""], ["12:34", "5:", ":", "0"], ["Иванов «И.»", "ﬁ😀\u{202E}", "a\r\nb;\"c\""],
            [String(repeating: "я", count: 10_000), "1"], ["\u{0}", "9999999999"],
        ]
        for fields in cases {
            XCTAssertEqual(RejectedRow(location: location, reason: "r", fields: fields).fields, fields)
        }
    }

    func testSettingTheFieldsReplacesThem() {
        var row = RejectedRow(location: location, reason: "r", fields: ["a", "b"])
        row.fields.append("3:c")
        XCTAssertEqual(row.fields, ["a", "b", "3:c"])
        XCTAssertEqual(row, RejectedRow(location: location, reason: "r", fields: ["a", "b", "3:c"]))
        XCTAssertNotEqual(row, RejectedRow(location: location, reason: "r", fields: ["a", "b3:c"]))
    }

    func testEncodesItsFieldsAsAnArray() throws {
        let row = RejectedRow(location: location, reason: "участник отсутствовал", fields: ["s1", "", "2:x"], isAbsence: true)
        let encoder = JSONEncoder()
        encoder.outputFormatting = .sortedKeys
        let json = String(decoding: try encoder.encode(row), as: UTF8.self)
        XCTAssertTrue(json.contains(#""fields":["s1","","2:x"]"#), json)
        XCTAssertTrue(json.contains(#""isAbsence":true"#), json)
        XCTAssertEqual(try JSONDecoder().decode(RejectedRow.self, from: Data(json.utf8)), row)
    }
}
