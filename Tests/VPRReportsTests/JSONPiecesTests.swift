import Foundation
import XCTest
@testable import VPRReports

/// An object written member by member gives exactly the bytes of encoding it at once.
final class JSONPiecesTests: XCTestCase {
    private struct Item: Encodable {
        var name: String
        var values: [Double]
        var empty: [Int]
        var nested: [String: [Int]]
    }

    private struct Whole: Encodable {
        var alpha: [Item]
        var beta: String
        var gamma: [Item]
        var zeta: [String: Double]
    }

    private func pieces(_ w: Whole) throws -> Data {
        let sink = ByteSink()
        var out = JSONPieces(encoder: ResultsJSONWriter.encoder(), sink: sink)
        try out.open()
        try out.arrayMember("alpha", count: w.alpha.count) { w.alpha[$0] }
        try out.member("beta", w.beta)
        try out.arrayMember("gamma", count: w.gamma.count) { w.gamma[$0] }
        try out.member("zeta", w.zeta, last: true)
        try out.close()
        return try sink.data
    }

    func testPiecesGiveTheBytesOfTheWholeDocument() throws {
        let items = [
            Item(name: "строка\nс переносом и \"кавычками\"", values: [0.1, 1e-12, .nan, 3], empty: [],
                 nested: ["b": [], "a": [1, 2]]),
            Item(name: "</script> ]]> =HYPERLINK(\"x\")", values: [], empty: [], nested: [:]),
        ]
        let whole = Whole(alpha: items, beta: "в/о", gamma: [], zeta: ["y": .infinity, "x": -0.5])
        var expected = try ResultsJSONWriter.encoder().encode(whole)
        expected.append(0x0A)
        let written = try pieces(whole)
        XCTAssertEqual(String(decoding: written, as: UTF8.self), String(decoding: expected, as: UTF8.self))
        XCTAssertEqual(written, expected)
    }
}
