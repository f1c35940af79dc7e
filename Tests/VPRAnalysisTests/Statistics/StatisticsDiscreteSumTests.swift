// Reference values from numpy 2 / scipy 1.17.1; each literal is followed by the Python call that produced it
// (`from functools import reduce; import numpy as np; from scipy import stats`).
import XCTest
@testable import VPRAnalysis

final class StatisticsDiscreteSumTests: XCTestCase {
    let components: [[Double]] = [[0.5, 0.2, 0.3], [0.9, 0, 0, 0.1], [0.7, 0.3], [0.25, 0.25, 0.25, 0.25]]

    func testPmfMatchesRepeatedConvolution() {
        assertReferenceValues(DiscreteSum.pmf(components),
            [0.07875, 0.14400000000000002, 0.20475000000000002, 0.23375, 0.16225, 0.10375000000000001,
             0.04525, 0.01625, 0.009, 0.00225], relative: 1e-12)
            // list(reduce(np.convolve, [np.array(c) for c in COMPONENTS]))
    }

    func testSurvivalMatchesConvolutionTail() {
        assertReferenceValues(Array(DiscreteSum.survival(components).prefix(10)),
            [1.0, 0.92125, 0.77725, 0.5725, 0.33875, 0.17650000000000002, 0.07275, 0.0275, 0.01125, 0.00225],
            relative: 1e-12)
            // [pmf[k:].sum() for k in range(len(pmf))]
        XCTAssertEqual(DiscreteSum.upperTail(10, components: components), 0)
        XCTAssertEqual(DiscreteSum.upperTail(0, components: components), 1)
    }

    func testTinyTailOfEqualWeightsIsBinomial() {
        let c = Array(repeating: [0.95] + Array(repeating: 0.0, count: 19) + [0.05], count: 15)
        assertReferenceValue(DiscreteSum.upperTail(260, components: c), 1.1654968261718756e-15, relative: 1e-9)
            // stats.binom.sf(12, 15, 0.05)
        assertReferenceValue(DiscreteSum.upperTail(200, components: c), 2.3244544976806647e-10, relative: 1e-9)
            // stats.binom.sf(9, 15, 0.05)
        assertReferenceValue(DiscreteSum.pmf(c)[300], 3.0517578125000026e-20, relative: 1e-9)
            // 0.05**15
    }

    func testSidakBoundForSmallestOfManyPValues() {
        assertReferenceValue(Sidak.adjust(1e-6, tests: 378), 0.00037792875592953883, relative: 1e-12)
            // -np.expm1(378 * np.log1p(-1e-6))
        assertReferenceValue(Sidak.adjust(0.01, tests: 28), 0.2452807127963673, relative: 1e-12)
            // -np.expm1(28 * np.log1p(-0.01))
        assertReferenceValue(Sidak.adjust(0.2, tests: 3), 0.48800000000000004, relative: 1e-12)
            // 1 - 0.8**3
        XCTAssertEqual(Sidak.adjust(0.3, tests: 1), 0.3)
        XCTAssertEqual(Sidak.adjust(1, tests: 10), 1)
    }
}
