import Foundation

/// The region's expected value of a school statistic as a function of the school's level, and the honest spread
/// of schools around it: flat up to the median level and rising (or falling) linearly above it — a hinge.
///
/// Some statistics of the task-score pattern move with the level of a school for honest reasons: at the top of the
/// scale, where strong schools' students sit, ceilings and the tasks that discriminate most change what a paper
/// looks like at a given total. A flat region centre then puts honest gymnasiums in its upper tail. The hinge is
/// fitted over the region's schools by a random-effects meta-regression (`RandomEffects.trimmedDerSimonianLairdRegression`),
/// so each school is compared with what schools of its own level show; below the median the centre stays flat,
/// because a straight line through all levels would move the centre of weak schools by what strong ones show.
/// Used by `INVERSION` and `PERSONFIT`.
struct LevelAdjustedCentre: Hashable, Sendable {
    var intercept: Double
    var slope: Double
    /// The median level of the region's schools, where the centre starts to change.
    var levelCentre: Double
    /// Between-school variance around the centre.
    var tau2: Double

    /// Fits the hinge (or, with `adjusted` off, one flat centre) to the schools' statistics, their sampling
    /// variances and levels; schools improbable under the fit (two-sided p < `trimP`) are left out and the fit
    /// repeated, up to twice (`trimP` = 0 keeps every school).
    static func fit(effects: [Double], variances: [Double], levels: [Double], trimP: Double,
                    adjusted: Bool) -> LevelAdjustedCentre {
        guard adjusted else {
            let fit = RandomEffects.trimmedDerSimonianLaird(effects: effects, variances: variances, trimP: trimP)
            return LevelAdjustedCentre(intercept: fit.mean, slope: 0, levelCentre: 0, tau2: fit.tau2.isFinite ? fit.tau2 : 0)
        }
        let levelCentre = Descriptive.median(levels)
        let fit = RandomEffects.trimmedDerSimonianLairdRegression(
            effects: effects, variances: variances, covariate: levels.map { hinge($0, at: levelCentre) }, trimP: trimP)
        return LevelAdjustedCentre(intercept: fit.intercept, slope: fit.slope, levelCentre: levelCentre,
                                   tau2: fit.tau2.isFinite ? fit.tau2 : 0)
    }

    /// The covariate of the fit: how far a level lies above the median, 0 below it.
    static func hinge(_ level: Double, at centre: Double) -> Double { max(0, level - centre) }

    /// The statistic expected of a school of this level.
    func centre(_ level: Double) -> Double { intercept + slope * Self.hinge(level, at: levelCentre) }
}
