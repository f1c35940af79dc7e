import VPRAnalysis

/// One school's primary scores on one work as a histogram: the observed counts, what `BOUNDARY` expected
/// without pulling (its counterfactual), the region's distribution, and the scale's mark boundaries.
public struct ScoreHistogram: Sendable {
    public var schoolID: String
    public var work: Work
    public var scale: MarkScale
    public var participants: Int
    /// Share of the school's participants per primary score 0…max.
    public var observed: [Double]
    /// Share expected per score without pulling, when `BOUNDARY` tested this school's work.
    public var counterfactual: [Double]?
    /// Share of the region's participants per score.
    public var region: [Double]
}

/// The funnel plot of one work: each school's share of marks 4–5 against its number of participants,
/// with the `HIGH` control limits (95 % and 99,8 %) of ordinary schools.
public struct FunnelPlot: Sendable {
    public struct Point: Sendable {
        public var schoolID: String
        public var participants: Int
        public var share: Double
        public var advancedStudy: Bool
        public var riskGroup: Bool
        /// Above the school's own 99,8 % limit.
        public var aboveOuterLimit: Bool
    }
    public struct Limit: Sendable {
        public var participants: Int
        public var inner: Double
        public var outer: Double
    }
    public var work: Work
    /// The region's expected share for an ordinary school.
    public var target: Double
    public var points: [Point]
    /// Limits at each school size present, ascending.
    public var limits: [Limit]
}

/// One stacked bar of the journal comparison: how many students' VPR marks were below, equal to or above
/// their journal marks.
public struct JournalBar: Sendable {
    public enum Kind: Sendable { case region, school, highlightedSchool, classGroup }
    public var label: String
    public var kind: Kind
    public var lowered: Int
    public var confirmed: Int
    public var raised: Int
    public var total: Int { lowered + confirmed + raised }
}

/// Task success by level (Б, П, В) of a school against the region, with `INVERSION`'s figures when tested.
public struct LevelComparison: Sendable {
    public struct Row: Sendable {
        public var level: TaskLevel
        public var school: Double
        public var region: Double
    }
    public var work: Work
    public var rows: [Row]
    /// `INVERSION`'s test of the school's work, when there is one.
    public var inversion: IndicatorTest?
}

extension ReportModel {
    /// The scale of a work as the run used it.
    public func scale(of work: Work) -> MarkScale? {
        analysis.works.first { $0.work == work }?.scale
    }

    /// The school's `BOUNDARY` test of one work, when the indicator ran.
    public func boundaryTest(_ schoolID: String, _ work: Work) -> IndicatorTest? {
        analysis.test(.boundary, school: schoolID, scope: .schoolWork, work: work)
    }

    /// The histogram of a school's work: counts from `BOUNDARY`'s series when present, else from the tallies.
    public func scoreHistogram(_ schoolID: String, _ work: Work, tallies: ReportTallies) -> ScoreHistogram? {
        guard let scale = scale(of: work), let own = tallies.school(schoolID, work) else { return nil }
        let size = scale.maxScore + 1
        func shares(_ counts: [Double]) -> [Double] {
            let total = counts.reduce(0, +)
            var s = counts.prefix(size).map { total > 0 ? $0 / total : 0 }
            if s.count < size { s += [Double](repeating: 0, count: size - s.count) }
            return s
        }
        let test = boundaryTest(schoolID, work)
        let observedCounts = test?.series["observed"] ?? own.scores.map(Double.init)
        let n = observedCounts.reduce(0, +)
        let counterfactual = test?.series["counterfactual"].map { c -> [Double] in
            var s = c.prefix(size).map { n > 0 ? $0 / n : 0 }
            if s.count < size { s += [Double](repeating: 0, count: size - s.count) }
            return s
        }
        return ScoreHistogram(schoolID: schoolID, work: work, scale: scale, participants: Int(n.rounded()),
                              observed: shares(observedCounts), counterfactual: counterfactual,
                              region: shares((tallies.region[work]?.scores ?? []).map(Double.init)))
    }

    /// Works whose histogram a risk-group school's section shows: its flagged works that `BOUNDARY` tested.
    public func flaggedBoundaryWorks(_ s: SchoolAssessment) -> [Work] {
        s.flaggedWorks.filter { boundaryTest(s.school.id, $0)?.series["observed"] != nil }
    }

