import XCTest
import VPRAnalysis

/// Weighted Holm: equal weights reproduce statsmodels' Holm; unequal weights match a direct numpy implementation.
final class StatisticsWeightedHolmTests: XCTestCase {
    func testEqualWeightsAreHolm() {
        // statsmodels.stats.multitest.multipletests([0.01,0.04,0.03,0.005,0.2], method='holm')[1]
        let adjusted = MultipleTesting.weightedHolm([0.01, 0.04, 0.03, 0.005, 0.2], weights: [1, 1, 1, 1, 1])
        assertReferenceValues(adjusted, [0.04, 0.09, 0.09, 0.025, 0.2], relative: 1e-12)
    }

    func testUnequalWeightsFollowTheStepDownOnPOverW() {
        // def wholm(p, w):
        //     p = np.array(p); w = np.array(w) / np.sum(w); o = np.argsort(p / w); res = np.empty(len(p)); run = 0; rem = 1.0
        //     for i in o: run = max(run, p[i] / w[i] * rem); res[i] = min(1, run); rem -= w[i]
        //     return res
        // wholm([0.001,0.004,0.03,0.0005,0.2], [0.25,0.25,0.125,0.125,0.25])
        let adjusted = MultipleTesting.weightedHolm([0.001, 0.004, 0.03, 0.0005, 0.2], weights: [2, 2, 1, 1, 2])
        assertReferenceValues(adjusted, [0.004, 0.01, 0.09, 0.004, 0.2], relative: 1e-12)
    }

    func testNaNTakesNoPart() {
        let adjusted = MultipleTesting.weightedHolm([0.01, .nan, 0.02], weights: [1, 1, 1])
        XCTAssertTrue(adjusted[1].isNaN)
        assertReferenceValues([adjusted[0], adjusted[2]], [0.02, 0.02], relative: 1e-12)
    }
}
