#!/usr/bin/env python3
"""Reference values for the statistics routines of VPRAnalysis.

Every value is computed with scipy / statsmodels (or with mpmath at 50 digits where
scipy itself is not accurate enough, e.g. beta-binomial tails, which scipy forms as 1 - cdf).

    python3 scripts/reference/statistics_reference.py          # print every value with its call
    python3 scripts/reference/statistics_reference.py --swift Tests/VPRAnalysisTests/Statistics
                                                                # (re)write the XCTest files

The Swift tests embed the printed numbers as literals with the Python call in a comment.
"""
import math
import sys
import os

import numpy as np
import scipy
import scipy.special as sc
import scipy.stats as st
import scipy.optimize as so
import mpmath
from statsmodels.stats.multitest import multipletests
from statsmodels.stats.proportion import proportion_confint
from statsmodels.stats.inter_rater import cohens_kappa
from statsmodels.stats.meta_analysis import combine_effects
import statsmodels.api as sm

mpmath.mp.dps = 50


# ---------------------------------------------------------------------------
# High-precision helpers (mpmath) used where scipy is not accurate in the tail.

def mp_logchoose(n, k):
    return float(mpmath.log(mpmath.binomial(n, k)))


def _bb_pmf_mp(k, n, a, b):
    a = mpmath.mpf(a); b = mpmath.mpf(b)
    return mpmath.binomial(n, k) * mpmath.beta(k + a, n - k + b) / mpmath.beta(a, b)


def bb_pmf_mp(k, n, a, b):
    """Beta-binomial pmf at 50 digits."""
    return float(_bb_pmf_mp(k, n, a, b))


def bb_cdf_mp(k, n, a, b):
    """P(X <= k) of the beta-binomial, summed at 50 digits."""
    return float(mpmath.fsum(_bb_pmf_mp(j, n, a, b) for j in range(0, k + 1)))


def bb_sf_mp(k, n, a, b):
    """P(X >= k) of the beta-binomial, summed at 50 digits."""
    return float(mpmath.fsum(_bb_pmf_mp(j, n, a, b) for j in range(k, n + 1)))


def pb_sf_mp(k, ps):
    """P(X >= k) of a Poisson-binomial law, exact DP at 50 digits."""
    dist = [mpmath.mpf(1)]
    for p in ps:
        p = mpmath.mpf(p); q = 1 - p
        new = [mpmath.mpf(0)] * (len(dist) + 1)
        for j, v in enumerate(dist):
            new[j] += v * q
            new[j + 1] += v * p
        dist = new
    return float(mpmath.fsum(dist[k:]))


def pb_pmf_mp(ps):
    dist = [mpmath.mpf(1)]
    for p in ps:
        p = mpmath.mpf(p); q = 1 - p
        new = [mpmath.mpf(0)] * (len(dist) + 1)
        for j, v in enumerate(dist):
            new[j] += v * q
            new[j + 1] += v * p
        dist = new
    return [float(v) for v in dist]


def binsum_sf_mp(k, trials, probs):
    """P(sum Bin(m_j, p_j) >= k), exact convolution at 50 digits."""
    dist = [mpmath.mpf(1)]
    for m, p in zip(trials, probs):
        p = mpmath.mpf(p)
        pmf = [mpmath.binomial(m, i) * p**i * (1 - p)**(m - i) for i in range(m + 1)]
        new = [mpmath.mpf(0)] * (len(dist) + m)
        for j, v in enumerate(dist):
            for i, w in enumerate(pmf):
                new[j + i] += v * w
        dist = new
    return float(mpmath.fsum(dist[k:]))


def np_poisson_binomial_sf(k, ps):
    """P(X >= k) by a float64 numpy convolution (reference for large n)."""
    dist = np.array([1.0])
    for p in ps:
        dist = np.convolve(dist, [1 - p, p])
    return float(dist[k:].sum())


def bb_negloglik(logab, x, n):
    a, b = np.exp(logab)
    return -st.betabinom.logpmf(x, n, a, b).sum()


def bb_mle(x, n):
    """Beta-binomial MLE: Nelder-Mead on (log a, log b), polished by solving the digamma score equations."""
    x = np.asarray(x); n = np.asarray(n)
    r = so.minimize(bb_negloglik, x0=[0.0, 1.0], args=(x, n), method="Nelder-Mead",
                    options=dict(xatol=1e-10, fatol=1e-12, maxiter=20000))

    def score(logab):
        a, b = np.exp(logab)
        s = a + b
        ga = (sc.digamma(x + a) - sc.digamma(a) - sc.digamma(n + s) + sc.digamma(s)).sum()
        gb = (sc.digamma(n - x + b) - sc.digamma(b) - sc.digamma(n + s) + sc.digamma(s)).sum()
        return [ga * a, gb * b]

    root = so.root(score, r.x, method="hybr", tol=1e-14)
    return np.exp(root.x)


def bb_robust(x, n, trim_p=0.001, rounds=2):
    """The same trimming as BetaBinomialFit.robust, with scipy tails and bb_mle."""
    x = np.asarray(x); n = np.asarray(n)
    a, b = bb_mle(x, n)
    prev = np.arange(len(x))
    for _ in range(rounds):
        lo = np.array([bb_cdf_mp(int(k), int(m), a, b) for k, m in zip(x, n)])
        hi = np.array([bb_sf_mp(int(k), int(m), a, b) for k, m in zip(x, n)])
        p2 = np.minimum(1, 2 * np.minimum(lo, hi))
        kept = np.nonzero(p2 >= trim_p)[0]
        if len(kept) == len(prev) and (kept == prev).all():
            break
        a, b = bb_mle(x[kept], n[kept])
        prev = kept
    return a, b