    /// The funnel plot of a work from the `HIGH` tests of the share of marks 4–5, when the indicator ran.
    public func funnelPlot(_ work: Work) -> FunnelPlot? {
        let tests = analysis.tests.filter {
            $0.code == .high && $0.scope == .schoolWork && $0.direction == "marks45" && $0.work == work && $0.participants > 0
        }
        guard !tests.isEmpty else { return nil }
        let risk = Set(analysis.riskGroup.map(\.school.id))
        let points = tests.compactMap { t -> FunnelPlot.Point? in
            guard let share = t.figure("school_value"), share.isFinite else { return nil }
            let outer = t.figure("limit_998") ?? .nan
            return FunnelPlot.Point(schoolID: t.schoolID, participants: t.participants, share: share,
                                    advancedStudy: t.figure("advanced_study") == 1, riskGroup: risk.contains(t.schoolID),
                                    aboveOuterLimit: t.eligible && outer.isFinite && share > outer)
        }.sorted { ($0.participants, $0.schoolID) < ($1.participants, $1.schoolID) }
        let ordinary = tests.filter { $0.eligible && $0.figure("advanced_study") != 1 }
        var bySize: [Int: FunnelPlot.Limit] = [:]
        for t in ordinary {
            guard let inner = t.figure("limit_95"), let outer = t.figure("limit_998"), inner.isFinite, outer.isFinite
            else { continue }
            bySize[t.participants] = bySize[t.participants] ?? FunnelPlot.Limit(participants: t.participants, inner: inner, outer: outer)
        }
        let target = ordinary.compactMap { $0.figure("region_target") }.first { $0.isFinite } ?? .nan
        return FunnelPlot(work: work, target: target, points: points,
                          limits: bySize.keys.sorted().map { bySize[$0]! })
    }

    /// Journal bars of a work: the region, then every school (from `JOURNAL`'s figures when the indicator ran,
    /// else from the tallies), risk-group schools highlighted.
    public func journalBars(_ work: Work, tallies: ReportTallies, schools: [SchoolAssessment]? = nil) -> [JournalBar] {
        guard let summary = analysis.works.first(where: { $0.work == work }) else { return [] }
        var bars = [JournalBar(label: "Регион", kind: .region, lowered: summary.journal.lowered,
                               confirmed: summary.journal.confirmed, raised: summary.journal.raised)]
        for s in schools ?? analysis.schools {
            guard let bar = journalBar(s, work, tallies: tallies) else { continue }
            bars.append(bar)
        }
        return bars
    }

    func journalBar(_ s: SchoolAssessment, _ work: Work, tallies: ReportTallies) -> JournalBar? {
        let kind: JournalBar.Kind = s.riskGroup ? .highlightedSchool : .school
        if let t = analysis.test(.journal, school: s.school.id, scope: .schoolWork, work: work), let l = t.figure("lowered"), let c = t.figure("confirmed"), let r = t.figure("raised") {
            return JournalBar(label: s.school.id, kind: kind, lowered: Int(l), confirmed: Int(c), raised: Int(r))
        }
        guard let j = tallies.school(s.school.id, work)?.journal, j.total > 0 else { return nil }
        return JournalBar(label: s.school.id, kind: kind, lowered: j.lowered, confirmed: j.confirmed, raised: j.raised)
    }

    /// The class-level `JOURNAL` tests of a school's work, one per class and direction, by class label.
    public func classJournalTests(_ schoolID: String, _ work: Work) -> [String: [IndicatorTest]] {
        Dictionary(grouping: analysis.tests(of: schoolID).filter {
            $0.code == .journal && $0.scope == .classGroup && $0.work == work && $0.classLabel != nil
        }, by: { $0.classLabel! })
    }

    /// A school's bar, its classes' bars and the region's bar for one work.
    public func classJournalBars(_ s: SchoolAssessment, _ work: Work, tallies: ReportTallies) -> [JournalBar] {
        var bars = journalBars(work, tallies: tallies, schools: [s])
        let byClass = classJournalTests(s.school.id, work)
        for label in byClass.keys.sorted() {
            guard let t = byClass[label]!.first, let l = t.figure("lowered"), let c = t.figure("confirmed"),
                  let r = t.figure("raised") else { continue }
            bars.append(JournalBar(label: label, kind: .classGroup, lowered: Int(l), confirmed: Int(c), raised: Int(r)))
        }
        return bars
    }

    /// Task success by level of a school's work against the region, when the work's tasks carry levels.
    public func levelComparison(_ schoolID: String, _ work: Work, tallies: ReportTallies) -> LevelComparison? {
        guard let own = tallies.school(schoolID, work), let region = tallies.region[work] else { return nil }
        let rows = TaskLevel.allCases.compactMap { level -> LevelComparison.Row? in
            guard let s = own.levelSuccess(level), let r = region.levelSuccess(level) else { return nil }
            return LevelComparison.Row(level: level, school: s, region: r)
        }
        guard !rows.isEmpty else { return nil }
        let inversion = analysis.test(.inversion, school: schoolID, scope: .schoolWork, work: work)
        return LevelComparison(work: work, rows: rows, inversion: inversion)
    }

    /// Flagged works of a risk-group school that `INVERSION` tested.
    public func inversionWorks(_ s: SchoolAssessment) -> [Work] {
        s.flaggedWorks.filter { w in
            analysis.test(.inversion, school: s.school.id, scope: .schoolWork, work: w) != nil
        }
    }
}
