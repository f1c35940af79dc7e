import XCTest
@testable import VPRAnalysis

/// Degenerate inputs of the remaining routines: empty lists, NaN, undefined kappa, bad designs.
final class StatisticsEdgeCaseTests: XCTestCase {
    func testMultipleTestingOnEmptyAndAllNaN() {
        XCTAssertEqual(MultipleTesting.benjaminiHochberg([]), [])
        XCTAssertEqual(MultipleTesting.holm([]), [])
        XCTAssertTrue(MultipleTesting.benjaminiHochberg([.nan, .nan]).allSatisfy(\.isNaN))
        XCTAssertEqual(MultipleTesting.benjaminiHochberg([0.04, .nan]).first, 0.04)
        XCTAssertEqual(MultipleTesting.holm([1e-300]), [1e-300])
    }

    func testKappaUndefined() {
        XCTAssertNil(WeightedKappa.compute(table: [[0, 0], [0, 0]], weighting: .linear))
        // Both raters always use one category: expected agreement is 1.
        XCTAssertNil(WeightedKappa.compute(table: [[10, 0], [0, 0]], weighting: .unweighted))
        XCTAssertNil(WeightedKappa.compute(table: [[10, 0], [0, 0]], weighting: .quadratic))
        let perfect = WeightedKappa.compute(table: [[5, 0, 0], [0, 7, 0], [0, 0, 4]], weighting: .quadratic)
        XCTAssertEqual(perfect?.kappa ?? 0, 1, accuracy: 1e-15)
    }

    func testPoissonRegressionRejectsBadInput() {
        XCTAssertNil(PoissonRegression.fit(design: [], counts: []))
        XCTAssertNil(PoissonRegression.fit(design: [[1], [1]], counts: [1]))
        XCTAssertNil(PoissonRegression.fit(design: [[1], [1]], counts: [1, -1]))
        // Collinear columns: XᵀWX is singular.
        XCTAssertNil(PoissonRegression.fit(design: [[1, 2], [1, 2], [1, 2]], counts: [1, 2, 3]))
        let fit = PoissonRegression.fit(design: [[1], [1], [1]], counts: [2, 4, 6])!
        XCTAssertTrue(fit.converged)
        XCTAssertEqual(fit.coefficients[0], log(4), accuracy: 1e-12)
    }

    func testNormalQuantileExtremes() {
        XCTAssertEqual(Normal.quantile(0), -.infinity)
        XCTAssertEqual(Normal.quantile(1), .infinity)
        XCTAssertTrue(Normal.quantile(1.5).isNaN)
        for p in [1e-300, 1e-20, 1e-6, 0.01, 0.3, 0.5, 0.8, 0.999] {
            let z = Normal.quantile(p)
            assertReferenceValue(Normal.cdf(z), p, relative: 1e-12)
        }
    }

    func testPValueCombinationExtremes() {
        XCTAssertEqual(PValueCombination.fisher([0, 0.5]), 0)
        XCTAssertEqual(PValueCombination.fisher([1, 1]), 1, accuracy: 1e-15)
        XCTAssertTrue(PValueCombination.fisher([]).isNaN)
    }

    func testDescriptiveOnEmpty() {
        XCTAssertTrue(Descriptive.mean([]).isNaN)
        XCTAssertTrue(Descriptive.variance([1]).isNaN)
        XCTAssertTrue(Descriptive.median([]).isNaN)
        XCTAssertTrue(Descriptive.weightedMean([1, 2], weights: [0, 0]).isNaN)
    }

    func testRandomEffectsSingleGroup() {
        let r = RandomEffects.derSimonianLaird(effects: [0.3], variances: [0.01])
        XCTAssertEqual(r.mean, 0.3)
        XCTAssertEqual(r.tau2, 0)
    }

    func testWilsonAndClopperPearsonContainTheShare() {
        for (x, n) in [(0, 5), (3, 5), (5, 5), (17, 250)] {
            let share = Double(x) / Double(n)
            for ci in [ProportionInterval.wilson(successes: x, trials: n), ProportionInterval.clopperPearson(successes: x, trials: n)] {
                XCTAssertLessThanOrEqual(ci.lower, share + 1e-15)
                XCTAssertGreaterThanOrEqual(ci.upper, share - 1e-15)
            }
        }
    }
}
