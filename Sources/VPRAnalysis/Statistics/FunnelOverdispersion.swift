import Foundation

/// Overdispersion of institutions around a funnel plot's target, estimated from winsorised z-scores
/// (Spiegelhalter 2005, section 6): the multiplicative factor φ and the additive between-unit variance τ².
public struct FunnelOverdispersion: Hashable, Sendable, Codable {
    /// φ = mean of the squared winsorised z-scores.
    public var phi: Double
    /// τ² = max(0, (Nφ − (N − 1)) / (Σw − Σw² / Σw)), w = 1 / s², the random-effects variance on the
    /// scale of the indicator (a share, a mean z-score).
    public var tau2: Double
    public var units: Int

    public init(phi: Double, tau2: Double, units: Int) {
        self.phi = phi
        self.tau2 = tau2
        self.units = units
    }

    /// φ and τ² from each unit's value y, target t and null standard error s (z = (y − t) / s),
    /// with the z-scores winsorised at `winsorizeShare` in each tail.
    public static func estimate(values: [Double], targets: [Double], standardErrors: [Double],
                                winsorizeShare: Double) -> FunnelOverdispersion {
        precondition(values.count == targets.count && values.count == standardErrors.count)
        let n = values.count
        guard n >= 2 else { return FunnelOverdispersion(phi: 1, tau2: 0, units: n) }
        let z = (0..<n).map { (values[$0] - targets[$0]) / standardErrors[$0] }
        let zw = winsorized(z, share: winsorizeShare)
        let phi = zw.reduce(0) { $0 + $1 * $1 } / Double(n)
        let w = standardErrors.map { 1 / ($0 * $0) }
        let sw = w.reduce(0, +)
        let sw2 = w.reduce(0) { $0 + $1 * $1 }
        let denominator = sw - sw2 / sw
        let tau2 = denominator > 0 ? max(0, (Double(n) * phi - Double(n - 1)) / denominator) : 0
        return FunnelOverdispersion(phi: phi, tau2: tau2, units: n)
    }

    /// Winsorisation as `scipy.stats.mstats.winsorize(x, limits=(share, share))`: the ⌊share·n⌋ lowest
    /// values are set to the next lowest and the ⌊share·n⌋ highest to the next highest (order kept).
    public static func winsorized(_ x: [Double], share: Double) -> [Double] {
        let n = x.count
        let cut = Int(share * Double(n))
        guard cut > 0, n > 2 * cut else { return x }
        let sorted = x.sorted()
        let low = sorted[cut], high = sorted[n - cut - 1]
        return x.map { min(max($0, low), high) }
    }
}
