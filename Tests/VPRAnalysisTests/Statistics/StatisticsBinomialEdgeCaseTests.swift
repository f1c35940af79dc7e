import XCTest
@testable import VPRAnalysis

/// Degenerate and extreme inputs of the binomial family: certain outcomes, empty schools,
/// tails far below 1e-12, and consistency of the two tails.
final class StatisticsBinomialEdgeCaseTests: XCTestCase {
    func testCertainSuccessOrFailure() {
        XCTAssertEqual(Binomial.pmf(0, n: 10, p: 0), 1)
        XCTAssertEqual(Binomial.pmf(1, n: 10, p: 0), 0)
        XCTAssertEqual(Binomial.pmf(10, n: 10, p: 1), 1)
        XCTAssertEqual(Binomial.cdf(0, n: 10, p: 0), 1)
        XCTAssertEqual(Binomial.cdf(9, n: 10, p: 1), 0)
        XCTAssertEqual(Binomial.upperTail(1, n: 10, p: 0), 0)
        XCTAssertEqual(Binomial.upperTail(10, n: 10, p: 1), 1)
        XCTAssertEqual(BinomialTest.pValue(successes: 0, trials: 10, probability: 0, alternative: .twoSided), 1)
        XCTAssertEqual(BinomialTest.pValue(successes: 3, trials: 10, probability: 0, alternative: .greater), 0)
    }

    func testCountsOutsideTheRange() {
        XCTAssertEqual(Binomial.pmf(-1, n: 10, p: 0.3), 0)
        XCTAssertEqual(Binomial.pmf(11, n: 10, p: 0.3), 0)
        XCTAssertEqual(Binomial.cdf(-1, n: 10, p: 0.3), 0)
        XCTAssertEqual(Binomial.cdf(10, n: 10, p: 0.3), 1)
        XCTAssertEqual(Binomial.upperTail(0, n: 10, p: 0.3), 1)
        XCTAssertEqual(Binomial.upperTail(11, n: 10, p: 0.3), 0)
        XCTAssertEqual(Binomial.pmf(0, n: 0, p: 0.3), 1)
        XCTAssertTrue(Binomial.pmf(1, n: 10, p: 1.5).isNaN)
    }

    func testTailsAddUpToOne() {
        for (n, p) in [(10, 0.3), (137, 0.61), (5000, 0.02)] {
            for k in stride(from: 0, through: n, by: max(1, n / 17)) {
                let total = Binomial.cdf(k - 1, n: n, p: p) + Binomial.upperTail(k, n: n, p: p)
                XCTAssertEqual(total, 1, accuracy: 1e-13, "n=\(n) p=\(p) k=\(k)")
            }
        }
    }

    func testTinyUpperTailEqualsSumOfPointProbabilities() {
        // A school with 57 of 100 top marks where 20% is expected: the tail is ~1e-15.
        var sum = 0.0
        for j in (57...100).reversed() { sum += Binomial.pmf(j, n: 100, p: 0.2) }
        assertReferenceValue(Binomial.upperTail(57, n: 100, p: 0.2), sum, relative: 1e-12)
        XCTAssertLessThan(sum, 1e-14)
    }

    func testBetaBinomialWithHugePrecisionIsBinomial() {
        // At k = n the relative gap to the binomial is about n²/(2α) ≈ 4e-10 here.
        for k in [0, 7, 15, 30, 50] {
            assertReferenceValue(BetaBinomial.pmf(k, n: 50, alpha: 3e12, beta: 7e12), Binomial.pmf(k, n: 50, p: 0.3), relative: 1e-8)
            assertReferenceValue(BetaBinomial.upperTail(k, n: 50, alpha: 3e12, beta: 7e12), Binomial.upperTail(k, n: 50, p: 0.3), relative: 1e-8)
        }
    }

    func testBetaBinomialTailsAddUpToOne() {
        for (a, b) in [(0.3, 0.4), (2.0, 5.0), (45.0, 55.0)] {
            for k in 0...40 {
                let total = BetaBinomial.cdf(k - 1, n: 40, alpha: a, beta: b) + BetaBinomial.upperTail(k, n: 40, alpha: a, beta: b)
                XCTAssertEqual(total, 1, accuracy: 1e-13)
            }
        }
    }

    func testPoissonBinomialAndBinomialSumEdges() {
        XCTAssertEqual(PoissonBinomial.upperTail(0, probabilities: []), 1)
        XCTAssertEqual(PoissonBinomial.upperTail(1, probabilities: []), 0)
        XCTAssertEqual(PoissonBinomial.upperTail(3, probabilities: [1, 1, 1, 0]), 1)
        XCTAssertEqual(PoissonBinomial.upperTail(4, probabilities: [1, 1, 1, 0]), 0)
        XCTAssertEqual(PoissonBinomial.pmf(probabilities: []), [1])
        XCTAssertEqual(BinomialSum.upperTail(0, trials: [], probabilities: []), 1)
        XCTAssertEqual(BinomialSum.upperTail(61, trials: [20, 30, 10], probabilities: [0.2, 0.35, 0.5]), 0)
        XCTAssertEqual(BinomialSum.upperTail(60, trials: [20, 30, 10], probabilities: [1, 1, 1]), 1)
    }

    func testTensOfThousandsOfTestsAreFast() {
        // The analyzer runs a binomial and a beta-binomial test per school and indicator.
        let start = Date()
        var acc = 0.0
        for i in 0..<20_000 {
            let n = 20 + i % 180
            let k = (n * (i % 97)) / 96
            acc += BinomialTest.pValue(successes: k, trials: n, probability: 0.31, alternative: .twoSided)
            acc += BetaBinomial.upperTail(k, n: n, alpha: 4.2, beta: 9.1)
        }
        XCTAssertTrue(acc.isFinite)
        XCTAssertLessThan(Date().timeIntervalSince(start), 30, "even an unoptimised build should manage this")
    }
}