def kappa(table, wt=None):
    r = cohens_kappa(np.array(table), wt=wt)
    return r


def dl(eff, var):
    return combine_effects(np.array(eff), np.array(var), method_re="dl")


# ---------------------------------------------------------------------------
# Data sets shared by Python and Swift (fixed seeds, literals emitted into the tests).

rng = np.random.default_rng(20240501)
_school_n = rng.integers(12, 121, size=60)
_school_p = rng.beta(0.3 * 15, 0.7 * 15, size=60)
SCHOOL_N = [int(v) for v in _school_n]
SCHOOL_X = [int(v) for v in rng.binomial(_school_n, _school_p)]
# Binomial (no overdispersion) data: equal p for all schools, underdispersed on purpose.
FLAT_N = [50] * 8
FLAT_X = [15, 15, 16, 15, 14, 15, 15, 16]
# Contaminated region: 40 ordinary schools + 4 schools with 95-100% top marks.
_cn = rng.integers(20, 80, size=40)
_cp = rng.beta(0.2 * 30, 0.8 * 30, size=40)
CONT_N = [int(v) for v in _cn] + [40, 55, 30, 62]
CONT_X = [int(v) for v in rng.binomial(_cn, _cp)] + [39, 55, 29, 60]
PB_PROBS = [round(float(v), 4) for v in rng.uniform(0.02, 0.6, size=120)]
PB_BIG = [round(float(v), 4) for v in rng.uniform(0.05, 0.95, size=3000)]
GLM_X1 = [round(float(v), 3) for v in rng.normal(0, 1, size=40)]
GLM_X2 = [float(v) for v in rng.integers(0, 2, size=40)]
GLM_OFF = [round(float(v), 3) for v in np.log(rng.integers(10, 100, size=40))]
_eta = -1.0 + 0.4 * np.array(GLM_X1) - 0.7 * np.array(GLM_X2) + np.array(GLM_OFF)
GLM_Y = [float(v) for v in rng.poisson(np.exp(_eta))]
GLM_DESIGN = [[1.0, a, b] for a, b in zip(GLM_X1, GLM_X2)]

DATA = dict(SCHOOL_N=SCHOOL_N, SCHOOL_X=SCHOOL_X, FLAT_N=FLAT_N, FLAT_X=FLAT_X, CONT_N=CONT_N,
            CONT_X=CONT_X, PB_PROBS=PB_PROBS, PB_BIG=PB_BIG, GLM_DESIGN=GLM_DESIGN, GLM_Y=GLM_Y,
            GLM_OFF=GLM_OFF)


def mad_tau2(eff, var):
    """Median centre and the tau^2 at which median |e - c| / sqrt(v + tau^2) = Phi^-1(3/4) (brentq)."""
    e = np.asarray(eff, float); v = np.asarray(var, float)
    c = float(np.median(e))
    target = st.norm.ppf(0.75)
    f = lambda t2: float(np.median(np.abs(e - c) / np.sqrt(v + t2))) - target
    if f(0.0) <= 0:
        return c, 0.0
    hi = 1.0
    while f(hi) > 0:
        hi *= 4
    return c, so.brentq(f, 0.0, hi, xtol=1e-15, rtol=1e-13)


def trimmed_dl(eff, var, trim_p, rounds=2):
    """DerSimonian-Laird refitted without effects whose two-sided p < trim_p under the previous fit."""
    e = np.asarray(eff, float); v = np.asarray(var, float)
    keep = np.arange(len(e))
    def fit(e, v):
        r = combine_effects(e, v, method_re="dl")
        t2 = max(0.0, r.tau2)
        w = 1 / (v + t2)
        return float(np.sum(w * e) / np.sum(w)), t2
    m, t2 = fit(e, v)
    for _ in range(rounds):
        z = (e[keep] - m) / np.sqrt(v[keep] + t2)
        nk = keep[2 * st.norm.sf(np.abs(z)) >= trim_p]
        if len(nk) == len(keep) or len(nk) < 2:
            break
        keep = nk
        m, t2 = fit(e[keep], v[keep])
    return m, t2


def dl_regression(eff, var, x):
    """Random-effects meta-regression on one covariate, method-of-moments (DerSimonian-Laird) tau^2 from the
    residual heterogeneity Q_E with k - 2 df (metafor method="DL"); coefficients by statsmodels WLS with
    weights 1 / (v + tau^2). Returns (intercept, slope, tau2)."""
    e = np.asarray(eff, float); v = np.asarray(var, float); X = sm.add_constant(np.asarray(x, float))
    w = 1 / v
    fe = sm.WLS(e, X, weights=w).fit()
    q = float(np.sum(w * (e - X @ fe.params) ** 2))
    W = np.diag(w)
    P = W - W @ X @ np.linalg.inv(X.T @ W @ X) @ X.T @ W
    t2 = max(0.0, (q - (len(e) - 2)) / np.trace(P))
    re = sm.WLS(e, X, weights=1 / (v + t2)).fit()
    return float(re.params[0]), float(re.params[1]), t2


