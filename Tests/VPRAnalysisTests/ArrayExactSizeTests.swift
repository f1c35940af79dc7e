import XCTest
@testable import VPRAnalysis

/// Arrays kept for the whole run hold no spare room.
final class ArrayExactSizeTests: XCTestCase {
    func testAGrownArrayIsCopiedIntoABufferOfItsCount() {
        var grown: [Double] = []
        for i in 0..<1000 { grown.append(Double(i)) }
        XCTAssertGreaterThan(grown.capacity, grown.count, "appending leaves room")
        let exact = grown.exactlySized()
        XCTAssertEqual(exact, grown)
        XCTAssertLessThan(exact.capacity, grown.capacity)
        XCTAssertLessThanOrEqual(exact.capacity, 1000 + 8)
        XCTAssertEqual([Int]().exactlySized(), [])
    }

    func testAnEvaluationKeepsItsTestsAndTheirFiguresInExactBuffers() {
        var figures: [Figure] = []
        for i in 0..<37 { figures.append(Figure("f\(i)", Double(i))) }
        var tests: [IndicatorTest] = []
        for i in 0..<300 {
            tests.append(IndicatorTest(code: .journal, direction: "raised", category: .vpr, scope: .schoolWork,
                                       schoolID: "s\(i)", work: nil, participants: 20, eligible: true, statisticName: "z",
                                       statistic: 1, pValue: 0.5, effectName: "e", effectSize: 0, material: false,
                                       explanation: "", figures: figures))
        }
        let evaluation = IndicatorEvaluation(tests: tests)
        XCTAssertEqual(evaluation.tests, tests)
        XCTAssertLessThanOrEqual(evaluation.tests.capacity, 300 + 8)
        XCTAssertTrue(evaluation.tests.allSatisfy { $0.figures.capacity <= 37 + 2 })
    }
}
