import Foundation

/// The region's distribution of schools' weighted kappa (journal vs VPR marks, linear weights):
/// a DerSimonian–Laird random-effects mean and between-school variance, against which one
/// school's kappa is placed as a z-score. Reported with the journal shares.
struct RegionKappaNull {
    var mean = Double.nan
    var tau2 = Double.nan

    init(tables: [[[Int]]], minStudents: Int) {
        var effects: [Double] = [], variances: [Double] = []
        for table in tables where table.joined().reduce(0, +) >= minStudents {
            if let k = WeightedKappa.compute(table: table, weighting: .linear), k.standardError > 0, k.kappa.isFinite {
                effects.append(k.kappa)
                variances.append(k.standardError * k.standardError)
            }
        }
        guard effects.count >= RegionJournalNull.minimumUnits else { return }
        let re = RandomEffects.derSimonianLaird(effects: effects, variances: variances)
        mean = re.mean
        tau2 = re.tau2
    }

    /// Kappa of one table, the region's mean and the school's z-score against the region.
    func figures(for table: [[Int]]) -> [Figure] {
        guard let k = WeightedKappa.compute(table: table, weighting: .linear) else { return [] }
        var figures = [Figure("weighted_kappa", k.kappa), Figure("region_mean_kappa", mean)]
        if mean.isFinite, k.standardError.isFinite {
            let z = (k.kappa - mean) / (tau2 + k.standardError * k.standardError).squareRoot()
            figures.append(Figure("kappa_z_against_region", z))
        }
        return figures
    }
}
