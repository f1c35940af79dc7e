import Foundation

/// Region-level beta-binomial fit of school shares xᵢ/nᵢ (the null for "this
/// school's share vs the region's spread of schools").
public struct BetaBinomialFit: Sendable, Codable, Hashable {
    public var alpha: Double
    public var beta: Double

    public init(alpha: Double, beta: Double) {
        self.alpha = alpha
        self.beta = beta
    }

    /// Mean share α / (α + β).
    public var mean: Double { alpha / (alpha + beta) }
    /// Intraclass correlation ρ = 1 / (α + β + 1): 0 means plain binomial.
    public var intraclassCorrelation: Double { 1 / (alpha + beta + 1) }

    /// Largest α + β the fit reports: beyond it the law is binomial for any school size.
    public static let maximumPrecision = 1e6
    /// Smallest α + β the fit reports (extreme all-or-nothing data).
    public static let minimumPrecision = 1e-4

    /// Maximum-likelihood fit (Newton on logit mean and log(α+β), starting from the method of
    /// moments). Without overdispersion α + β runs to the cap 1e6 (near-binomial). Groups with
    /// n == 0 are ignored. Returns nil if fewer than 2 groups have n > 0, or if every share is 0
    /// or every share is 1 (the caller falls back).
    public static func maximumLikelihood(successes: [Int], trials: [Int]) -> BetaBinomialFit? {
        precondition(successes.count == trials.count, "successes and trials differ in length")
        var xs: [Int] = [], ns: [Int] = []
        for (x, n) in zip(successes, trials) where n > 0 {
            precondition(x >= 0 && x <= n, "successes out of 0…trials")
            xs.append(x)
            ns.append(n)
        }
        guard xs.count >= 2 else { return nil }
        let totalX = xs.reduce(0, +), totalN = ns.reduce(0, +)
        guard totalX > 0, totalX < totalN else { return nil }
        let data = Tallies(successes: xs, trials: ns)
        let mu0 = Double(totalX) / Double(totalN)

        // Method of moments start.
        let shares = zip(xs, ns).map { Double($0) / Double($1) }
        let meanShare = shares.reduce(0, +) / Double(shares.count)
        let varShare = shares.reduce(0) { $0 + ($1 - meanShare) * ($1 - meanShare) } / Double(shares.count - 1)
        let nBar = Double(totalN) / Double(ns.count)
        var rho = nBar > 1 ? (varShare * nBar / (mu0 * (1 - mu0)) - 1) / (nBar - 1) : 0.1
        rho = min(max(rho, 1e-5), 0.9)
        let tMin = log(minimumPrecision), tMax = log(maximumPrecision)
        var m = log(mu0 / (1 - mu0))
        var t = min(max(log(1 / rho - 1), tMin), tMax)

        var current = data.evaluate(m: m, t: t)
        for _ in 0..<500 {
            let atUpper = t >= tMax && current.gt > 0
            let atLower = t <= tMin && current.gt < 0
            var dm: Double, dt: Double
            if atUpper || atLower {
                // t fixed at the bound: one-dimensional Newton in m.
                dt = 0
                dm = current.hmm < 0 ? -current.gm / current.hmm : current.gm
            } else {
                let det = current.hmm * current.htt - current.hmt * current.hmt
                if current.hmm < 0 && det > 0 {
                    dm = -(current.htt * current.gm - current.hmt * current.gt) / det
                    dt = -(current.hmm * current.gt - current.hmt * current.gm) / det
                } else {
                    dm = current.gm
                    dt = current.gt
                }
            }
            // Keep steps sane.
            let len = max(abs(dm), abs(dt))
            if len > 2 { dm *= 2 / len; dt *= 2 / len }
            var step = 1.0
            var accepted = false
            var next = current
            var nm = m, nt = t
            for _ in 0..<60 {
                nm = m + step * dm
                nt = min(max(t + step * dt, tMin), tMax)
                next = data.evaluate(m: nm, t: nt)
                if next.logLikelihood >= current.logLikelihood - 1e-12 * abs(current.logLikelihood) {
                    accepted = true
                    break
                }
                step *= 0.5
            }
            if !accepted { break }
            let moved = max(abs(nm - m), abs(nt - t))
            m = nm
            t = nt
            current = next
            if moved < 1e-11 { break }
        }
        let s = exp(t)
        let mu = 1 / (1 + exp(-m))
        return BetaBinomialFit(alpha: s * mu, beta: s * (1 - mu))
    }

