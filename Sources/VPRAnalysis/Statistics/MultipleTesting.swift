import Foundation

/// Adjustments of many p-values for multiplicity: false discovery rate
/// (Benjamini–Hochberg) for screening many schools, family-wise error (Holm).
public enum MultipleTesting {
    /// Benjamini–Hochberg adjusted p-values (q-values), as statsmodels
    /// `multipletests(p, method="fdr_bh")[1]`; order preserved; NaN entries stay NaN and are not counted.
    public static func benjaminiHochberg(_ p: [Double]) -> [Double] {
        let order = p.indices.filter { !p[$0].isNaN }.sorted { p[$0] < p[$1] }
        let m = order.count
        var result = p
        guard m > 0 else { return result }
        var running = Double.infinity
        var rank = m
        while rank >= 1 {
            let i = order[rank - 1]
            running = min(running, p[i] * Double(m) / Double(rank))
            result[i] = min(1, running)
            rank -= 1
        }
        return result
    }

    /// Holm step-down adjusted p-values, as statsmodels `multipletests(p, method="holm")[1]`;
    /// NaN entries stay NaN and are not counted.
    public static func holm(_ p: [Double]) -> [Double] {
        let order = p.indices.filter { !p[$0].isNaN }.sorted { p[$0] < p[$1] }
        let m = order.count
        var result = p
        var running = 0.0
        for (rank, i) in order.enumerated() {
            running = max(running, p[i] * Double(m - rank))
            result[i] = min(1, running)
        }
        return result
    }
}
