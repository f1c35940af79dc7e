import Foundation

/// The region's rate of each journal sign for a whole school, when only the three counts ФИС ОКО prints
/// (понизили / подтвердили / повысили) are known: logit P = β + γ·level, fitted over the region's schools,
/// with level the school's mean standardised primary score. Without the marks of each participant the
/// rate cannot be standardised by mark, so this model is coarser than `JournalRates`; the between-school
/// spread around it is carried by the same beta-binomial null.
struct JournalShareRates: Sendable {
    private var coefficients: [JournalDirection: (intercept: Double, slope: Double)] = [:]

    /// `units`: each school's counts and level.
    init(units: [(comparison: JournalComparison, level: Double)]) {
        let used = units.filter { $0.comparison.total > 0 }
        for d in JournalDirection.allCases {
            let k = used.map { Double($0.comparison.count(d)) }, n = used.map { Double($0.comparison.total) }
            let hits = k.reduce(0, +), total = n.reduce(0, +)
            let plain = total > 0 ? hits / total : 0
            let plainLogit = log(max(plain, 1e-9) / max(1 - plain, 1e-9))
            if hits > 0, hits < total,
               let model = BinomialRegression.fit(design: used.map { [1, $0.level] }, successes: k, trials: n),
               model.converged {
                coefficients[d] = (model.coefficients[0], model.coefficients[1])
            } else {
                coefficients[d] = (plainLogit, 0)
            }
        }
    }

    /// Expected probability of a sign for a participant of a school at `level`.
    func expected(_ d: JournalDirection, level: Double) -> Double {
        let c = coefficients[d]!
        return 1 / (1 + exp(-(c.intercept + c.slope * level)))
    }
}