def trimmed_dl_regression(eff, var, x, trim_p, rounds=2):
    """dl_regression refitted without effects whose two-sided p < trim_p under the previous fit."""
    e = np.asarray(eff, float); v = np.asarray(var, float); xs = np.asarray(x, float)
    keep = np.arange(len(e))
    a, b, t2 = dl_regression(e, v, xs)
    for _ in range(rounds):
        z = (e[keep] - a - b * xs[keep]) / np.sqrt(v[keep] + t2)
        nk = keep[2 * st.norm.sf(np.abs(z)) >= trim_p]
        if len(nk) == len(keep) or len(nk) < 3:
            break
        keep = nk
        a, b, t2 = dl_regression(e[keep], v[keep], xs[keep])
    return a, b, t2


NS = dict(globals())

# ---------------------------------------------------------------------------
# Cases: (file, test, swift expression, python expression, relative tolerance[, absolute tolerance])
# A test given as ("name", "comment") carries a one-line comment describing it.

T = 1e-9
CASES = []


def case(file, test, swift, py, rel=T, abs_=0.0):
    CASES.append((file, test, swift, py, rel, abs_))


F = "SpecialFunctionsTests"
for x in [1e-8, 0.5, 1.0, 2.5, 10.0, 100.5, 1e5]:
    case(F, "testLogGamma", f"SpecialFunctions.logGamma({x!r})", f"sc.gammaln({x!r})", abs_=1e-15)
for a, b in [(0.5, 0.5), (1.0, 1.0), (2.5, 3.7), (10.0, 20.0), (1000.0, 2000.5), (5e5, 5e5), (0.001, 1e6), (3.0, 1e7)]:
    case(F, "testLogBeta", f"SpecialFunctions.logBeta({a!r}, {b!r})", f"float(mpmath.log(mpmath.beta({a!r}, {b!r})))", abs_=1e-14)
for n, k in [(10, 3), (100, 0), (100, 100), (5000, 2500), (5000, 1), (1000000, 17)]:
    case(F, "testLogChoose", f"SpecialFunctions.logChoose({n}, {k})", f"mp_logchoose({n}, {k})", abs_=1e-15)
for a, b, x in [(0.5, 0.5, 0.3), (2.0, 3.0, 0.4), (1.0, 1.0, 0.7), (100.0, 200.0, 0.2), (5000.0, 5001.0, 0.4),
                (0.001, 10.0, 0.5), (30.0, 0.5, 0.99), (2500.5, 2500.5, 0.5), (50.0, 60.0, 0.999),
                (10.0, 1000.0, 1e-4), (200.0, 5.0, 0.5), (1e4, 1e4, 0.49)]:
    case(F, "testRegularizedIncompleteBeta", f"SpecialFunctions.regularizedIncompleteBeta(a: {a!r}, b: {b!r}, x: {x!r})",
         f"sc.betainc({a!r}, {b!r}, {x!r})")
for a, x in [(0.5, 0.1), (1.0, 2.0), (10.0, 3.0), (10.0, 30.0), (100.0, 90.0), (100.0, 150.0), (1000.0, 1100.0),
             (1e4, 1.02e4), (2.5, 1e-10), (3.0, 50.0), (0.01, 0.5)]:
    case(F, "testRegularizedGammaP", f"SpecialFunctions.regularizedGammaP(a: {a!r}, x: {x!r})", f"sc.gammainc({a!r}, {x!r})")
    case(F, "testRegularizedGammaQ", f"SpecialFunctions.regularizedGammaQ(a: {a!r}, x: {x!r})", f"sc.gammaincc({a!r}, {x!r})")
for p, a, b in [(0.025, 1.0, 5000.0), (0.975, 7.0, 24.0), (1e-10, 3.0, 4.0), (0.5, 0.5, 0.5)]:
    case(F, "testBetaQuantile", f"SpecialFunctions.betaQuantile({p!r}, a: {a!r}, b: {b!r})", f"st.beta.ppf({p!r}, {a!r}, {b!r})")
case(F, "testBetaQuantile", "SpecialFunctions.betaQuantile(1e-12, a: 38.0, b: 83.0, upperTail: true)", "st.beta.isf(1e-12, 38.0, 83.0)")

F = "NormalTests"
for z in [-40.0, -10.0, -1.5, 0.0, 0.3, 2.0, 8.0]:
    case(F, "testCDF", f"Normal.cdf({z!r})", f"st.norm.cdf({z!r})")
for z in [-3.0, 0.0, 1.96, 8.0, 20.0, 37.5]:
    case(F, "testUpperTailStaysAccurateFarOut", f"Normal.sf({z!r})", f"st.norm.sf({z!r})")
# scipy flushes the subnormal tail beyond z = 37.5 to 0; mpmath keeps it.
case(F, "testUpperTailStaysAccurateFarOut", "Normal.sf(38.0)", "float(mpmath.ncdf(-38))", rel=1e-6)
for p in [1e-300, 1e-15, 1e-5, 0.02, 0.3, 0.5, 0.7, 0.975, 0.9999999999]:
    case(F, "testQuantile", f"Normal.quantile({p!r})", f"st.norm.ppf({p!r})", rel=1e-12)
for p in [1e-200, 1e-12, 0.05, 0.5, 0.9]:
    case(F, "testInverseSurvival", f"Normal.inverseSurvival({p!r})", f"st.norm.isf({p!r})", rel=1e-12, abs_=1e-300)

