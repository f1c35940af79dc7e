import Foundation

/// Overdispersion of counts around unit-specific expected shares: unit u's count is beta-binomial with
/// mean share eᵤ (its own expectation, e.g. from indirect standardisation) and a common intraclass
/// correlation ρ, i.e. α = eᵤ(1/ρ − 1), β = (1 − eᵤ)(1/ρ − 1). ρ carries the legitimate spread between units.
public struct BetaBinomialDispersion: Hashable, Sendable, Codable {
    /// The common intraclass correlation ρ.
    public var rho: Double

    public init(rho: Double) { self.rho = rho }

    /// Bounds of the search for ρ.
    public static let rhoRange = (lower: 1e-6, upper: 0.5)
    /// Expected shares are kept this far inside (0, 1) so every unit has a proper beta law.
    static let shareGuard = 1e-6

    /// Beta parameters of a unit with expected share `share`.
    public func parameters(share: Double) -> (alpha: Double, beta: Double) {
        let e = min(max(share, Self.shareGuard), 1 - Self.shareGuard)
        let precision = 1 / rho - 1
        return (e * precision, (1 - e) * precision)
    }

    /// P(X ≥ k) for a unit of n trials with expected share `share`.
    public func upperTail(_ k: Int, n: Int, share: Double) -> Double {
        let (a, b) = parameters(share: share)
        return BetaBinomial.upperTail(k, n: n, alpha: a, beta: b)
    }

    /// Log-likelihood of the units.
    public func logLikelihood(successes: [Int], trials: [Int], shares: [Double]) -> Double {
        var sum = 0.0
        for i in successes.indices where trials[i] > 0 {
            let (a, b) = parameters(share: shares[i])
            sum += BetaBinomial.logPmf(successes[i], n: trials[i], alpha: a, beta: b)
        }
        return sum
    }

    /// Maximum-likelihood ρ by golden-section search on log ρ (the likelihood is unimodal in practice);
    /// nil without at least two units with trials.
    public static func maximumLikelihood(successes: [Int], trials: [Int], shares: [Double]) -> BetaBinomialDispersion? {
        precondition(successes.count == trials.count && trials.count == shares.count, "lengths differ")
        guard trials.filter({ $0 > 0 }).count >= 2 else { return nil }
        return goldenSection { -BetaBinomialDispersion(rho: $0).logLikelihood(successes: successes, trials: trials, shares: shares) }
    }

    /// Log-likelihood with every unit above its expected count censored: such a unit contributes only
    /// log P(X ≥ ⌊n·e⌋ + 1), not its exact count. Manipulation pushes counts up, so the honest spread is
    /// learnt from the lower side and the exceedance rate, and extreme units cannot widen it.
    public func censoredLogLikelihood(successes: [Int], trials: [Int], shares: [Double]) -> Double {
        var sum = 0.0
        for i in successes.indices where trials[i] > 0 {
            let (a, b) = parameters(share: shares[i])
            let cut = Int((Double(trials[i]) * shares[i]).rounded(.down)) + 1
            if successes[i] >= cut {
                sum += log(max(BetaBinomial.upperTail(cut, n: trials[i], alpha: a, beta: b), 1e-300))
            } else {
                sum += BetaBinomial.logPmf(successes[i], n: trials[i], alpha: a, beta: b)
            }
        }
        return sum
    }

    /// Maximum-likelihood ρ of the upper-censored likelihood (`censoredLogLikelihood`): robust to units
    /// pushed upwards by manipulation. nil without at least two units with trials.
    public static func censoredMaximumLikelihood(successes: [Int], trials: [Int], shares: [Double]) -> BetaBinomialDispersion? {
        precondition(successes.count == trials.count && trials.count == shares.count, "lengths differ")
        guard trials.filter({ $0 > 0 }).count >= 2 else { return nil }
        return goldenSection { -BetaBinomialDispersion(rho: $0).censoredLogLikelihood(successes: successes, trials: trials, shares: shares) }
    }

    /// Minimises an objective over ρ in `rhoRange` by golden-section search on log ρ.
    static func goldenSection(_ objective: (Double) -> Double) -> BetaBinomialDispersion {
        var lo = log(rhoRange.lower), hi = log(rhoRange.upper)
        let ratio = (sqrt(5.0) - 1) / 2
        var x1 = hi - ratio * (hi - lo), x2 = lo + ratio * (hi - lo)
        var f1 = objective(exp(x1)), f2 = objective(exp(x2))
        while hi - lo > 1e-7 {
            if f1 <= f2 {
                hi = x2; x2 = x1; f2 = f1
                x1 = hi - ratio * (hi - lo); f1 = objective(exp(x1))
            } else {
                lo = x1; x1 = x2; f1 = f2
                x2 = lo + ratio * (hi - lo); f2 = objective(exp(x2))
            }
        }
        return BetaBinomialDispersion(rho: exp((lo + hi) / 2))
    }
}
