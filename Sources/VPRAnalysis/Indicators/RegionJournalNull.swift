/// The region's null for each journal share: a robust beta-binomial fit over the schools
/// that have enough students with both marks.
struct RegionJournalNull {
    private var fits: [JournalDirection: BetaBinomialFit] = [:]

    /// Fewest schools needed to estimate the between-school spread at all.
    static let minimumSchools = 5

    init(comparisons: [JournalComparison], config: JournalConfig) {
        let usable = comparisons.filter { $0.total >= config.minStudents }
        guard usable.count >= Self.minimumSchools else { return }
        for direction in JournalDirection.allCases {
            fits[direction] = BetaBinomialFit.robust(
                successes: usable.map { $0.count(direction) }, trials: usable.map(\.total), trimP: config.trimPValue)
        }
    }

    func fit(_ direction: JournalDirection) -> BetaBinomialFit? { fits[direction] }
}
