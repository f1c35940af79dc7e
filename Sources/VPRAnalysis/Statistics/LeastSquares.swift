/// Ordinary least squares accumulated row by row (XᵀX and Xᵀy), so a regression over a region's students
/// needs no design matrix in memory: as statsmodels `sm.OLS(y, X).fit().params`. Include an intercept
/// column (or a full set of dummies) yourself.
public struct LeastSquares: Sendable {
    public let columns: Int
    private var gram: [[Double]]
    private var moment: [Double]
    public private(set) var rows = 0

    public init(columns: Int) {
        self.columns = columns
        gram = [[Double]](repeating: [Double](repeating: 0, count: columns), count: columns)
        moment = [Double](repeating: 0, count: columns)
    }

    /// Adds one observation.
    public mutating func add(_ x: [Double], _ y: Double) {
        precondition(x.count == columns, "row has the wrong number of columns")
        for i in 0..<columns where x[i] != 0 {
            moment[i] += x[i] * y
            for j in 0..<columns where x[j] != 0 { gram[i][j] += x[i] * x[j] }
        }
        rows += 1
    }

    /// The coefficients; nil when XᵀX is singular (a column that is all zero or collinear).
    public func coefficients() -> [Double]? {
        LinearAlgebra.solveSymmetricPositiveDefinite(gram, moment)
    }
}
