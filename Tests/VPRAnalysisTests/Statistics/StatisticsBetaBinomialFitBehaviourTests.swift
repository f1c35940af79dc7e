import XCTest
@testable import VPRAnalysis

/// How the region's beta-binomial null behaves on the data a quality-centre specialist meets:
/// plain binomial regions, regions with manipulating schools, empty and degenerate input.
final class StatisticsBetaBinomialFitBehaviourTests: XCTestCase {
    func testRegionWithoutOverdispersionIsNearBinomial() {
        let fit = BetaBinomialFit.maximumLikelihood(successes: [15, 15, 16, 15, 14, 15, 15, 16], trials: Array(repeating: 50, count: 8))
        XCTAssertNotNil(fit)
        guard let fit else { return }
        XCTAssertEqual(fit.alpha + fit.beta, BetaBinomialFit.maximumPrecision, accuracy: 1e-3)
        // At α + β = 1e6 the likelihood's mean differs from the pooled share only by O(n/(α + β)).
        XCTAssertEqual(fit.mean, 121.0 / 400.0, accuracy: 1e-5)
        XCTAssertLessThan(fit.intraclassCorrelation, 1e-5)
    }

    func testEmptyClassesAreIgnored() {
        let x = [3, 10, 0, 7, 12, 5], n = [20, 25, 0, 30, 22, 18]
        let withEmpty = BetaBinomialFit.maximumLikelihood(successes: x, trials: n)
        let without = BetaBinomialFit.maximumLikelihood(successes: [3, 10, 7, 12, 5], trials: [20, 25, 30, 22, 18])
        XCTAssertEqual(withEmpty, without)
    }

    func testDegenerateRegionsGiveNil() {
        XCTAssertNil(BetaBinomialFit.maximumLikelihood(successes: [3], trials: [10]))
        XCTAssertNil(BetaBinomialFit.maximumLikelihood(successes: [3, 0], trials: [10, 0]))
        XCTAssertNil(BetaBinomialFit.maximumLikelihood(successes: [0, 0, 0], trials: [10, 20, 5]))
        XCTAssertNil(BetaBinomialFit.maximumLikelihood(successes: [10, 20, 5], trials: [10, 20, 5]))
        XCTAssertNil(BetaBinomialFit.robust(successes: [], trials: []))
    }

    func testManipulatingSchoolsDoNotInflateTheRobustNull() {
        // 30 ordinary schools around 20% plus three with nearly all papers at the top mark.
        var x: [Int] = [], n: [Int] = []
        for i in 0..<30 { n.append(40 + i); x.append((40 + i) / 5 + (i % 5) - 2) }
        let clean = BetaBinomialFit.maximumLikelihood(successes: x, trials: n)!
        x += [39, 48, 50]; n += [40, 50, 50]
        let naive = BetaBinomialFit.maximumLikelihood(successes: x, trials: n)!
        let robust = BetaBinomialFit.robust(successes: x, trials: n)!
        XCTAssertGreaterThan(naive.intraclassCorrelation, 0.05)
        XCTAssertEqual(robust, clean)
        // Against the robust null the manipulating schools are extreme; against the naive one far less so.
        let pRobust = BetaBinomial.upperTail(48, n: 50, alpha: robust.alpha, beta: robust.beta)
        let pNaive = BetaBinomial.upperTail(48, n: 50, alpha: naive.alpha, beta: naive.beta)
        XCTAssertLessThan(pRobust, 1e-12)
        XCTAssertGreaterThan(pNaive, 1e-6)
    }

    func testFitIsAMaximumOfTheLikelihood() {
        let x = [3, 10, 7, 12, 5, 9, 1, 14], n = [20, 25, 30, 22, 18, 27, 15, 24]
        let fit = BetaBinomialFit.maximumLikelihood(successes: x, trials: n)!
        let best = fit.logLikelihood(successes: x, trials: n)
        for (da, db) in [(1.01, 1.0), (0.99, 1.0), (1.0, 1.01), (1.0, 0.99), (1.01, 1.01), (0.99, 0.99)] {
            let other = BetaBinomialFit(alpha: fit.alpha * da, beta: fit.beta * db)
            XCTAssertLessThan(other.logLikelihood(successes: x, trials: n), best)
        }
    }
}
