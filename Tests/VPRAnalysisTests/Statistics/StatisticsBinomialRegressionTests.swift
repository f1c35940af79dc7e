import XCTest
import VPRAnalysis

/// Grouped logistic regression against statsmodels' binomial GLM.
final class StatisticsBinomialRegressionTests: XCTestCase {
    func testCoefficientsMatchStatsmodels() {
        // X = [[1,0,0,-0.5],[1,0,0,0.2],[0,1,0,-0.5],[0,1,0,0.2],[0,0,1,-0.5],[0,0,1,0.2],[1,0,0,1.1],[0,1,0,1.1],[0,0,1,1.1]]
        // k = [3,5,10,12,20,15,9,14,8]; n = [30,28,40,35,50,30,25,30,12]
        // sm.GLM(np.column_stack([k, n-k]), X, family=sm.families.Binomial()).fit(tol=1e-12).params
        let design: [[Double]] = [[1, 0, 0, -0.5], [1, 0, 0, 0.2], [0, 1, 0, -0.5], [0, 1, 0, 0.2], [0, 0, 1, -0.5],
                                  [0, 0, 1, 0.2], [1, 0, 0, 1.1], [0, 1, 0, 1.1], [0, 0, 1, 1.1]]
        let fit = BinomialRegression.fit(design: design, successes: [3, 5, 10, 12, 20, 15, 9, 14, 8],
                                         trials: [30, 28, 40, 35, 50, 30, 25, 30, 12])
        XCTAssertEqual(fit?.converged, true)
        assertReferenceValues(fit!.coefficients,
                              [-1.5792115356875613, -0.8209961237407927, -0.08497125136185013, 0.7248077157355466],
                              relative: 1e-8)
        XCTAssertEqual(fit!.probability([0, 0, 1, 0]), 1 / (1 + exp(0.08497125136185013)), accuracy: 1e-9)
    }

    func testRowsWithoutTrialsAreIgnored() {
        let fit = BinomialRegression.fit(design: [[1], [1], [1]], successes: [3, 0, 7], trials: [10, 0, 10])
        // logit(10/20) = 0
        XCTAssertEqual(fit!.coefficients[0], 0, accuracy: 1e-10)
    }
}
