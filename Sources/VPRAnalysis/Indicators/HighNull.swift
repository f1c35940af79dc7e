import Foundation

/// The two funnel-plot measures of `HIGH`: the share of marks 4–5 and the mean primary score in region SDs.
enum HighMeasure: String, CaseIterable, Sendable {
    case marks45
    case meanScore

    /// The measure's null variance for a unit of n at target t, before overdispersion.
    func samplingVariance(target t: Double, n: Int) -> Double {
        switch self {
        case .marks45: return t * (1 - t) / Double(n)
        case .meanScore: return 1 / Double(n)
        }
    }

    /// The scale on which an advanced-study shift is additive: logit for a share, identity for a mean z.
    func link(_ x: Double) -> Double {
        switch self {
        case .marks45:
            let c = min(max(x, 1e-6), 1 - 1e-6)
            return log(c / (1 - c))
        case .meanScore: return x
        }
    }

    func inverseLink(_ x: Double) -> Double {
        switch self {
        case .marks45: return 1 / (1 + exp(-x))
        case .meanScore: return x
        }
    }
}

/// What an (advanced-study or ordinary) school on one work is compared with: a target and the additive
/// between-school variance τ² around it.
struct HighNull: Sendable {
    enum Kind: String, Sendable {
        /// Ordinary schools of the region.
        case ordinary
        /// The other gymnasiums and lyceums of the region, alone.
        case advancedOwn
        /// The ordinary target shifted by the other advanced-study schools' median advantage.
        case advancedShifted
    }

    var kind: Kind
    var target: Double
    var tau2: Double
    /// Shift on the link scale (0 for ordinary schools).
    var shift: Double
    /// Number of schools behind the target and τ².
    var schools: Int
}

/// One (school, work): participants, marks 4–5 and mean z-score.
struct HighUnit: Sendable {
    var key: SchoolWorkKey
    var n: Int
    var marks45: Int
    var meanZ: Double
    var meanScore: Double
    var advanced: Bool

    func value(_ m: HighMeasure) -> Double {
        switch m {
        case .marks45: return Double(marks45) / Double(n)
        case .meanScore: return meanZ
        }
    }
}

/// The region's funnel for one measure on one work (Spiegelhalter 2005): target and additive τ² from the
/// ordinary schools, and for each advanced-study school its own comparison group or shifted target.
struct HighRegionNull: Sendable {
    var ordinary: HighNull?
    var measure: HighMeasure
    var config: HighConfig
    var units: [HighUnit]

    init(units: [HighUnit], measure: HighMeasure, config: HighConfig) {
        self.measure = measure
        self.config = config
        self.units = units.filter { $0.n >= config.minStudents }
        let regular = self.units.filter { !$0.advanced }
        ordinary = Self.fit(regular, measure: measure, config: config, kind: .ordinary)
    }

    /// Target = pooled value of the group (Σk/Σn or the participant-weighted mean z), τ² from winsorised z-scores.
    static func fit(_ group: [HighUnit], measure: HighMeasure, config: HighConfig, kind: HighNull.Kind) -> HighNull? {
        guard !group.isEmpty else { return nil }
        let total = Double(group.reduce(0) { $0 + $1.n })
        let target = group.reduce(0.0) { $0 + $1.value(measure) * Double($1.n) } / total
        guard target > 0 || measure == .meanScore, target < 1 || measure == .meanScore else { return nil }
        let o = FunnelOverdispersion.estimate(
            values: group.map { $0.value(measure) }, targets: Array(repeating: target, count: group.count),
            standardErrors: group.map { measure.samplingVariance(target: target, n: $0.n).squareRoot() },
            winsorizeShare: config.winsorizeShare)
        return HighNull(kind: kind, target: target, tau2: o.tau2, shift: 0, schools: group.count)
    }

    /// The null of one unit, or nil when it cannot be tested (too few ordinary or advanced-study schools).
    func null(for unit: HighUnit) -> HighNull? {
        guard let ordinary, ordinary.schools >= config.minSchools else { return nil }
        guard unit.advanced else { return ordinary }
        let others = units.filter { $0.advanced && $0.key != unit.key }
        if others.count >= config.minAdvancedSchoolsForOwnNull {
            return Self.fit(others, measure: measure, config: config, kind: .advancedOwn)
        }
        guard others.count >= config.minAdvancedSchoolsForShift else { return nil }
        let base = measure.link(ordinary.target)
        let shift = Descriptive.median(others.map { measure.link($0.value(measure)) - base })
        let target = measure.inverseLink(base + shift)
        // The others' spread about the shifted target (never below the ordinary τ²), plus the uncertainty of the
        // median shift itself, ≈ π/2 · (τ² + mean sampling variance) / m on the measure's scale.
        let sampling = others.map { measure.samplingVariance(target: target, n: $0.n) }
        let excess = zip(others, sampling).map { pow($0.value(measure) - target, 2) - $1 }
        let tau2 = max(ordinary.tau2, Descriptive.mean(excess))
        let shiftVariance = Double.pi / 2 * (tau2 + Descriptive.mean(sampling)) / Double(others.count)
        return HighNull(kind: .advancedShifted, target: target, tau2: tau2 + shiftVariance, shift: shift,
                        schools: others.count)
    }
}
