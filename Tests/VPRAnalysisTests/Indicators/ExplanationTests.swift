import Foundation
import XCTest
@testable import VPRAnalysis

/// A test's Russian sentence is built when read, and reads, compares and encodes as the text it builds.
final class ExplanationTests: XCTestCase {
    private final class Counter: @unchecked Sendable {
        private let lock = NSLock()
        private var value = 0
        func increment() { lock.lock(); value += 1; lock.unlock() }
        var count: Int { lock.lock(); defer { lock.unlock() }; return value }
    }

    private func test(_ explanation: Explanation) -> IndicatorTest {
        IndicatorTest(code: .boundary, direction: "bunching", category: .vpr, scope: .school, schoolID: "sch1", work: nil,
                      participants: 10, eligible: true, statisticName: "s", statistic: 1, pValue: 0.5, effectName: "e",
                      effectSize: 0, material: false, explanation: explanation)
    }

    func testTheSentenceIsBuiltOnlyWhenRead() {
        let builds = Counter()
        let t = test(Explanation { builds.increment(); return "Работ на границах: 12." })
        XCTAssertEqual(builds.count, 0)
        XCTAssertEqual(t.explanation, "Работ на границах: 12.")
        XCTAssertEqual(builds.count, 1)
    }

    func testAWrittenSentenceAndABuiltOneAreEqualAndEncodeAlike() throws {
        let built = test(Explanation { "p = 0,01" })
        let written = test(Explanation(text: "p = 0,01"))
        XCTAssertEqual(built, written)
        XCTAssertEqual(built.hashValue, written.hashValue)
        let encoder = JSONEncoder()
        encoder.outputFormatting = .sortedKeys
        let json = try XCTUnwrap(String(data: try encoder.encode(built), encoding: .utf8))
        XCTAssertTrue(json.contains("\"explanation\":\"p = 0,01\""), json)
        let decoded = try JSONDecoder().decode(IndicatorTest.self, from: Data(json.utf8))
        XCTAssertEqual(decoded.explanation, "p = 0,01")
    }

    func testSettingTheTextReplacesTheBuilder() {
        let builds = Counter()
        var t = test(Explanation { builds.increment(); return "длинный текст" })
        t.explanation = ""
        XCTAssertEqual(t.explanation, "")
        XCTAssertEqual(builds.count, 0)
        XCTAssertNotEqual(t, test(Explanation { "длинный текст" }))
    }
}
