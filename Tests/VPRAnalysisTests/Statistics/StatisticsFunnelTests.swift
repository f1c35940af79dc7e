// Reference values from scipy 1.17.1 / numpy. The interpolated limit is Spiegelhalter (2005), appendix A.1.1:
//   def interp(n, P, dist):
//       r = smallest r with dist.cdf(r) >= P;  F, Fm = dist.cdf(r), dist.cdf(r - 1)
//       return (r - (F - P) / (F - Fm)) / n
// Each expected literal is followed by the Python call that produced it.
import XCTest
@testable import VPRAnalysis

final class StatisticsFunnelTests: XCTestCase {
    func testExactBinomialFunnelLimitsInterpolateTheQuantile() {
        assertReferenceValue(FunnelLimits.binomial(n: 25, p0: 0.55, probability: 0.975), 0.7217577177704223, relative: 1e-9)
            // interp(25, 0.975, scipy.stats.binom(25, 0.55))
        assertReferenceValue(FunnelLimits.binomial(n: 25, p0: 0.55, probability: 0.999), 0.8286047547537073, relative: 1e-9)
            // interp(25, 0.999, scipy.stats.binom(25, 0.55))
        assertReferenceValue(FunnelLimits.binomial(n: 8, p0: 0.3, probability: 0.975), 0.5882896069110435, relative: 1e-9)
            // interp(8, 0.975, scipy.stats.binom(8, 0.3))
        assertReferenceValue(FunnelLimits.binomial(n: 120, p0: 0.62, probability: 0.999), 0.7492533485193196, relative: 1e-9)
            // interp(120, 0.999, scipy.stats.binom(120, 0.62))
        assertReferenceValue(FunnelLimits.binomial(n: 120, p0: 0.62, probability: 0.025), 0.5278726571435655, relative: 1e-9)
            // interp(120, 0.025, scipy.stats.binom(120, 0.62))
    }

    func testBetaBinomialFunnelLimitsWidenWithOverdispersion() {
        assertReferenceValue(FunnelLimits.betaBinomial(n: 25, alpha: 5.5, beta: 4.5, probability: 0.975), 0.8589286250894215, relative: 1e-8)
            // interp(25, 0.975, scipy.stats.betabinom(25, 5.5, 4.5))
        assertReferenceValue(FunnelLimits.betaBinomial(n: 60, alpha: 11, beta: 7, probability: 0.999), 0.9268239501691435, relative: 1e-8)
            // interp(60, 0.999, scipy.stats.betabinom(60, 11.0, 7.0))
        XCTAssertGreaterThan(FunnelLimits.betaBinomial(n: 25, alpha: 5.5, beta: 4.5, probability: 0.975),
                             FunnelLimits.binomial(n: 25, p0: 0.55, probability: 0.975))
    }

    func testWinsorisationMatchesScipyMstats() {
        let x = [0.3, -2.5, 1.1, 4.2, -0.7, 0.05, 2.2, -1.4, 0.9, -0.2, 3.1, -3.3]
        assertReferenceValues(FunnelOverdispersion.winsorized(x, share: 0.1),
                              [0.3, -2.5, 1.1, 3.1, -0.7, 0.05, 2.2, -1.4, 0.9, -0.2, 3.1, -2.5])
            // list(scipy.stats.mstats.winsorize(np.array(x), limits=(0.1, 0.1)))
    }

    func testOverdispersionFromWinsorisedZScores() {
        let y = [0.62, 0.55, 0.81, 0.47, 0.70, 0.59, 0.66, 0.90, 0.52, 0.61, 0.58, 0.73]
        let n = [25.0, 60, 18, 80, 22, 45, 30, 12, 70, 55, 40, 26]
        let s = n.map { (0.62 * 0.38 / $0).squareRoot() }
        let o = FunnelOverdispersion.estimate(values: y, targets: Array(repeating: 0.62, count: 12), standardErrors: s,
                                              winsorizeShare: 0.1)
        assertReferenceValue(o.phi, 1.2758205998868137, relative: 1e-9)
            // z = (y - t) / s; zw = mstats.winsorize(z, limits=(0.1, 0.1)); phi = np.mean(zw**2)
        assertReferenceValue(o.tau2, 0.0023512517618632127, relative: 1e-9)
            // w = 1/s**2; max(0, (N*phi - (N-1)) / (w.sum() - (w**2).sum()/w.sum()))
    }

    func testNoOverdispersionGivesZeroTau2() {
        let o = FunnelOverdispersion.estimate(values: [0.5, 0.52, 0.49, 0.51], targets: [0.5, 0.5, 0.5, 0.5],
                                              standardErrors: [0.1, 0.1, 0.1, 0.1], winsorizeShare: 0.1)
        XCTAssertEqual(o.tau2, 0)
        XCTAssertLessThan(o.phi, 1)
    }
}

final class StatisticsStoufferEmpiricalNullTests: XCTestCase {
    func testPooledZIsStouffersStatistic() {
        assertReferenceValue(StoufferEmpiricalNull.pooled([1.2, 0.4, 2.1]), 2.1361959960016157, relative: 1e-9)
            // scipy.stats.combine_pvalues(scipy.stats.norm.sf([1.2, 0.4, 2.1]), method="stouffer").statistic
    }

    func testScaleIsTheMedianAbsoluteDeviationAboutZeroButNeverBelowOne() {
        let x = [0.3, -2.5, 1.1, 4.2, -0.7, 0.05, 2.2, -1.4, 0.9, -0.2, 3.1, -3.3]
        assertReferenceValue(StoufferEmpiricalNull.scale(x, minimumUnits: 5), 1.8532527731320025, relative: 1e-9)
            // scipy.stats.median_abs_deviation(x, center=lambda a, axis=None: 0, scale="normal")
        XCTAssertEqual(StoufferEmpiricalNull.scale([0.1, -0.2, 0.3, 0.0, 0.1], minimumUnits: 5), 1)
        XCTAssertEqual(StoufferEmpiricalNull.scale([5, 6], minimumUnits: 5), 1)
    }
}