F = "BinomialTests"
for k, n, p in [(0, 10, 0.3), (10, 10, 0.3), (3, 10, 0.3), (2500, 5000, 0.5), (100, 5000, 0.01), (4000, 5000, 0.5),
                (1, 1000000, 1e-6), (0, 5000, 0.001)]:
    case(F, "testPMF", f"Binomial.pmf({k}, n: {n}, p: {p!r})", f"st.binom.pmf({k}, {n}, {p!r})")
for k, n, p in [(0, 10, 0.3), (9, 10, 0.3), (1500, 5000, 0.32), (20, 100, 0.5), (5, 100, 0.5), (0, 5000, 0.001),
                (4999, 5000, 0.5)]:
    case(F, "testCDF", f"Binomial.cdf({k}, n: {n}, p: {p!r})", f"st.binom.cdf({k}, {n}, {p!r})")
for k, n, p in [(60, 100, 0.3), (10, 10, 0.3), (1, 10, 0.3), (52, 100, 0.2), (2700, 5000, 0.5), (5000, 5000, 0.99),
                (1, 5000, 1e-6), (3000, 5000, 0.5), (400, 5000, 0.1), (95, 100, 0.5), (57, 100, 0.2)]:
    case(F, "testUpperTail", f"Binomial.upperTail({k}, n: {n}, p: {p!r})", f"st.binom.sf({k - 1}, {n}, {p!r})")

F = "BinomialTestTests"
alts = {"greater": "greater", "less": "less", "twoSided": "two-sided"}
for k, n, p in [(7, 20, 0.2), (2, 20, 0.3), (6, 20, 0.3), (0, 15, 0.1), (15, 15, 0.1), (40, 100, 0.4), (120, 200, 0.45),
                (3200, 5000, 0.6), (2800, 5000, 0.6), (12, 30, 0.05), (5, 2000, 0.01)]:
    for sw, py in alts.items():
        case(F, "testMatchesScipyBinomtest",
             f"BinomialTest.pValue(successes: {k}, trials: {n}, probability: {p!r}, alternative: .{sw})",
             f"st.binomtest({k}, {n}, {p!r}, alternative={py!r}).pvalue")

F = "BetaBinomialTests"
for k, n, a, b in [(0, 20, 2.0, 5.0), (20, 20, 2.0, 5.0), (7, 20, 2.0, 5.0), (30, 120, 4.5, 10.5), (1, 10, 0.5, 0.5)]:
    case(F, "testPMF", f"BetaBinomial.pmf({k}, n: {n}, alpha: {a!r}, beta: {b!r})", f"st.betabinom.pmf({k}, {n}, {a!r}, {b!r})")
for k, n, a, b in [(25, 50, 3e5, 7e5), (40, 100, 4e5, 6e5)]:
    case(F, "testPMFNearBinomialLimit", f"BetaBinomial.pmf({k}, n: {n}, alpha: {a!r}, beta: {b!r})", f"bb_pmf_mp({k}, {n}, {a!r}, {b!r})")
for k, n, a, b in [(3, 20, 2.0, 5.0), (15, 20, 2.0, 5.0), (0, 20, 2.0, 5.0), (60, 120, 4.5, 10.5), (10, 120, 4.5, 10.5),
                   (5, 10, 0.3, 0.4)]:
    case(F, "testCDF", f"BetaBinomial.cdf({k}, n: {n}, alpha: {a!r}, beta: {b!r})", f"bb_cdf_mp({k}, {n}, {a!r}, {b!r})")
for k, n, a, b in [(15, 20, 2.0, 5.0), (20, 20, 2.0, 5.0), (1, 20, 2.0, 5.0), (100, 120, 4.5, 10.5), (110, 120, 40.0, 60.0),
                   (45, 50, 3e5, 7e5), (8, 10, 0.3, 0.4), (60, 500, 5.0, 95.0)]:
    case(F, "testUpperTail", f"BetaBinomial.upperTail({k}, n: {n}, alpha: {a!r}, beta: {b!r})", f"bb_sf_mp({k}, {n}, {a!r}, {b!r})")
# Huge alpha+beta approaches the binomial.
case(F, "testHugePrecisionApproachesBinomial", "BetaBinomial.upperTail(30, n: 50, alpha: 3e8, beta: 7e8)",
     "st.binom.sf(29, 50, 0.3)", rel=1e-6)

F = "BetaBinomialFitTests"
case(F, "testMaximumLikelihoodMatchesScipyOptimum", "BetaBinomialFit.maximumLikelihood(successes: schoolX, trials: schoolN)!.alpha",
     "bb_mle(SCHOOL_X, SCHOOL_N)[0]", rel=1e-7)
case(F, "testMaximumLikelihoodMatchesScipyOptimum", "BetaBinomialFit.maximumLikelihood(successes: schoolX, trials: schoolN)!.beta",
     "bb_mle(SCHOOL_X, SCHOOL_N)[1]", rel=1e-7)
case(F, "testMaximumLikelihoodMatchesScipyOptimum", "BetaBinomialFit.maximumLikelihood(successes: schoolX, trials: schoolN)!.logLikelihood(successes: schoolX, trials: schoolN)",
     "-bb_negloglik(np.log(bb_mle(SCHOOL_X, SCHOOL_N)), np.array(SCHOOL_X), np.array(SCHOOL_N))", rel=1e-12)