    /// Robust variant: fit, drop groups whose two-sided beta-binomial tail p < trimP
    /// (default 0.001), refit; up to `rounds` (default 2) rounds. Each round judges every
    /// group against the latest fit. Guards against contamination by manipulating schools.
    public static func robust(successes: [Int], trials: [Int], trimP: Double = 0.001, rounds: Int = 2) -> BetaBinomialFit? {
        guard var fit = maximumLikelihood(successes: successes, trials: trials) else { return nil }
        let active = successes.indices.filter { trials[$0] > 0 }
        var previous = active
        for _ in 0..<max(rounds, 0) {
            let kept = active.filter {
                BetaBinomial.twoSidedPValue(successes[$0], n: trials[$0], alpha: fit.alpha, beta: fit.beta) >= trimP
            }
            if kept == previous { break }
            guard let refit = maximumLikelihood(successes: kept.map { successes[$0] }, trials: kept.map { trials[$0] })
            else { break }
            fit = refit
            previous = kept
        }
        return fit
    }

    /// Log-likelihood of the groups under this fit (constant binomial coefficients included).
    public func logLikelihood(successes: [Int], trials: [Int]) -> Double {
        var total = 0.0
        for (x, n) in zip(successes, trials) where n > 0 {
            total += BetaBinomial.logPmf(x, n: n, alpha: alpha, beta: beta)
        }
        return total
    }
}

extension BetaBinomialFit {
    /// Sufficient tallies of the beta-binomial likelihood: for each j, how many groups have
    /// more than j successes, more than j failures, more than j trials.
    fileprivate struct Tallies {
        var moreSuccesses: [Double]
        var moreFailures: [Double]
        var moreTrials: [Double]

        init(successes: [Int], trials: [Int]) {
            let maxN = trials.max() ?? 0
            var cx = [Double](repeating: 0, count: maxN + 1)
            var cf = [Double](repeating: 0, count: maxN + 1)
            var cn = [Double](repeating: 0, count: maxN + 1)
            for (x, n) in zip(successes, trials) {
                cx[x] += 1
                cf[n - x] += 1
                cn[n] += 1
            }
            // Convert "exactly v" counts to "more than j" counts.
            func exceed(_ c: [Double]) -> [Double] {
                var out = [Double](repeating: 0, count: maxN)
                var acc = 0.0
                var j = maxN
                while j > 0 {
                    acc += c[j]
                    out[j - 1] = acc
                    j -= 1
                }
                return out
            }
            moreSuccesses = exceed(cx)
            moreFailures = exceed(cf)
            moreTrials = exceed(cn)
        }

        struct Evaluation {
            var logLikelihood: Double
            var gm: Double, gt: Double
            var hmm: Double, hmt: Double, htt: Double
        }

        /// Log-likelihood (without binomial coefficients), gradient and Hessian in
        /// m = logit(mean), t = log(α + β).
        func evaluate(m: Double, t: Double) -> Evaluation {
            let s = exp(t)
            let mu = 1 / (1 + exp(-m))
            let a = s * mu, b = s * (1 - mu)
            var ll = 0.0
            var la = 0.0, lb = 0.0, laa = 0.0, lbb = 0.0, lab = 0.0
            for j in 0..<moreTrials.count {
                let jd = Double(j)
                let cx = moreSuccesses[j], cf = moreFailures[j], cn = moreTrials[j]
                if cx > 0 {
                    let r = 1 / (a + jd)
                    ll += cx * log(a + jd); la += cx * r; laa -= cx * r * r
                }
                if cf > 0 {
                    let r = 1 / (b + jd)
                    ll += cf * log(b + jd); lb += cf * r; lbb -= cf * r * r
                }
                if cn > 0 {
                    let r = 1 / (s + jd)
                    ll -= cn * log(s + jd); la -= cn * r; lb -= cn * r
                    laa += cn * r * r; lbb += cn * r * r; lab += cn * r * r
                }
            }
            // In u = (log a, log b).
            let ga = a * la, gb = b * lb
            let haa = a * a * laa + ga, hbb = b * b * lbb + gb, hab = a * b * lab
            // u = (t + log μ, t + log(1 − μ)); ∂u/∂m = (1 − μ, −μ), ∂u/∂t = (1, 1).
            let jm0 = 1 - mu, jm1 = -mu
            let gm = jm0 * ga + jm1 * gb
            let gt = ga + gb
            let hmm = jm0 * jm0 * haa + 2 * jm0 * jm1 * hab + jm1 * jm1 * hbb - mu * (1 - mu) * (ga + gb)
            let hmt = jm0 * (haa + hab) + jm1 * (hab + hbb)
            let htt = haa + 2 * hab + hbb
            return Evaluation(logLikelihood: ll, gm: gm, gt: gt, hmm: hmm, hmt: hmt, htt: htt)
        }
    }
}
