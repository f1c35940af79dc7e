import XCTest
import VPRAnalysis

/// Beta-binomial overdispersion around unit-specific expected shares, against scipy.
final class StatisticsBetaBinomialDispersionTests: XCTestCase {
    func testMaximumLikelihoodRhoMatchesScipy() {
        // k=[1,18,7,0,25,2,15,9]; n=[20,30,25,8,40,18,22,30]; e=[.2,.3,.25,.1,.3,.35,.4,.3]
        // nll = lambda lr: -betabinom.logpmf(k, n, e*(1/exp(lr)-1), (1-e)*(1/exp(lr)-1)).sum()
        // exp(minimize_scalar(nll, bounds=(log(1e-6), log(.5)), method='bounded', options={'xatol':1e-12}).x)
        let fit = BetaBinomialDispersion.maximumLikelihood(
            successes: [1, 18, 7, 0, 25, 2, 15, 9], trials: [20, 30, 25, 8, 40, 18, 22, 30],
            shares: [0.2, 0.3, 0.25, 0.1, 0.3, 0.35, 0.4, 0.3])
        assertReferenceValue(fit!.rho, 0.17018598016299205, relative: 1e-5)
        // the minimised negative log-likelihood: res.fun
        assertReferenceValue(-fit!.logLikelihood(successes: [1, 18, 7, 0, 25, 2, 15, 9], trials: [20, 30, 25, 8, 40, 18, 22, 30],
                                                 shares: [0.2, 0.3, 0.25, 0.1, 0.3, 0.35, 0.4, 0.3]),
                             21.868443641727268, relative: 1e-9)
    }

    func testUnitsWithoutOverdispersionGiveAVanishingRho() {
        // same call on k=[5,6,4,5,6,5], n=[20]*6, e=[.25]*6 -> 1.0006e-06 (the lower bound)
        let fit = BetaBinomialDispersion.maximumLikelihood(successes: [5, 6, 4, 5, 6, 5], trials: Array(repeating: 20, count: 6),
                                                          shares: Array(repeating: 0.25, count: 6))
        XCTAssertLessThan(fit!.rho, 1e-5)
    }

    func testUpperTailUsesTheUnitsOwnShare() {
        // prec = 1/0.05 - 1; betabinom.sf(11, 30, .2*prec, .8*prec)  (P(X >= 12))
        assertReferenceValue(BetaBinomialDispersion(rho: 0.05).upperTail(12, n: 30, share: 0.2), 0.0707696832435123)
    }

    func testTheUpperCensoredFitMatchesScipy() {
        // k=[1,18,7,0,25,2,15,9,3,30]; n=[20,30,25,8,40,18,22,30,20,35]; e=[.2,.3,.25,.1,.3,.35,.4,.3,.2,.3]
        // def nll(lr): r=exp(lr); prec=1/r-1; a=e*prec; b=(1-e)*prec; cut=floor(n*e).astype(int)+1; up=k>=cut
        //     return -(betabinom.logpmf(k[~up],n[~up],a[~up],b[~up]).sum() + log(betabinom.sf(cut[up]-1,n[up],a[up],b[up])).sum())
        // r = minimize_scalar(nll, bounds=(log(1e-6), log(.5)), method='bounded', options={'xatol':1e-12}); exp(r.x), r.fun
        let k = [1, 18, 7, 0, 25, 2, 15, 9, 3, 30], n = [20, 30, 25, 8, 40, 18, 22, 30, 20, 35]
        let e = [0.2, 0.3, 0.25, 0.1, 0.3, 0.35, 0.4, 0.3, 0.2, 0.3]
        let fit = BetaBinomialDispersion.censoredMaximumLikelihood(successes: k, trials: n, shares: e)!
        assertReferenceValue(fit.rho, 0.08499373059377985, relative: 1e-5)
        assertReferenceValue(-fit.censoredLogLikelihood(successes: k, trials: n, shares: e), 13.909447052901005, relative: 1e-9)
    }

    func testUnitsPushedUpwardsDoNotWidenTheCensoredSpread() {
        let honestK = [5, 6, 4, 5, 6, 5, 4, 6, 5, 5, 3, 7], n = Array(repeating: 20, count: 14)
        let e = Array(repeating: 0.25, count: 14)
        let contaminated = honestK + [19, 20]
        let plain = BetaBinomialDispersion.maximumLikelihood(successes: contaminated, trials: n, shares: e)!
        let censored = BetaBinomialDispersion.censoredMaximumLikelihood(successes: contaminated, trials: n, shares: e)!
        XCTAssertLessThan(censored.rho, plain.rho / 10)
    }
}
