import VPRAnalysis

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

    /// From the run's counts of each (school, work); a model assembled without a run counts its dataset.
    init(_ model: ReportModel) {
        guard let dataset = model.ingest.dataset else { self.init(); return }
        if model.analysis.tallies.isEmpty { self.init(dataset) } else { self.init(model.analysis.tallies, dataset: dataset) }
    }

    /// Counts every (school, work) of a dataset as the run does (`AnalysisContext.tallies`).
    init(_ dataset: Dataset) {
        self.init(AnalysisContext(dataset: dataset, config: AnalysisConfig()).tallies, dataset: dataset)
    }

    /// Municipalities and the region add up their schools' counts.
    init(_ tallies: [SchoolWorkKey: ResultTally], dataset: Dataset) {
        var municipalityOf: [String: String] = [:]
        for key in tallies.keys.sorted() {
            let tally = tallies[key]!
            let municipality: String
            if let m = municipalityOf[key.schoolID] { municipality = m } else {
                municipality = dataset.school(key.schoolID).municipality
                municipalityOf[key.schoolID] = municipality
            }
            bySchool[Key(id: key.schoolID, work: key.work)] = tally
            byMunicipality[Key(id: municipality, work: key.work), default: ResultTally()].merge(tally)
            region[key.work, default: ResultTally()].merge(tally)
        }
        municipalities = Set(municipalityOf.values).sorted { a, b in
            a.isEmpty != b.isEmpty ? !a.isEmpty : a < b
        }
    }

    public func school(_ id: String, _ work: Work) -> ResultTally? { bySchool[Key(id: id, work: work)] }
    public func municipality(_ name: String, _ work: Work) -> ResultTally? { byMunicipality[Key(id: name, work: work)] }
}
