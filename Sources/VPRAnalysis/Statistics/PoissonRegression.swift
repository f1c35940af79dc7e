import Foundation

/// Poisson regression (log link) by IRLS, as statsmodels `GLM(y, X, family=Poisson()).fit().params`;
/// design matrix rows are observations; include an intercept column yourself. Optional offset.
public struct PoissonRegression: Sendable {
    public var coefficients: [Double]
    public var standardErrors: [Double]
    public var fitted: [Double]
    public var deviance: Double
    public var iterations: Int
    public var converged: Bool

    public init(coefficients: [Double], standardErrors: [Double], fitted: [Double], deviance: Double, iterations: Int, converged: Bool) {
        self.coefficients = coefficients
        self.standardErrors = standardErrors
        self.fitted = fitted
        self.deviance = deviance
        self.iterations = iterations
        self.converged = converged
    }

    /// Fits by iteratively reweighted least squares starting, like statsmodels, from
    /// μ = (y + ȳ)/2. Converged when the deviance changes by less than
    /// `tolerance · (|deviance| + 0.1)` between iterations. Returns nil for empty or
    /// mismatched input, negative counts, or a singular XᵀWX.
    public static func fit(design: [[Double]], counts: [Double], offset: [Double]? = nil,
                           maxIterations: Int = 100, tolerance: Double = 1e-10) -> PoissonRegression? {
        let n = counts.count
        guard n > 0, design.count == n, let p = design.first?.count, p > 0,
              design.allSatisfy({ $0.count == p }), counts.allSatisfy({ $0 >= 0 && $0.isFinite }) else { return nil }
        if let offset, offset.count != n { return nil }
        let off = offset ?? [Double](repeating: 0, count: n)
        let ybar = counts.reduce(0, +) / Double(n)
        var mu = counts.map { ($0 + ybar) / 2 }
        var eta = mu.map { log($0) }
        var beta = [Double](repeating: 0, count: p)
        var dev = deviance(counts, mu)
        var converged = false
        var iterations = 0
        for iteration in 1...max(maxIterations, 1) {
            iterations = iteration
            var z = [Double](repeating: 0, count: n)
            for i in 0..<n { z[i] = eta[i] - off[i] + (counts[i] - mu[i]) / mu[i] }
            let gram = LinearAlgebra.weightedGram(design, weights: mu)
            var rhs = [Double](repeating: 0, count: p)
            for i in 0..<n {
                let wz = mu[i] * z[i]
                for j in 0..<p { rhs[j] += design[i][j] * wz }
            }
            guard let newBeta = LinearAlgebra.solveSymmetricPositiveDefinite(gram, rhs)
                    ?? LinearAlgebra.solve(gram, rhs) else { return nil }
            beta = newBeta
            for i in 0..<n {
                var e = off[i]
                for j in 0..<p { e += design[i][j] * beta[j] }
                eta[i] = e
                mu[i] = exp(e)
            }
            let newDev = deviance(counts, mu)
            let change = abs(newDev - dev)
            dev = newDev
            if change <= tolerance * (abs(newDev) + 0.1) {
                converged = true
                break
            }
        }
        let gram = LinearAlgebra.weightedGram(design, weights: mu)
        let cov = LinearAlgebra.inverseSymmetricPositiveDefinite(gram)
        let se = (0..<p).map { j in cov.map { max($0[j][j], 0).squareRoot() } ?? .nan }
        return PoissonRegression(coefficients: beta, standardErrors: se, fitted: mu,
                                 deviance: dev, iterations: iterations, converged: converged)
    }

    /// Poisson deviance 2 Σ [y log(y/μ) − (y − μ)].
    static func deviance(_ y: [Double], _ mu: [Double]) -> Double {
        var d = 0.0
        for (yi, mi) in zip(y, mu) {
            d += (yi > 0 ? yi * log(yi / mi) : 0) - (yi - mi)
        }
        return 2 * d
    }
}
