import XCTest
import VPRAnalysis

/// Sum of independent beta-binomials (one per class), against numpy convolutions of scipy's betabinom pmf.
/// Reference: def tail(k, comps):
///     d = np.array([1.0])
///     for n, a, b in comps: d = np.convolve(d, scipy.stats.betabinom.pmf(np.arange(n + 1), n, a, b))
///     return d[k:].sum()
final class StatisticsBetaBinomialSumTests: XCTestCase {
    let three = [BetaBinomialSum.Component(trials: 5, alpha: 2, beta: 10),
                 BetaBinomialSum.Component(trials: 7, alpha: 1.5, beta: 6),
                 BetaBinomialSum.Component(trials: 3, alpha: 4, beta: 4)]

    func testUpperTailOfThreeClassesMatchesTheConvolution() {
        // tail(9, [(5,2.0,10.0),(7,1.5,6.0),(3,4.0,4.0)])
        assertReferenceValue(BetaBinomialSum.upperTail(9, components: three), 0.014028921901448473)
        // tail(14, [(5,2.0,10.0),(7,1.5,6.0),(3,4.0,4.0)])
        assertReferenceValue(BetaBinomialSum.upperTail(14, components: three), 4.974784218289401e-06)
        // tail(3, [(5,2.0,10.0),(7,1.5,6.0),(3,4.0,4.0)])
        assertReferenceValue(BetaBinomialSum.upperTail(3, components: three), 0.7203184628894681)
    }

    func testOneClassIsOneBetaBinomial() {
        // tail(4, [(12,3.0,20.0)])
        assertReferenceValue(BetaBinomialSum.upperTail(4, components: [.init(trials: 12, alpha: 3, beta: 20)]),
                             0.09866354773277486)
    }

    func testTheDistributionSumsToOneAndTheTailIsZeroBeyondTheTotal() {
        XCTAssertEqual(BetaBinomialSum.pmf(three).reduce(0, +), 1, accuracy: 1e-12)
        XCTAssertEqual(BetaBinomialSum.upperTail(16, components: three), 0)
        XCTAssertEqual(BetaBinomialSum.upperTail(0, components: three), 1)
    }
}