case(F, "testRobustFitTrimsManipulatingSchools", "BetaBinomialFit.robust(successes: contX, trials: contN)!.alpha",
     "bb_robust(CONT_X, CONT_N)[0]", rel=1e-7)
case(F, "testRobustFitTrimsManipulatingSchools", "BetaBinomialFit.robust(successes: contX, trials: contN)!.beta",
     "bb_robust(CONT_X, CONT_N)[1]", rel=1e-7)
case(F, "testRobustFitTrimsManipulatingSchools", "BetaBinomialFit.maximumLikelihood(successes: contX, trials: contN)!.alpha",
     "bb_mle(CONT_X, CONT_N)[0]", rel=1e-7)

F = "PoissonBinomialTests"
for k in [0, 1, 20, 30, 45, 60, 120]:
    case(F, "testUpperTailMatchesExactConvolution", f"PoissonBinomial.upperTail({k}, probabilities: pbProbs)", f"pb_sf_mp({k}, PB_PROBS)", abs_=0.0)
for k in [1600, 1700, 1800]:
    case(F, "testLargeUpperTail", f"PoissonBinomial.upperTail({k}, probabilities: pbBig)", f"np_poisson_binomial_sf({k}, PB_BIG)", rel=1e-8)
case(F, "testEqualProbabilitiesGiveBinomial", "PoissonBinomial.upperTail(10300, probabilities: Array(repeating: 0.5, count: 20000))",
     "st.binom.sf(10299, 20000, 0.5)", rel=1e-9)
case(F, "testEqualProbabilitiesGiveBinomial", "PoissonBinomial.upperTail(12, probabilities: Array(repeating: 0.01, count: 300))",
     "st.binom.sf(11, 300, 0.01)", rel=1e-9)
case(F, "testPMF", "PoissonBinomial.pmf(probabilities: [0.1, 0.5, 0.9, 0.33])", "pb_pmf_mp([0.1, 0.5, 0.9, 0.33])")

F = "BinomialSumTests"
for k, m, p in [(30, [20, 30, 10], [0.2, 0.35, 0.5]), (50, [20, 30, 10], [0.2, 0.35, 0.5]), (58, [20, 30, 10], [0.2, 0.35, 0.5]),
                (5, [20, 30, 10], [0.2, 0.35, 0.5]), (60, [20, 30, 10], [0.2, 0.35, 0.5]), (12, [40, 0, 25], [0.05, 0.9, 0.1]),
                (45, [100, 80], [0.1, 0.3])]:
    case(F, "testUpperTailMatchesExactConvolution", f"BinomialSum.upperTail({k}, trials: {m}, probabilities: {p})",
         f"binsum_sf_mp({k}, {m}, {p})")
case(F, "testEqualProbabilitiesGiveBinomial", "BinomialSum.upperTail(70, trials: [40, 60], probabilities: [0.4, 0.4])",
     "st.binom.sf(69, 100, 0.4)")

F = "ChiSquaredTests"
for x, df in [(1e-5, 1.0), (3.84, 1.0), (100.0, 10.0), (1000.0, 500.0), (0.5, 2.5), (200.0, 150.0), (700.0, 4.0)]:
    case(F, "testSurvival", f"ChiSquared.sf({x!r}, degreesOfFreedom: {df!r})", f"st.chi2.sf({x!r}, {df!r})")
    case(F, "testCDF", f"ChiSquared.cdf({x!r}, degreesOfFreedom: {df!r})", f"st.chi2.cdf({x!r}, {df!r})")

F = "StudentTTests"
for t, df in [(2.0, 5.0), (-2.0, 5.0), (40.0, 3.0), (1e-3, 10.0), (5.0, 1000.0), (3.0, 2.5), (-50.0, 4.0), (0.0, 7.0), (12.0, 30.0)]:
    case(F, "testSurvival", f"StudentT.sf({t!r}, degreesOfFreedom: {df!r})", f"st.t.sf({t!r}, {df!r})")
    case(F, "testCDF", f"StudentT.cdf({t!r}, degreesOfFreedom: {df!r})", f"st.t.cdf({t!r}, {df!r})")

F = "MultipleTestingTests"
P1 = [0.01, 0.04, 0.03, 0.005, 0.2, 0.5, 0.04, 1e-12, 0.9]
case(F, "testBenjaminiHochberg", f"MultipleTesting.benjaminiHochberg({P1})", f"list(multipletests({P1}, method='fdr_bh')[1])")
case(F, "testHolm", f"MultipleTesting.holm({P1})", f"list(multipletests({P1}, method='holm')[1])")
P2 = [0.3, 0.3, 0.3, 0.01]
case(F, "testTies", f"MultipleTesting.benjaminiHochberg({P2})", f"list(multipletests({P2}, method='fdr_bh')[1])")
case(F, "testTies", f"MultipleTesting.holm({P2})", f"list(multipletests({P2}, method='holm')[1])")
P3 = [0.02, 0.001, 0.04, 0.6]
case(F, "testNaNEntriesAreSkippedAndNotCounted", "MultipleTesting.benjaminiHochberg([0.02, .nan, 0.001, 0.04, .nan, 0.6])",
     f"(lambda q: [q[0], math.nan, q[1], q[2], math.nan, q[3]])(list(multipletests({P3}, method='fdr_bh')[1]))")
