import Foundation

/// Cohen's (weighted) kappa between two raters, e.g. the school's own marking and an
/// independent re-check of the same papers, with asymptotic standard errors.
public struct WeightedKappa: Sendable, Codable, Hashable {
    public var kappa: Double
    /// Asymptotic standard error for confidence intervals (statsmodels `std_kappa`).
    public var standardError: Double
    /// Asymptotic standard error under the null κ = 0, for testing (statsmodels `std_kappa0`).
    public var standardErrorNull: Double

    public init(kappa: Double, standardError: Double, standardErrorNull: Double) {
        self.kappa = kappa
        self.standardError = standardError
        self.standardErrorNull = standardErrorNull
    }

    /// Alias of `standardError`: the non-null (alternative) standard error.
    public var standardErrorAlternative: Double { standardError }

    /// z statistic of the test κ = 0.
    public var zNull: Double { kappa / standardErrorNull }

    /// One-sided p-value of κ > 0 (agreement beyond chance), from the normal approximation.
    public var pValueAgreement: Double { Normal.sf(zNull) }

    /// table[i][j]: count of rater A category i and rater B category j (square, k × k).
    /// Matches statsmodels `cohens_kappa(table)` (unweighted) and `cohens_kappa(table, wt="linear"/"quadratic")`.
    /// Returns nil if undefined (n = 0 or expected agreement == 1).
    public static func compute(table: [[Int]], weighting: KappaWeighting) -> WeightedKappa? {
        let k = table.count
        guard k >= 1, table.allSatisfy({ $0.count == k }) else {
            preconditionFailure("kappa table must be square")
        }
        let nobs = Double(table.reduce(0) { $0 + $1.reduce(0, +) })
        guard nobs > 0 else { return nil }
        let freq = table.map { $0.map { Double($0) / nobs } }
        var row = [Double](repeating: 0, count: k), col = [Double](repeating: 0, count: k)
        for i in 0..<k { for j in 0..<k { row[i] += freq[i][j]; col[j] += freq[i][j] } }

        switch weighting {
        case .unweighted:
            var agree = 0.0, agreeExp = 0.0
            for i in 0..<k { agree += freq[i][i]; agreeExp += row[i] * col[i] }
            guard agreeExp < 1 else { return nil }
            let kappa = (agree - agreeExp) / (1 - agreeExp)
            var termA = 0.0, termB = 0.0, termC0 = 0.0
            for i in 0..<k {
                let f = 1 - (row[i] + col[i]) * (1 - kappa)
                termA += freq[i][i] * f * f
                termC0 += col[i] * row[i] * (col[i] + row[i])
                for j in 0..<k where j != i {
                    let s = col[i] + row[j]
                    termB += freq[i][j] * s * s
                }
            }
            termB *= (1 - kappa) * (1 - kappa)
            let termC = (kappa - agreeExp * (1 - kappa)) * (kappa - agreeExp * (1 - kappa))
            let scale = (1 - agreeExp) * (1 - agreeExp) * nobs
            let varKappa = (termA + termB - termC) / scale
            let varKappa0 = (agreeExp + agreeExp * agreeExp - termC0) / scale
            return WeightedKappa(kappa: kappa, standardError: max(varKappa, 0).squareRoot(),
                                 standardErrorNull: max(varKappa0, 0).squareRoot())
        case .linear, .quadratic:
            guard k >= 2 else { return nil }
            // Disagreement weights (Wikipedia form): |i − j|/(k − 1) or its square.
            var weight = [[Double]](repeating: [Double](repeating: 0, count: k), count: k)
            for i in 0..<k {
                for j in 0..<k {
                    let d = Double(abs(i - j)) / Double(k - 1)
                    weight[i][j] = weighting == .linear ? d : d * d
                }
            }
            var observed = 0.0, expected = 0.0
            for i in 0..<k {
                for j in 0..<k {
                    observed += weight[i][j] * freq[i][j]
                    expected += weight[i][j] * row[i] * col[j]
                }
            }
            guard expected > 0 else { return nil }
            let kappa = 1 - observed / expected
            // Variances with agreement weights w = 1 − weight (SAS manual formulas, as statsmodels).
            var wRow = [Double](repeating: 0, count: k), wCol = [Double](repeating: 0, count: k)
            var agreeWExp = 0.0
            for i in 0..<k {
                for j in 0..<k {
                    let w = 1 - weight[i][j]
                    wRow[i] += col[j] * w
                    wCol[j] += row[i] * w
                    agreeWExp += w * col[j] * row[i]
                }
            }
            var termA = 0.0, term0 = 0.0
            for i in 0..<k {
                for j in 0..<k {
                    let w = 1 - weight[i][j]
                    let a = w - (wCol[j] + wRow[i]) * (1 - kappa)
                    termA += freq[i][j] * a * a
                    let b = w - (wCol[j] + wRow[i])
                    term0 += row[i] * col[j] * b * b
                }
            }
            let fac = 1 / ((1 - agreeWExp) * (1 - agreeWExp) * nobs)
            let c = kappa - agreeWExp * (1 - kappa)
            let varKappa = (termA - c * c) * fac
            let varKappa0 = (term0 - agreeWExp * agreeWExp) * fac
            return WeightedKappa(kappa: kappa, standardError: max(varKappa, 0).squareRoot(),
                                 standardErrorNull: max(varKappa0, 0).squareRoot())
        }
    }
}
