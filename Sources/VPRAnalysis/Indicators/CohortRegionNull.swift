import Foundation

/// The region's distribution of schools' cohort changes: a robust random-effects fit.
///
/// Honest schools' true changes scatter around a centre μ with between-school variance τ²
/// (DerSimonian–Laird); a school's observed change is N(μ, τ² + vᵢ). The fit is made twice: schools
/// that are extreme in either direction under the first fit (two-sided p below `trimPValue`) are left out
/// of the second, so a few manipulated schools neither shift the centre nor widen the spread.
struct CohortRegionNull {
    var centre: Double
    var tau2: Double
    /// Schools the final fit used.
    var schools: Int

    init?(changes: [CohortChange], config: CohortConfig) {
        let units = changes.filter(\.eligible)
        guard units.count >= max(2, config.minSchools) else { return nil }
        let first = RandomEffects.derSimonianLaird(effects: units.map(\.change), variances: units.map(\.variance))
        let kept = units.filter { u in
            let z = (u.change - first.mean) / (first.tau2 + u.variance).squareRoot()
            return 2 * Normal.sf(abs(z)) >= config.trimPValue
        }
        let fit = kept.count >= max(2, config.minSchools) && kept.count < units.count
            ? RandomEffects.derSimonianLaird(effects: kept.map(\.change), variances: kept.map(\.variance))
            : first
        centre = fit.mean
        tau2 = fit.tau2
        schools = kept.count >= max(2, config.minSchools) ? kept.count : units.count
    }

    /// Standardised deviation of a school's change from the region's centre.
    func z(_ change: CohortChange) -> Double {
        (change.change - centre) / (tau2 + change.variance).squareRoot()
    }

    /// One-sided p-value of a drop at least this large.
    func pDrop(_ change: CohortChange) -> Double { Normal.cdf(z(change)) }
}