case(F, "testNaNEntriesAreSkippedAndNotCounted", "MultipleTesting.holm([0.02, .nan, 0.001, 0.04, .nan, 0.6])",
     f"(lambda q: [q[0], math.nan, q[1], q[2], math.nan, q[3]])(list(multipletests({P3}, method='holm')[1]))")

F = "ProportionIntervalTests"
for x, n, c in [(0, 20, 0.95), (20, 20, 0.95), (7, 30, 0.95), (1, 5000, 0.95), (4999, 5000, 0.95), (37, 120, 0.99)]:
    case(F, "testWilson", f"ProportionInterval.wilson(successes: {x}, trials: {n}, confidence: {c!r}).lower",
         f"proportion_confint({x}, {n}, alpha={1 - c!r}, method='wilson')[0]", abs_=1e-15)
    case(F, "testWilson", f"ProportionInterval.wilson(successes: {x}, trials: {n}, confidence: {c!r}).upper",
         f"proportion_confint({x}, {n}, alpha={1 - c!r}, method='wilson')[1]", abs_=1e-15)
    case(F, "testClopperPearson", f"ProportionInterval.clopperPearson(successes: {x}, trials: {n}, confidence: {c!r}).lower",
         f"proportion_confint({x}, {n}, alpha={1 - c!r}, method='beta')[0]")
    case(F, "testClopperPearson", f"ProportionInterval.clopperPearson(successes: {x}, trials: {n}, confidence: {c!r}).upper",
         f"proportion_confint({x}, {n}, alpha={1 - c!r}, method='beta')[1]")

F = "WeightedKappaTests"
K3 = [[22, 5, 1], [4, 30, 6], [0, 7, 25]]
K4 = [[10, 3, 0, 0], [2, 15, 4, 1], [0, 5, 20, 3], [0, 1, 6, 9]]
for name, tab in [("k3", K3), ("k4", K4)]:
    for sw, wt in [("unweighted", None), ("linear", "linear"), ("quadratic", "quadratic")]:
        for field, pyf in [("kappa", "kappa"), ("standardError", "std_kappa"), ("standardErrorNull", "std_kappa0")]:
            case(F, "testMatchesStatsmodelsCohensKappa", f"WeightedKappa.compute(table: {tab}, weighting: .{sw})!.{field}",
                 f"cohens_kappa(np.array({tab}), wt={wt!r}).{pyf}")

F = "PoissonRegressionTests"
for j in range(3):
    case(F, "testMatchesStatsmodelsGLM", f"PoissonRegression.fit(design: glmDesign, counts: glmY, offset: glmOffset)!.coefficients[{j}]",
         f"sm.GLM(GLM_Y, GLM_DESIGN, family=sm.families.Poisson(), offset=GLM_OFF).fit(tol=1e-14).params[{j}]", rel=1e-8)
    case(F, "testMatchesStatsmodelsGLM", f"PoissonRegression.fit(design: glmDesign, counts: glmY, offset: glmOffset)!.standardErrors[{j}]",
         f"sm.GLM(GLM_Y, GLM_DESIGN, family=sm.families.Poisson(), offset=GLM_OFF).fit(tol=1e-14).bse[{j}]", rel=1e-8)
case(F, "testMatchesStatsmodelsGLM", "PoissonRegression.fit(design: glmDesign, counts: glmY, offset: glmOffset)!.deviance",
     "sm.GLM(GLM_Y, GLM_DESIGN, family=sm.families.Poisson(), offset=GLM_OFF).fit(tol=1e-14).deviance", rel=1e-9)
case(F, "testWithoutOffset", "PoissonRegression.fit(design: glmDesign, counts: glmY)!.coefficients[1]",
     "sm.GLM(GLM_Y, GLM_DESIGN, family=sm.families.Poisson()).fit(tol=1e-14).params[1]", rel=1e-8)

F = "RandomEffectsTests"
E1 = [0.12, -0.05, 0.3, 0.22, 0.01, 0.4]
V1 = [0.01, 0.02, 0.015, 0.03, 0.01, 0.05]
case(F, "testDerSimonianLaird", f"RandomEffects.derSimonianLaird(effects: {E1}, variances: {V1}).mean", f"dl({E1}, {V1}).mean_effect_re")
case(F, "testDerSimonianLaird", f"RandomEffects.derSimonianLaird(effects: {E1}, variances: {V1}).tau2", f"dl({E1}, {V1}).tau2")
E2 = [0.1, 0.11, 0.09, 0.1]
V2 = [0.01, 0.02, 0.01, 0.03]
case(F, "testHomogeneousEffectsGiveZeroTau2AndFixedEffectMean", f"RandomEffects.derSimonianLaird(effects: {E2}, variances: {V2}).mean",
     f"dl({E2}, {V2}).mean_effect_fe")

F = "PValueCombinationTests"
for p in [[0.01, 0.2, 0.5], [1e-10, 1e-20, 0.3, 0.9], [0.9, 0.95]]:
    case(F, "testFisher", f"PValueCombination.fisher({p})", f"st.combine_pvalues({p}, method='fisher').pvalue")
    case(F, "testStouffer", f"PValueCombination.stouffer({p})", f"st.combine_pvalues({p}, method='stouffer').pvalue")
