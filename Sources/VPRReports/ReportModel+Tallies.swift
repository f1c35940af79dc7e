import VPRAnalysis

/// Counts of one group of results (a school's work, a municipality's work, the region's work) as ФИС ОКО
/// tabulates them: participants, marks, the comparison with journal marks, primary scores, points by task level.
public struct ResultTally: Sendable {
    public var participants = 0
    /// Count of marks 2, 3, 4, 5.
    public var marks = [0, 0, 0, 0]
    /// Count of participants per primary score 0…max.
    public var scores: [Int] = []
    public var journal = JournalComparison()
    /// Points scored and points possible on the tasks of each level (Б, П, В), over participants with task scores.
    public var levelPoints: [TaskLevel: (scored: Int, possible: Int)] = [:]
    /// Schools with results in the group.
    public var schools = Set<String>()

    mutating func add(_ r: StudentResult, spec: WorkSpec?) {
        participants += 1
        if (2...5).contains(r.mark) { marks[r.mark - 2] += 1 }
        if r.primaryScore >= 0 {
            if scores.count <= r.primaryScore { scores += [Int](repeating: 0, count: r.primaryScore + 1 - scores.count) }
            scores[r.primaryScore] += 1
        }
        journal.add(r)
        schools.insert(r.schoolID)
        if let spec {
            for (task, score) in zip(spec.tasks, r.taskScores) {
                guard let level = task.level, let score else { continue }
                let old = levelPoints[level] ?? (0, 0)
                levelPoints[level] = (old.scored + score, old.possible + task.maxPoints)
            }
        }
    }

    /// Share of participants with a mark (2…5).
    public func markShare(_ mark: Int) -> Double {
        participants > 0 ? Double(marks[mark - 2]) / Double(participants) : .nan
    }

    /// Share of students with both marks whose VPR mark is below, equal to or above the journal mark.
    public var journalShares: (lowered: Double, confirmed: Double, raised: Double) {
        let n = Double(journal.total)
        guard n > 0 else { return (.nan, .nan, .nan) }
        return (Double(journal.lowered) / n, Double(journal.confirmed) / n, Double(journal.raised) / n)
    }

    /// Share of the possible points of a level that were scored, when the work has tasks of that level.
    public func levelSuccess(_ level: TaskLevel) -> Double? {
        guard let p = levelPoints[level], p.possible > 0 else { return nil }
        return Double(p.scored) / Double(p.possible)
    }
}

/// The results counted once per rendering, by school and work, by municipality and work, and for the region.
public struct ReportTallies: Sendable {
    public struct Key: Hashable, Sendable {
        public var id: String
        public var work: Work
    }

    public var bySchool: [Key: ResultTally] = [:]
    /// Keyed by municipality name («» when unknown).
    public var byMunicipality: [Key: ResultTally] = [:]
    public var region: [Work: ResultTally] = [:]
    /// Municipalities in alphabetical order, «» (unknown) last.
    public var municipalities: [String] = []

    init() {}

    init(_ model: ReportModel) {
        guard let dataset = model.ingest.dataset else { return }
        var municipalityOf: [String: String] = [:]
        for r in dataset.results {
            let spec = dataset.works[r.work]
            let municipality: String
            if let m = municipalityOf[r.schoolID] { municipality = m } else {
                municipality = dataset.school(r.schoolID).municipality
                municipalityOf[r.schoolID] = municipality
            }
            bySchool[Key(id: r.schoolID, work: r.work), default: ResultTally()].add(r, spec: spec)
            byMunicipality[Key(id: municipality, work: r.work), default: ResultTally()].add(r, spec: spec)
            region[r.work, default: ResultTally()].add(r, spec: spec)
        }
        municipalities = Set(municipalityOf.values).sorted { a, b in
            a.isEmpty != b.isEmpty ? !a.isEmpty : a < b
        }
    }

    public func school(_ id: String, _ work: Work) -> ResultTally? { bySchool[Key(id: id, work: work)] }
    public func municipality(_ name: String, _ work: Work) -> ResultTally? { byMunicipality[Key(id: name, work: work)] }
}

extension ReportModel {
    /// The results counted by school, municipality and region for the tables and charts of the reports.
    /// Computed once with the model: every writer reads the same counts.
    public func tallies() -> ReportTallies { cachedTallies }

    /// The decision about a school, when it has results in this run.
    public func assessment(of schoolID: String) -> SchoolAssessment? {
        analysis.schools.first { $0.school.id == schoolID }
    }

    /// Works the school wrote, in the order of the run's works.
    public func works(of schoolID: String, in tallies: ReportTallies) -> [Work] {
        analysis.works.map(\.work).filter { tallies.school(schoolID, $0) != nil }
    }

    /// «Наименование (код)», or the code alone when the name is unknown.
    public func schoolLabel(_ school: School) -> String {
        school.name.isEmpty ? school.id : "\(school.name) (\(school.id))"
    }
}
