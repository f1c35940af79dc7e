import XCTest

/// Asserts |actual − expected| ≤ max(relative · |expected|, absolute); NaN matches only NaN,
/// infinities must match exactly.
func assertReferenceValue(_ actual: Double, _ expected: Double, relative: Double = 1e-9, absolute: Double = 0,
                 file: StaticString = #filePath, line: UInt = #line) {
    if expected.isNaN {
        XCTAssertTrue(actual.isNaN, "expected NaN, got \(actual)", file: file, line: line)
        return
    }
    if expected.isInfinite || actual.isInfinite || actual.isNaN {
        XCTAssertEqual(actual, expected, file: file, line: line)
        return
    }
    let tolerance = max(relative * abs(expected), absolute)
    let error = abs(actual - expected)
    XCTAssertLessThanOrEqual(error, tolerance,
        "\(actual) vs \(expected): relative error \(expected == 0 ? error : error / abs(expected))",
        file: file, line: line)
}

/// Element-wise `assertReferenceValue` of two arrays of equal length.
func assertReferenceValues(_ actual: [Double], _ expected: [Double], relative: Double = 1e-9, absolute: Double = 0,
                    file: StaticString = #filePath, line: UInt = #line) {
    XCTAssertEqual(actual.count, expected.count, "length", file: file, line: line)
    for (a, e) in zip(actual, expected) {
        assertReferenceValue(a, e, relative: relative, absolute: absolute, file: file, line: line)
    }
}