case(F, "testStouffer", "PValueCombination.stouffer([0.01, 0.2, 0.5], weights: [3.0, 1.0, 2.0])",
     "st.combine_pvalues([0.01, 0.2, 0.5], method='stouffer', weights=[3.0, 1.0, 2.0]).pvalue")

F = "DescriptiveTests"
D1 = [3.1, 4.7, 2.2, 9.9, 5.0, 4.4, 3.3]
D2 = [1.0, 2.0, 2.0, 8.0, 100.0, 3.0]
for d in [D1, D2]:
    case(F, "testMeanAndVariance", f"Descriptive.mean({d})", f"np.mean({d})", rel=1e-14)
    case(F, "testMeanAndVariance", f"Descriptive.variance({d})", f"np.var({d}, ddof=1)", rel=1e-13)
    case(F, "testMedianAndMAD", f"Descriptive.median({d})", f"np.median({d})", rel=1e-15)
    case(F, "testMedianAndMAD", f"Descriptive.medianAbsoluteDeviation({d})", f"st.median_abs_deviation({d}, scale='normal')", rel=1e-14)
case(F, "testWeightedMean", f"Descriptive.weightedMean({D1}, weights: [1, 2, 3, 4, 5, 6, 7])",
     f"np.average({D1}, weights=[1, 2, 3, 4, 5, 6, 7])", rel=1e-14)

F = "LinearAlgebraTests"
A = [[4.0, 1.0, 0.5], [1.0, 3.0, 0.2], [0.5, 0.2, 2.0]]
B = [1.0, -2.0, 0.5]
case(F, "testSolveSymmetricPositiveDefinite", f"LinearAlgebra.solveSymmetricPositiveDefinite({A}, {B})!", f"list(np.linalg.solve({A}, {B}))", rel=1e-13)
case(F, "testInverse", f"LinearAlgebra.inverseSymmetricPositiveDefinite({A})!.flatMap {{ $0 }}", f"list(np.linalg.inv({A}).ravel())", rel=1e-13)
G = [[0.0, 2.0, 1.0], [1.0, -1.0, 3.0], [2.0, 1.0, 1.0]]
case(F, "testGeneralSolve", f"LinearAlgebra.solve({G}, {B})!", f"list(np.linalg.solve({G}, {B}))", rel=1e-13)

F = "RandomEffectsRobustTests"
E3 = [0.12, -0.05, 0.3, 0.22, 0.01, 0.4, 0.15, 2.5, 0.08, -0.1, 3.1]
V3 = [0.01, 0.02, 0.015, 0.03, 0.01, 0.05, 0.02, 0.01, 0.04, 0.01, 0.02]
case(F, "testMedianAbsoluteDeviationTau2", f"RandomEffects.medianAbsoluteDeviationTau2(effects: {E3}, variances: {V3}).centre",
     f"mad_tau2({E3}, {V3})[0]", rel=1e-15)
case(F, "testMedianAbsoluteDeviationTau2", f"RandomEffects.medianAbsoluteDeviationTau2(effects: {E3}, variances: {V3}).tau2",
     f"mad_tau2({E3}, {V3})[1]", rel=1e-10)
E4 = [0.1, 0.12, 0.09, 0.11, 0.1]
V4 = [0.04, 0.05, 0.03, 0.04, 0.05]
case(F, "testNoSpreadBeyondSamplingGivesZero", f"RandomEffects.medianAbsoluteDeviationTau2(effects: {E4}, variances: {V4}).tau2",
     f"mad_tau2({E4}, {V4})[1]", abs_=1e-15)
case(F, "testTrimmedDerSimonianLaird", f"RandomEffects.trimmedDerSimonianLaird(effects: {E3}, variances: {V3}, trimP: 0.001).mean",
     f"trimmed_dl({E3}, {V3}, 0.001)[0]")
case(F, "testTrimmedDerSimonianLaird", f"RandomEffects.trimmedDerSimonianLaird(effects: {E3}, variances: {V3}, trimP: 0.001).tau2",
     f"trimmed_dl({E3}, {V3}, 0.001)[1]")
E5 = [0.1, 0.12, 0.05, 0.2, 0.15, 0.08, 0.11, 0.13, 0.09, 0.14, 5.0]
V5 = [0.002, 0.003, 0.002, 0.004, 0.003, 0.002, 0.003, 0.002, 0.003, 0.002, 0.003]
case(F, "testTrimmingDropsAnExtremeGroup", f"RandomEffects.trimmedDerSimonianLaird(effects: {E5}, variances: {V5}, trimP: 0.01).mean",
     f"trimmed_dl({E5}, {V5}, 0.01)[0]")
case(F, "testTrimmingDropsAnExtremeGroup", f"RandomEffects.trimmedDerSimonianLaird(effects: {E5}, variances: {V5}, trimP: 0.01).tau2",
     f"trimmed_dl({E5}, {V5}, 0.01)[1]", abs_=1e-15)

F = "RandomEffectsRegressionTests"
X3 = [0.1, -0.2, 0.4, 0.3, -0.1, 0.5, 0.2, 0.0, 0.15, -0.3, 0.35]
for i, name in enumerate(["intercept", "slope", "tau2"]):
    case(F, "testDerSimonianLairdRegression",
         f"RandomEffects.derSimonianLairdRegression(effects: {E3}, variances: {V3}, covariate: {X3}).{name}",
         f"dl_regression({E3}, {V3}, {X3})[{i}]", rel=1e-10)
    case(F, "testTrimmedRegressionDropsExtremeGroups",
         f"RandomEffects.trimmedDerSimonianLairdRegression(effects: {E5}, variances: {V5}, covariate: {X3}, trimP: 0.01).{name}",
         f"trimmed_dl_regression({E5}, {V5}, {X3}, 0.01)[{i}]", rel=1e-10, abs_=1e-15)
