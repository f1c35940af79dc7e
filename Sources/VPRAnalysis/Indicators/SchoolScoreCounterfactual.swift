import Foundation

/// A school's own counterfactual score distribution: the region's smooth shape exponentially tilted
/// (in the score and its square) to the school's level and spread, fitted by maximum likelihood
/// on the scores outside the boundary windows only, so that a pulled paper cannot shape its own null.
public struct SchoolScoreCounterfactual: Hashable, Sendable {
    /// Probability of each score 0…max under the counterfactual (sums to 1).
    public var probabilities: [Double]

    /// Fits the tilt to a school's histogram.
    /// - Parameter priorPrecision: ridge penalty on the two tilt coefficients (keeps tiny schools near the region's shape).
    public static func fit(histogram: [Int], shape: RegionScoreShape, priorPrecision: Double) -> SchoolScoreCounterfactual {
        let maxScore = histogram.count - 1
        let free = (0...maxScore).filter { !shape.windowCells.contains($0) }
        let phi = (0...maxScore).map { s -> (Double, Double) in
            let z = RegionScoreShape.standardized(s, maxScore: maxScore)
            return (z, z * z)
        }
        let logBase = shape.smooth.map { log($0) }
        let nFree = free.reduce(0.0) { $0 + Double(histogram[$1]) }
        var sum1 = 0.0, sum2 = 0.0
        for s in free { sum1 += Double(histogram[s]) * phi[s].0; sum2 += Double(histogram[s]) * phi[s].1 }

        var t1 = 0.0, t2 = 0.0
        for _ in 0..<100 {
            // Probabilities over the free cells under the current tilt.
            var logits = free.map { logBase[$0] + t1 * phi[$0].0 + t2 * phi[$0].1 }
            let top = logits.max() ?? 0
            logits = logits.map { exp($0 - top) }
            let total = logits.reduce(0, +)
            var e1 = 0.0, e2 = 0.0, e11 = 0.0, e12 = 0.0, e22 = 0.0
            for (i, s) in free.enumerated() {
                let q = logits[i] / total
                e1 += q * phi[s].0; e2 += q * phi[s].1
                e11 += q * phi[s].0 * phi[s].0; e12 += q * phi[s].0 * phi[s].1; e22 += q * phi[s].1 * phi[s].1
            }
            let g1 = sum1 - nFree * e1 - priorPrecision * t1
            let g2 = sum2 - nFree * e2 - priorPrecision * t2
            let h11 = nFree * (e11 - e1 * e1) + priorPrecision
            let h12 = nFree * (e12 - e1 * e2)
            let h22 = nFree * (e22 - e2 * e2) + priorPrecision
            let det = h11 * h22 - h12 * h12
            guard det > 1e-12 else { break }
            let d1 = (h22 * g1 - h12 * g2) / det
            let d2 = (h11 * g2 - h12 * g1) / det
            // Damped step: the tilt never moves more than 5 units in one iteration.
            let scale = min(1, 5 / max(abs(d1), abs(d2), 1e-300))
            t1 += scale * d1
            t2 += scale * d2
            if abs(d1) + abs(d2) < 1e-10 { break }
        }
        var weights = (0...maxScore).map { logBase[$0] + t1 * phi[$0].0 + t2 * phi[$0].1 }
        let top = weights.max() ?? 0
        weights = weights.map { exp($0 - top) }
        let total = weights.reduce(0, +)
        return SchoolScoreCounterfactual(probabilities: weights.map { $0 / total })
    }
}
