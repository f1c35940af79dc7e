import Foundation

/// The region's model of the gap between the two marks on one work, the basis of `JOURNAL`'s gap tests.
///
/// `lowered` (inflated term marks): how far a student's journal mark lies above what the region's students with
/// the same VPR mark get. `raised` (help during the test): how far the VPR mark lies above what the region's
/// students with the same journal mark get. Each side is conditioned on the mark that the scheme leaves alone,
/// so an honest school with many strong students is not penalised for its marks. The expectation also depends on
/// the level of the student's school (mean standardised primary score): within one mark, students of a strong
/// school are stronger. Least squares over the region's students: y = β(conditioning mark) + γ·level.
///
/// The level is the VPR score level on both sides. Measuring the `raised` side's level on the journal marks
/// instead (so that help cannot raise its own expectation) was tried at commit 3cbab50 with
/// `scripts/calibration.sh` and rejected: it flagged an honest gymnasium whose teachers mark strictly (high VPR
/// results, modest journal marks) and found less help in regions (moderate 10 % → 0 %, strong 32 % → 12 %).
struct JournalGapModel: Sendable {
    /// The two sides the gap is tested on; `matched` stays a share test.
    static let directions: [JournalDirection] = [.lowered, .raised]

    /// Per side: intercepts by conditioning mark 2…5 (nil where no student had that mark) and the level slope.
    private var intercepts: [JournalDirection: [Double?]] = [:]
    private var slopes: [JournalDirection: Double] = [:]
    /// Per side: the pooled within-school variance of one student's residual.
    private(set) var withinVariance: [JournalDirection: Double] = [:]

    /// Fits both sides over the region's schools; `levels` are the schools' levels in the same order.
    /// nil when a side cannot be fitted (fewer than two schools, no spread of marks).
    init?(groups: [ResultRows], levels: [Double]) {
        precondition(groups.count == levels.count, "groups and levels differ in length")
        guard groups.filter({ $0.markRecords.contains(where: Self.hasBothMarks) }).count >= 2 else { return nil }
        for d in Self.directions {
            guard fit(d, groups: groups, levels: levels) else { return nil }
        }
    }

    static func hasBothMarks<R: MarkFields>(_ r: R) -> Bool {
        guard let j = r.journalMark else { return false }
        return (2...5).contains(j) && (2...5).contains(r.mark)
    }

    /// The mark a side is conditioned on and the mark it measures.
    static func marks(_ d: JournalDirection, vpr: Int, journal: Int) -> (given: Int, measured: Int) {
        d == .lowered ? (vpr, journal) : (journal, vpr)
    }

    private mutating func fit(_ d: JournalDirection, groups: [ResultRows], levels: [Double]) -> Bool {
        var present = [Bool](repeating: false, count: 4)
        for g in groups { for r in g.markRecords where Self.hasBothMarks(r) { present[Self.marks(d, vpr: r.mark, journal: r.journalMark!).given - 2] = true } }
        let columnOf = (0..<4).reduce(into: [Int?]()) { acc, m in acc.append(present[m] ? acc.compactMap { $0 }.count : nil) }
        let dummies = present.filter { $0 }.count
        var ols = LeastSquares(columns: dummies + 1)
        for (g, level) in zip(groups, levels) {
            for r in g.markRecords where Self.hasBothMarks(r) {
                let (given, measured) = Self.marks(d, vpr: r.mark, journal: r.journalMark!)
                var x = [Double](repeating: 0, count: dummies + 1)
                x[columnOf[given - 2]!] = 1
                x[dummies] = level
                ols.add(x, Double(measured))
            }
        }
        guard let beta = ols.coefficients() else { return false }
        intercepts[d] = (0..<4).map { m in columnOf[m].map { beta[$0] } }
        slopes[d] = beta[dummies]
        // Pooled within-school variance of the residuals.
        var squares = 0.0, students = 0, schools = 0
        for (g, level) in zip(groups, levels) {
            var sum = 0.0, sumSquares = 0.0, n = 0
            for r in g.markRecords where Self.hasBothMarks(r) {
                let e = residual(d, vpr: r.mark, journal: r.journalMark!, level: level)
                sum += e; sumSquares += e * e; n += 1
            }
            guard n > 0 else { continue }
            squares += sumSquares - sum * sum / Double(n)
            students += n
            schools += 1
        }
        guard students > schools else { return false }
        withinVariance[d] = max(squares / Double(students - schools), 1e-9)
        return true
    }

    /// The student's residual on one side: measured mark minus its expectation.
    func residual(_ d: JournalDirection, vpr: Int, journal: Int, level: Double) -> Double {
        let (given, measured) = Self.marks(d, vpr: vpr, journal: journal)
        guard let beta = intercepts[d]?[given - 2] else { return 0 }
        return Double(measured) - beta - slopes[d]! * level
    }

    /// The expected measured mark for a student on one side.
    func expected(_ d: JournalDirection, given: Int, level: Double) -> Double? {
        guard let beta = intercepts[d]?[given - 2] else { return nil }
        return beta + slopes[d]! * level
    }
}