# A covariate that explains the whole spread: tau^2 falls to 0 and the slope is recovered.
E6 = [0.02 + 0.1 * x for x in [0.0, 0.1, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7]]
E6 = [round(e + d, 6) for e, d in zip(E6, [0.001, -0.002, 0.0015, -0.001, 0.0005, 0.002, -0.0015, 0.001])]
X6 = [0.0, 0.1, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7]
V6 = [0.0001] * 8
for i, name in enumerate(["intercept", "slope", "tau2"]):
    case(F, "testACovariateThatExplainsTheSpreadLeavesNoTau2",
         f"RandomEffects.derSimonianLairdRegression(effects: {E6}, variances: {V6}, covariate: {X6}).{name}",
         f"dl_regression({E6}, {V6}, {X6})[{i}]", rel=1e-10, abs_=1e-15)

F = "LeastSquaresTests"
OLS_X = [[1.0, 0.0, 0.3], [1.0, 0.0, -0.2], [0.0, 1.0, 0.5], [0.0, 1.0, 1.1], [1.0, 0.0, 0.0], [0.0, 1.0, -0.4], [1.0, 0.0, 0.9]]
OLS_Y = [3.0, 2.0, 4.0, 5.0, 3.0, 4.0, 4.0]
case(F, "testMatchesStatsmodelsOLS", f"leastSquares({OLS_X}, {OLS_Y}).coefficients()!", f"list(sm.OLS({OLS_Y}, {OLS_X}).fit().params)", rel=1e-12)

# Swift declarations of the shared data sets, per test file.
PRELUDES = {
    "BetaBinomialFitTests": [
        f"let schoolX = {SCHOOL_X}",
        f"let schoolN = {SCHOOL_N}",
        f"let contX = {CONT_X}",
        f"let contN = {CONT_N}",
    ],
    "PoissonBinomialTests": [
        f"let pbProbs: [Double] = {PB_PROBS}",
        f"let pbBig: [Double] = {PB_BIG}",
    ],
    "LeastSquaresTests": [
        "func leastSquares(_ x: [[Double]], _ y: [Double]) -> LeastSquares {",
        "    var ols = LeastSquares(columns: x[0].count)",
        "    for (row, v) in zip(x, y) { ols.add(row, v) }",
        "    return ols",
        "}",
    ],
    "PoissonRegressionTests": [
        f"let glmDesign: [[Double]] = {GLM_DESIGN}",
        f"let glmY: [Double] = {GLM_Y}",
        f"let glmOffset: [Double] = {GLM_OFF}",
    ],
}


def evaluate(py):
    v = eval(py, NS)
    if isinstance(v, (list, tuple, np.ndarray)):
        return [float(x) for x in v]
    return float(v)


def swift_literal(v):
    if isinstance(v, list):
        return "[" + ", ".join(swift_literal(x) for x in v) + "]"
    if math.isnan(v):
        return ".nan"
    if math.isinf(v):
        return ".infinity" if v > 0 else "-.infinity"
    return repr(float(v))


def main():
    if len(sys.argv) >= 3 and sys.argv[1] == "--swift":
        write_swift(sys.argv[2])
        return
    print(f"# scipy {scipy.__version__}, numpy {np.__version__}, mpmath {mpmath.__version__}")
    for file, test, swift, py, rel, abs_ in CASES:
        print(f"{file}.{test}: {swift} = {swift_literal(evaluate(py))}    # {py}")


def write_swift(directory):
    import statsmodels
    files = {}
    for file, test, swift, py, rel, abs_ in CASES:
        files.setdefault(file, {}).setdefault(test, []).append((swift, py, rel, abs_))
    for file, tests in files.items():
        lines = [
            "// Reference values generated by scripts/reference/statistics_reference.py --swift",
            f"// (scipy {scipy.__version__}, statsmodels {statsmodels.__version__}, mpmath {mpmath.__version__}).",
            "// Each expected literal is followed by the Python call that produced it.",
            "import XCTest",
            "@testable import VPRAnalysis",
            "",
            f"final class Statistics{file}: XCTestCase {{",
        ]
        for decl in PRELUDES.get(file, []):
            lines.append(f"    {decl}")
        if file in PRELUDES:
            lines.append("")
        for test, items in tests.items():
            lines.append(f"    func {test}() {{")
            for swift, py, rel, abs_ in items:
                value = evaluate(py)
                fn = "assertReferenceValues" if isinstance(value, list) else "assertReferenceValue"
                tol = f", relative: {rel!r}" if rel != T else ""
                tol += f", absolute: {abs_!r}" if abs_ else ""
                lines.append(f"        {fn}({swift}, {swift_literal(value)}{tol})")
                lines.append(f"            // {py}")
            lines.append("    }")
            lines.append("")
        lines[-1] = "}"
        path = os.path.join(directory, f"Statistics{file}.swift")
        with open(path, "w") as fh:
            fh.write("\n".join(lines) + "\n")
        print("wrote", path)


if __name__ == "__main__":
    main()
