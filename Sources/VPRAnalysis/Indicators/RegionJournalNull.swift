/// The region's null for each journal sign: the spread of units (schools or classes) around their own
/// expected shares, as a beta-binomial overdispersion ρ fitted over units with enough students. The fit
/// censors units above their expectation (`BetaBinomialDispersion.censoredMaximumLikelihood`): every sign is
/// tested upwards, so schools that manipulate in that direction cannot widen the honest spread.
struct RegionJournalNull {
    private var fits: [JournalDirection: BetaBinomialDispersion] = [:]

    /// Fewest units needed to estimate the between-unit spread at all.
    static let minimumUnits = 5

    init(units: [JournalUnit], minStudents: Int) {
        let usable = units.filter { $0.comparison.total >= minStudents }
        guard usable.count >= Self.minimumUnits else { return }
        for d in JournalDirection.allCases {
            fits[d] = BetaBinomialDispersion.censoredMaximumLikelihood(
                successes: usable.map { $0.comparison.count(d) }, trials: usable.map(\.comparison.total),
                shares: usable.map { $0.expectedShare(d) })
        }
    }

    /// The fitted spread, for `results.json`.
    func figures(_ d: JournalDirection, prefix: String = "school") -> [Figure] {
        fits[d].map { [Figure("region_\(prefix)_overdispersion_rho", $0.rho)] } ?? []
    }

    /// P(count ≥ observed) for a unit under this null.
    func pValue(_ unit: JournalUnit, _ d: JournalDirection) -> Double? {
        guard let fit = fits[d], unit.comparison.total > 0 else { return nil }
        return fit.upperTail(unit.comparison.count(d), n: unit.comparison.total, share: unit.expectedShare(d))
    }

    /// The class-level components of a school's count in one direction, or nil without a fit.
    func components(_ classes: [JournalUnit], _ d: JournalDirection) -> [BetaBinomialSum.Component]? {
        guard let fit = fits[d] else { return nil }
        return classes.filter { $0.comparison.total > 0 }.map {
            let (a, b) = fit.parameters(share: $0.expectedShare(d))
            return BetaBinomialSum.Component(trials: $0.comparison.total, alpha: a, beta: b)
        }
    }
}
