import Foundation

/// The region's rate of each journal sign for a student, given the mark it is conditioned on and the level
/// of the student's school: the basis of indirect standardisation.
///
/// `raised` and `matched` are conditioned on the journal mark (honest when the VPR is bent), `lowered` on
/// the VPR mark (honest when the journal is inflated). Within one mark, students of a strong school are
/// stronger than the region's average student, so the rate also depends on the unit's mean standardised
/// primary score: logit P = β(mark) + γ(mark)·level, fitted over the region's (school, mark) groups.
///
/// The slope is the mark's own: for `matched` a stronger school makes agreement likelier at journal mark 5
/// (its fives are far above the boundary) and less likely at 2 (its twos write the VPR for a 3), so one
/// slope shared by all marks averages the two out and a very strong honest school, almost all fives in
/// both, looks like a school that bends its VPR marks. When the per-mark model cannot be fitted (too few
/// schools at a mark), one shared slope is used, then the plain rate of each mark.
struct JournalRates: Sendable {
    /// Per direction: a fixed rate for marks where the sign never or always holds, else the model's β.
    private var fixed: [JournalDirection: [Double?]] = [:]
    private var intercepts: [JournalDirection: [Double]] = [:]
    private var slopes: [JournalDirection: [Double]] = [:]
    /// Mean and SD of the work's primary scores, to standardise a unit's level.
    let scoreMean: Double
    let scoreSD: Double

    init(groups: [ResultRows]) {
        var scores: [Double] = []
        scores.reserveCapacity(groups.reduce(0) { $0 + $1.count })
        for g in groups { for r in g.markRecords { scores.append(Double(r.primaryScore)) } }
        scoreMean = scores.isEmpty ? 0 : Descriptive.mean(scores)
        scoreSD = scores.count > 1 ? max(Descriptive.standardDeviation(scores), 1e-9) : 1
        for d in JournalDirection.allCases { fit(d, groups: groups) }
    }

    /// Mean standardised primary score of a set of students.
    func level<S: Sequence>(_ results: S) -> Double where S.Element: MarkFields {
        var sum = 0.0, n = 0
        for r in results { sum += (Double(r.primaryScore) - scoreMean) / scoreSD; n += 1 }
        return n > 0 ? sum / Double(n) : 0
    }

    private mutating func fit(_ d: JournalDirection, groups: [ResultRows]) {
        // Counts per (group, mark) and per mark.
        var rows: [Row] = []
        var hits = [0.0, 0, 0, 0], totals = [0.0, 0, 0, 0]
        for g in groups {
            let a = level(g.markRecords)
            var k = [0.0, 0, 0, 0], n = [0.0, 0, 0, 0]
            for r in g.markRecords {
                guard let j = r.journalMark, (2...5).contains(j), (2...5).contains(r.mark) else { continue }
                let m = Self.conditioningMark(d, vpr: r.mark, journal: j) - 2
                n[m] += 1
                if Self.holds(d, vpr: r.mark, journal: j) { k[m] += 1 }
            }
            for m in 0..<4 where n[m] > 0 { rows.append((m, a, k[m], n[m])); hits[m] += k[m]; totals[m] += n[m] }
        }
        var fixedRates: [Double?] = (0..<4).map { m in
            totals[m] == 0 ? 0 : (hits[m] == 0 || hits[m] == totals[m]) ? hits[m] / totals[m] : nil
        }
        let modelled = (0..<4).filter { fixedRates[$0] == nil }
        let used = rows.filter { fixedRates[$0.mark] == nil }
        var beta = [Double](repeating: 0, count: 4), gamma = [Double](repeating: 0, count: 4)
        if let (b, g) = Self.fitRates(used, modelled: modelled, perMark: true)
            ?? Self.fitRates(used, modelled: modelled, perMark: false) {
            beta = b
            gamma = g
        } else {
            // No usable model: the plain rate of each mark.
            for m in modelled { fixedRates[m] = hits[m] / totals[m] }
        }
        fixed[d] = fixedRates
        intercepts[d] = beta
        slopes[d] = gamma
    }

    typealias Row = (mark: Int, level: Double, k: Double, n: Double)

    /// logit P = β(mark) + γ(mark)·level, a slope per modelled mark when `perMark`, else one slope for all marks.
    /// nil when the fit does not converge, or when a mark that would get its own slope is seen in fewer than
    /// `minimumSchoolsPerSlope` schools of different levels.
    static func fitRates(_ rows: [Row], modelled: [Int], perMark: Bool) -> (beta: [Double], gamma: [Double])? {
        guard !modelled.isEmpty else { return nil }
        if perMark {
            for m in modelled where Set(rows.filter { $0.mark == m }.map(\.level)).count < minimumSchoolsPerSlope { return nil }
        }
        let design = rows.map { row -> [Double] in
            modelled.map { $0 == row.mark ? 1.0 : 0.0 }
                + (perMark ? modelled.map { $0 == row.mark ? row.level : 0.0 } : [row.level])
        }
        guard let model = BinomialRegression.fit(design: design, successes: rows.map(\.k), trials: rows.map(\.n)),
              model.converged else { return nil }
        var beta = [Double](repeating: 0, count: 4), gamma = [Double](repeating: 0, count: 4)
        for (i, m) in modelled.enumerated() {
            beta[m] = model.coefficients[i]
            gamma[m] = model.coefficients[modelled.count + (perMark ? i : 0)]
        }
        return (beta, gamma)
    }

    /// Schools (distinct levels) a mark needs before it gets a slope of its own.
    static let minimumSchoolsPerSlope = 3

    static func conditioningMark(_ d: JournalDirection, vpr: Int, journal: Int) -> Int {
        d == .lowered ? vpr : journal
    }

    static func holds(_ d: JournalDirection, vpr: Int, journal: Int) -> Bool {
        switch d {
        case .raised: return vpr > journal
        case .lowered: return vpr < journal
        case .matched: return vpr == journal
        }
    }

    /// Expected probability of a direction for one student of a unit at `level`.
    func expected(_ d: JournalDirection, vpr: Int, journal: Int, level: Double) -> Double {
        let m = Self.conditioningMark(d, vpr: vpr, journal: journal) - 2
        if let rate = fixed[d]![m] { return rate }
        return 1 / (1 + exp(-(intercepts[d]![m] + slopes[d]![m] * level)))
    }
}
