import Foundation

/// Small dense linear algebra needed by the regressions (solve symmetric positive-definite
/// systems by Cholesky, inverse for covariance). Matrices are arrays of rows.
public enum LinearAlgebra {
    /// Lower-triangular L with A = L Lᵀ, or nil if A is not (numerically) positive definite.
    public static func cholesky(_ a: [[Double]]) -> [[Double]]? {
        let n = a.count
        var l = [[Double]](repeating: [Double](repeating: 0, count: n), count: n)
        for j in 0..<n {
            precondition(a[j].count == n, "matrix must be square")
            var d = a[j][j]
            for k in 0..<j { d -= l[j][k] * l[j][k] }
            guard d > 0, d.isFinite else { return nil }
            let ljj = d.squareRoot()
            l[j][j] = ljj
            for i in (j + 1)..<max(n, j + 1) {
                var s = a[i][j]
                for k in 0..<j { s -= l[i][k] * l[j][k] }
                l[i][j] = s / ljj
            }
        }
        return l
    }

    /// Solves L Lᵀ x = b given the Cholesky factor L.
    public static func solveCholesky(_ l: [[Double]], _ b: [Double]) -> [Double] {
        let n = l.count
        var y = b
        for i in 0..<n {
            var s = y[i]
            for k in 0..<i { s -= l[i][k] * y[k] }
            y[i] = s / l[i][i]
        }
        var x = y
        var i = n - 1
        while i >= 0 {
            var s = x[i]
            for k in (i + 1)..<max(n, i + 1) { s -= l[k][i] * x[k] }
            x[i] = s / l[i][i]
            i -= 1
        }
        return x
    }

    /// Solves A x = b for symmetric positive-definite A; nil if A is not positive definite.
    public static func solveSymmetricPositiveDefinite(_ a: [[Double]], _ b: [Double]) -> [Double]? {
        guard let l = cholesky(a) else { return nil }
        return solveCholesky(l, b)
    }

    /// A⁻¹ for symmetric positive-definite A (e.g. XᵀWX → covariance); nil if not positive definite.
    public static func inverseSymmetricPositiveDefinite(_ a: [[Double]]) -> [[Double]]? {
        guard let l = cholesky(a) else { return nil }
        let n = a.count
        var inv = [[Double]](repeating: [Double](repeating: 0, count: n), count: n)
        for j in 0..<n {
            var e = [Double](repeating: 0, count: n)
            e[j] = 1
            let col = solveCholesky(l, e)
            for i in 0..<n { inv[i][j] = col[i] }
        }
        // Symmetrize rounding.
        for i in 0..<n { for j in (i + 1)..<max(n, i + 1) { let m = 0.5 * (inv[i][j] + inv[j][i]); inv[i][j] = m; inv[j][i] = m } }
        return inv
    }

    /// Solves a general square system A x = b by Gaussian elimination with partial pivoting; nil if singular.
    public static func solve(_ a: [[Double]], _ b: [Double]) -> [Double]? {
        let n = a.count
        var m = a
        var x = b
        for col in 0..<n {
            var pivot = col
            for r in (col + 1)..<max(n, col + 1) where abs(m[r][col]) > abs(m[pivot][col]) { pivot = r }
            guard m[pivot][col] != 0, m[pivot][col].isFinite else { return nil }
            if pivot != col { m.swapAt(pivot, col); x.swapAt(pivot, col) }
            for r in (col + 1)..<max(n, col + 1) {
                let f = m[r][col] / m[col][col]
                if f == 0 { continue }
                for c in col..<n { m[r][c] -= f * m[col][c] }
                x[r] -= f * x[col]
            }
        }
        var i = n - 1
        while i >= 0 {
            var s = x[i]
            for k in (i + 1)..<max(n, i + 1) { s -= m[i][k] * x[k] }
            x[i] = s / m[i][i]
            i -= 1
        }
        return x
    }

    /// Xᵀ diag(w) X for a design with rows as observations.
    public static func weightedGram(_ x: [[Double]], weights w: [Double]) -> [[Double]] {
        let p = x.first?.count ?? 0
        var g = [[Double]](repeating: [Double](repeating: 0, count: p), count: p)
        for (row, wi) in zip(x, w) {
            for i in 0..<p {
                let ri = row[i] * wi
                if ri == 0 { continue }
                for j in i..<p { g[i][j] += ri * row[j] }
            }
        }
        for i in 0..<p { for j in 0..<i { g[i][j] = g[j][i] } }
        return g
    }
}
