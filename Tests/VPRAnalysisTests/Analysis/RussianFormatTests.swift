import Foundation
import XCTest
@testable import VPRAnalysis

/// Numbers read the Russian way: a decimal comma, the C library's rounding, words for tiny p-values.
final class RussianFormatTests: XCTestCase {
    func testNumbersHaveADecimalCommaAndRoundLikePrintf() {
        XCTAssertEqual(RussianFormat.number(12.34), "12,3")
        XCTAssertEqual(RussianFormat.number(0.125, digits: 2), "0,12")   // 0.125 is exact: half to even
        XCTAssertEqual(RussianFormat.number(2.5, digits: 0), "2")
        XCTAssertEqual(RussianFormat.number(-0.05, digits: 1), "-0,1")  // -0.05 is a little beyond −0.05
        XCTAssertEqual(RussianFormat.number(.nan), "—")
        XCTAssertEqual(RussianFormat.number(1e70, digits: 1), String(format: "%.1f", 1e70).replacingOccurrences(of: ".", with: ","))
    }

    func testEveryNumberAgreesWithFoundationsFormatting() {
        var state: UInt64 = 42
        for _ in 0..<5_000 {
            state = state &* 6364136223846793005 &+ 1442695040888963407
            let value = (Double(state >> 11) / Double(1 << 53) - 0.5) * pow(10, Double(Int(state % 9)) - 3)
            let digits = Int(state >> 60) % 5
            let expected = String(format: "%.\(digits)f", value).replacingOccurrences(of: ".", with: ",")
            XCTAssertEqual(RussianFormat.number(value, digits: digits), expected, "\(value) with \(digits) digits")
        }
    }

    func testPValuesAndPercents() {
        XCTAssertEqual(RussianFormat.pValue(0.0134), "p = 0,013")
        XCTAssertEqual(RussianFormat.pValue(0.0004), "p меньше 0,001")
        XCTAssertEqual(RussianFormat.pValue(3e-9), "p меньше 10⁻⁸")
        XCTAssertEqual(RussianFormat.percent(0.354), "35 %")
    }
}
