import XCTest
@testable import VPRAnalysis

/// The region's expectation of a per-student quantity at a total score: a local linear fit over a window of
/// totals, its residual variance, and the variance of the fitted expectation, checked against statsmodels OLS.
final class InversionExpectationTests: XCTestCase {
    func region(_ totals: [Int], _ values: [Double], maxTotal: Int) -> InversionExpectation {
        var e = InversionExpectation(maxTotal: maxTotal)
        for (t, y) in zip(totals, values) { e.add(total: t, value: y) }
        return e
    }

    /// At the top of the scale the window is one-sided (totals 8–10 for t = 10), so the expectation is
    /// extrapolated and less certain than a plain mean of its students.
    func testAtTheTopTheWindowIsOneSidedAndTheExpectationCarriesItsOwnVariance() throws {
        let e = region([8, 8, 9, 9, 9, 10, 10, 10, 10], [0.10, 0.30, 0.20, 0.25, 0.40, 0.35, 0.50, 0.30, 0.45], maxTotal: 10)
        let fit = try XCTUnwrap(e.expected(total: 10, minCount: 9))
        // r = sm.OLS(y, sm.add_constant(T - 10)).fit(); r.params[0], r.ssr / 9, r.cov_params(scale=r.ssr / 9)[0, 0]
        XCTAssertEqual(fit.mean, 0.3959999999999999, accuracy: 1e-12)
        XCTAssertEqual(fit.variance, 0.0074666666666666675, accuracy: 1e-12)
        XCTAssertEqual(fit.meanVariance, 0.0016426666666666664, accuracy: 1e-12)
        XCTAssertGreaterThan(fit.meanVariance, fit.variance / 9, "extrapolation costs more than a mean of 9")
    }

    func testInTheMiddleTheWindowGrowsOnBothSides() throws {
        let e = region([4, 5, 5, 6, 6, 6, 7, 7], [0.2, 0.1, 0.3, 0.25, 0.35, 0.15, 0.4, 0.3], maxTotal: 12)
        let fit = try XCTUnwrap(e.expected(total: 6, minCount: 8))
        // r = sm.OLS(y, sm.add_constant(T - 6.)).fit(); r.params[0], r.ssr / 8, r.cov_params(scale=r.ssr / 8)[0, 0]
        XCTAssertEqual(fit.mean, 0.2699999999999999, accuracy: 1e-12)
        XCTAssertEqual(fit.variance, 0.006187499999999999, accuracy: 1e-12)
        XCTAssertEqual(fit.meanVariance, 0.0008249999999999996, accuracy: 1e-12)
    }

    func testOneTotalAloneGivesThePlainMeanAndItsVariance() throws {
        let e = region([5, 5, 5, 5], [0.1, 0.2, 0.3, 0.4], maxTotal: 5)
        let fit = try XCTUnwrap(e.expected(total: 5, minCount: 4))
        XCTAssertEqual(fit.mean, 0.25, accuracy: 1e-12)
        XCTAssertEqual(fit.variance, 0.0125, accuracy: 1e-12)
        XCTAssertEqual(fit.meanVariance, 0.0125 / 4, accuracy: 1e-12)
        XCTAssertNil(InversionExpectation(maxTotal: 5).expected(total: 3, minCount: 1), "no students, no expectation")
    }
}
