import Foundation

/// The region's null for the mark gap on each side (`JournalGapModel`): units (schools or classes) scatter
/// around a centre with a between-unit variance τ² on top of their sampling variance, so a unit's residual
/// sum S over n students is about N(n·centre, V + n²τ²), V the sum of the students' within-unit variances.
///
/// The centre is the median unit and τ² the median-absolute-deviation estimate
/// (`RandomEffects.medianAbsoluteDeviationTau2`): schools that manipulate, in either direction, neither shift
/// nor widen the honest spread; on one work it is never taken below the run's pooled spread. Because the spread is estimated from the region's k units, a unit is judged
/// by the predictive distribution of a new unit, Student's t with k − 2 degrees of freedom (Higgins, Thompson
/// & Spiegelhalter 2009), which matters for a district of a few dozen schools and fades for a region.
struct RegionGapNull: Sendable {
    struct Fit: Sendable {
        var centre: Double
        var tau2: Double
        var units: Int
    }

    /// A unit's expectation under this null: the shift of its residual sum, its variance and the degrees of
    /// freedom of the spread behind it.
    struct Expectation: Sendable {
        var shift = 0.0
        var variance = 0.0
        var degreesOfFreedom = Double.infinity

        static func + (a: Expectation, b: Expectation) -> Expectation {
            Expectation(shift: a.shift + b.shift, variance: a.variance + b.variance,
                        degreesOfFreedom: min(a.degreesOfFreedom, b.degreesOfFreedom))
        }

        func z(_ sum: Double) -> Double { variance > 0 ? (sum - shift) / variance.squareRoot() : 0 }

        /// P(residual sum ≥ observed).
        func upperTail(_ sum: Double) -> Double {
            guard variance > 0 else { return sum > shift ? 0 : 1 }
            return degreesOfFreedom.isFinite ? StudentT.sf(z(sum), degreesOfFreedom: degreesOfFreedom) : Normal.sf(z(sum))
        }
    }

    private(set) var fits: [JournalDirection: Fit] = [:]

    /// Fits each side over `units`; `floor` is a between-unit variance the fit is never allowed to fall below
    /// (the run's pooled spread, `pooledSpread`).
    init(units: [JournalUnit], minStudents: Int, floor: [JournalDirection: Double] = [:]) {
        let usable = Self.usable(units, minStudents: minStudents)
        guard usable.count >= RegionJournalNull.minimumUnits else { return }
        for d in JournalGapModel.directions {
            let (effects, variances) = Self.effects(usable, d)
            let fit = RandomEffects.medianAbsoluteDeviationTau2(effects: effects, variances: variances)
            fits[d] = Fit(centre: fit.centre, tau2: max(fit.tau2, floor[d] ?? 0), units: usable.count)
        }
    }

    /// The spread of the run's (school, work) units taken together, each work's units centred at their median:
    /// one estimate from many more units than any single work has, so that a work whose few dozen schools happen
    /// to lie close together is not given a spread narrower than honest marking shows across the region.
    static func pooledSpread(_ works: [[JournalUnit]], minStudents: Int) -> [JournalDirection: Double] {
        var result: [JournalDirection: Double] = [:]
        for d in JournalGapModel.directions {
            var effects: [Double] = [], variances: [Double] = []
            for units in works {
                let usable = usable(units, minStudents: minStudents)
                guard usable.count >= RegionJournalNull.minimumUnits else { continue }
                let (e, v) = Self.effects(usable, d)
                let centre = Descriptive.median(e)
                effects += e.map { $0 - centre }
                variances += v
            }
            guard !effects.isEmpty else { continue }
            result[d] = RandomEffects.medianAbsoluteDeviationTau2(effects: effects, variances: variances).tau2
        }
        return result
    }

    static func usable(_ units: [JournalUnit], minStudents: Int) -> [JournalUnit] {
        units.filter { $0.hasGap && $0.comparison.total >= minStudents }
    }

    /// Each unit's mean residual and its sampling variance.
    static func effects(_ units: [JournalUnit], _ d: JournalDirection) -> (effects: [Double], variances: [Double]) {
        (units.map { $0.gapSum[d]! / Double($0.comparison.total) },
         units.map { $0.gapVariance[d]! / Double($0.comparison.total * $0.comparison.total) })
    }

    /// The unit's expectation, or nil without a fit.
    func expectation(_ unit: JournalUnit, _ d: JournalDirection) -> Expectation? {
        guard let fit = fits[d], unit.hasGap, unit.comparison.total > 0 else { return nil }
        let n = Double(unit.comparison.total)
        return Expectation(shift: n * fit.centre, variance: unit.gapVariance[d]! + n * n * fit.tau2,
                           degreesOfFreedom: Double(fit.units - 2))
    }

    /// A school's expectation as the sum of its classes, each an independent draw from this (class) null.
    func expectation(classes: [JournalUnit], _ d: JournalDirection) -> Expectation? {
        guard fits[d] != nil else { return nil }
        var total = Expectation()
        for c in classes where c.comparison.total > 0 {
            guard let e = expectation(c, d) else { return nil }
            total = total + e
        }
        return total
    }

    /// The fitted centre and spread, for `results.json`.
    func figures(_ d: JournalDirection, prefix: String = "school") -> [Figure] {
        guard let fit = fits[d] else { return [] }
        return [Figure("region_\(prefix)_gap_centre", fit.centre), Figure("region_\(prefix)_gap_sd", fit.tau2.squareRoot()),
                Figure("region_\(prefix)_gap_units", Double(fit.units))]
    }
}
