import Foundation

/// The smooth shape of a work's primary-score distribution over the whole region, with the cells
/// at and just below each mark boundary modelled by their own dummies (bunching design of
/// Dee, Dobbie, Jacob & Rockoff 2019): a counterfactual free of the region's own manipulation.
public struct RegionScoreShape: Hashable, Sendable {
    /// Smooth expected region count per score 0…max (the polynomial part only).
    public var smooth: [Double]
    /// Scores excluded from the smooth fit (boundary b and the cells just below it, for each boundary).
    public var windowCells: Set<Int>
    public var degree: Int

    /// Fits the shape to the region's histogram of a work.
    public static func fit(histogram: [Int], scale: MarkScale, maxDegree: Int, cellsBelow: Int) -> RegionScoreShape {
        let maxScore = histogram.count - 1
        let window = windowCells(scale: scale, maxScore: maxScore, cellsBelow: cellsBelow)
        let window0 = window.sorted()
        let freeCells = histogram.count - window.count
        var degree = min(maxDegree, max(1, (freeCells - 2) / 2))
        while degree >= 1 {
            var design: [[Double]] = []
            for s in 0...maxScore {
                let z = standardized(s, maxScore: maxScore)
                var row = [1.0]
                var power = 1.0
                for _ in 0..<degree { power *= z; row.append(power) }
                for cell in window0 { row.append(cell == s ? 1 : 0) }
                design.append(row)
            }
            if let fit = PoissonRegression.fit(design: design, counts: histogram.map(Double.init)), fit.converged {
                let smooth = (0...maxScore).map { s -> Double in
                    let z = standardized(s, maxScore: maxScore)
                    var eta = fit.coefficients[0]
                    var power = 1.0
                    for k in 0..<degree { power *= z; eta += fit.coefficients[k + 1] * power }
                    return exp(eta)
                }
                if smooth.allSatisfy({ $0.isFinite && $0 > 0 }) {
                    return RegionScoreShape(smooth: smooth, windowCells: window, degree: degree)
                }
            }
            degree -= 1
        }
        // No usable fit (an empty or degenerate region): a flat shape, so the school's own tilt decides.
        return RegionScoreShape(smooth: [Double](repeating: 1, count: histogram.count), windowCells: window, degree: 0)
    }

    /// The boundary score b and the `cellsBelow` scores under it, for each boundary inside 1…max.
    public static func windowCells(scale: MarkScale, maxScore: Int, cellsBelow: Int) -> Set<Int> {
        var cells = Set<Int>()
        for b in scale.boundaries where b >= 1 && b <= maxScore {
            for s in max(0, b - cellsBelow)...b { cells.insert(s) }
        }
        return cells
    }

    /// Score mapped onto −1…1.
    public static func standardized(_ s: Int, maxScore: Int) -> Double {
        let half = Double(max(maxScore, 1)) / 2
        return (Double(s) - half) / half
    }
}
