/// Observed comparison of a unit (school, class) with its expected count per direction and, where every
/// student's two marks are known, its residual sums on the two gap sides (`JournalGapModel`).
struct JournalUnit: Sendable {
    var comparison = JournalComparison()
    var expected: [JournalDirection: Double] = [.raised: 0, .lowered: 0, .matched: 0]
    /// Whether the gap sums are filled (false for schools known only by their three counts).
    var hasGap = false
    /// Per gap side: the sum of the students' residuals.
    var gapSum: [JournalDirection: Double] = [.raised: 0, .lowered: 0]
    /// Per gap side: the sum of the students' within-unit residual variances (n·s² for one work).
    var gapVariance: [JournalDirection: Double] = [.raised: 0, .lowered: 0]

    init() {}

    /// The unit's students, standardised at the unit's own level for the shares; the gap residuals are taken at
    /// `gapLevel`, the level of the students' school.
    init<C: Collection>(_ results: C, rates: JournalRates, gap: JournalGapModel? = nil, gapLevel: Double = 0)
        where C.Element: MarkFields {
        let level = rates.level(results)
        for r in results {
            guard let j = r.journalMark, (2...5).contains(j), (2...5).contains(r.mark) else { continue }
            comparison.add(mark: r.mark, journalMark: j)
            for d in JournalDirection.allCases { expected[d]! += rates.expected(d, vpr: r.mark, journal: j, level: level) }
            if let gap {
                for d in JournalGapModel.directions {
                    gapSum[d]! += gap.residual(d, vpr: r.mark, journal: j, level: gapLevel)
                    gapVariance[d]! += gap.withinVariance[d]!
                }
            }
        }
        hasGap = gap != nil
    }

    /// A school known only by its three counts, at its level under the school-level model.
    init(shares comparison: JournalComparison, level: Double, rates: JournalShareRates) {
        self.comparison = comparison
        for d in JournalDirection.allCases {
            expected[d] = Double(comparison.total) * rates.expected(d, level: level)
        }
    }

    static func + (a: JournalUnit, b: JournalUnit) -> JournalUnit {
        var c = a
        c.comparison = a.comparison + b.comparison
        for d in JournalDirection.allCases { c.expected[d]! += b.expected[d]! }
        for d in JournalGapModel.directions {
            c.gapSum[d]! += b.gapSum[d]!
            c.gapVariance[d]! += b.gapVariance[d]!
        }
        // An empty unit (the start of a sum) takes the other's kind.
        c.hasGap = a.comparison.total == 0 ? b.hasGap : b.comparison.total == 0 ? a.hasGap : a.hasGap && b.hasGap
        return c
    }

    /// Expected share of a direction: its expected count over the students with both marks.
    func expectedShare(_ d: JournalDirection) -> Double {
        comparison.total > 0 ? expected[d]! / Double(comparison.total) : .nan
    }

    /// Mean residual on a gap side (marks).
    func meanGap(_ d: JournalDirection) -> Double {
        hasGap && comparison.total > 0 ? gapSum[d]! / Double(comparison.total) : .nan
    }
}
