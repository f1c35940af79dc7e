/// The region's null for each journal share: a robust beta-binomial fit over units (schools or classes)
/// that have enough students with both marks.
struct RegionJournalNull {
    private var fits: [JournalDirection: BetaBinomialFit] = [:]

    /// Fewest units needed to estimate the between-unit spread at all.
    static let minimumUnits = 5

    init(comparisons: [JournalComparison], minStudents: Int, trimP: Double) {
        let usable = comparisons.filter { $0.total >= minStudents }
        guard usable.count >= Self.minimumUnits else { return }
        for direction in JournalDirection.allCases {
            fits[direction] = BetaBinomialFit.robust(
                successes: usable.map { $0.count(direction) }, trials: usable.map(\.total), trimP: trimP)
        }
    }

    func fit(_ direction: JournalDirection) -> BetaBinomialFit? { fits[direction] }

    /// The class-level components of a school's count in one direction, or nil without a fit.
    func components(_ classes: [JournalComparison], _ direction: JournalDirection) -> [BetaBinomialSum.Component]? {
        guard let fit = fits[direction] else { return nil }
        return classes.map { BetaBinomialSum.Component(trials: $0.total, alpha: fit.alpha, beta: fit.beta) }
    }
}
