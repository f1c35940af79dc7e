import Foundation

/// Logistic regression on grouped binomial data (kᵢ successes of nᵢ trials per row) by IRLS, as
/// statsmodels `GLM(np.column_stack([k, n - k]), X, family=Binomial()).fit().params`. Include an
/// intercept column yourself. Used to standardise journal-comparison shares by mark and school level.
public struct BinomialRegression: Sendable {
    public var coefficients: [Double]
    public var iterations: Int
    public var converged: Bool

    /// Probability for one row of covariates.
    public func probability(_ row: [Double]) -> Double {
        var eta = 0.0
        for (x, b) in zip(row, coefficients) { eta += x * b }
        return 1 / (1 + exp(-eta))
    }

    /// Fits by IRLS from μ = (k + ½)/(n + 1); converged when the coefficients move less than `tolerance`.
    /// Rows with n = 0 are ignored. Returns nil for mismatched input or a singular information matrix.
    public static func fit(design: [[Double]], successes: [Double], trials: [Double],
                           maxIterations: Int = 100, tolerance: Double = 1e-10) -> BinomialRegression? {
        let rows = design.indices.filter { trials[$0] > 0 }
        guard !rows.isEmpty, design.count == successes.count, successes.count == trials.count,
              let p = design.first?.count, p > 0, design.allSatisfy({ $0.count == p }) else { return nil }
        var beta = [Double](repeating: 0, count: p)
        // Start from the empirical logits, regressed on the design (one weighted least-squares step).
        var eta = rows.map { i -> Double in
            let m = (successes[i] + 0.5) / (trials[i] + 1)
            return log(m / (1 - m))
        }
        var converged = false
        var iterations = 0
        var first = true
        for iteration in 1...max(maxIterations, 1) {
            iterations = iteration
            var weights = [Double](), working = [Double](), x = [[Double]]()
            for (r, i) in rows.enumerated() {
                let mu = 1 / (1 + exp(-eta[r]))
                let w = max(trials[i] * mu * (1 - mu), 1e-12)
                weights.append(w)
                let y = successes[i] / trials[i]
                working.append(eta[r] + (y - mu) / max(mu * (1 - mu), 1e-12))
                x.append(design[i])
            }
            let gram = LinearAlgebra.weightedGram(x, weights: weights)
            var rhs = [Double](repeating: 0, count: p)
            for r in rows.indices { for j in 0..<p { rhs[j] += x[r][j] * weights[r] * working[r] } }
            guard let next = LinearAlgebra.solveSymmetricPositiveDefinite(gram, rhs) ?? LinearAlgebra.solve(gram, rhs),
                  next.allSatisfy(\.isFinite) else { return nil }
            let step = zip(next, beta).map { abs($0 - $1) }.max() ?? 0
            beta = next
            for (r, i) in rows.enumerated() {
                var e = 0.0
                for j in 0..<p { e += design[i][j] * beta[j] }
                eta[r] = e
            }
            if !first && step < tolerance { converged = true; break }
            first = false
        }
        return BinomialRegression(coefficients: beta, iterations: iterations, converged: converged)
    }
}
