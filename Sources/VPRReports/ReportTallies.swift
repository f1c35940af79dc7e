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

    init(_ model: ReportModel) {
        guard let dataset = model.ingest.dataset else { self.init(); return }
        self.init(dataset)
    }

    /// One pass over the rows fills a counter per (school, work), found by the rows' school and work positions;
    /// municipalities and the region add up their schools' counters.
    init(_ dataset: Dataset) {
        let results = dataset.results
        let schoolIDs = results.distinctSchoolIDs, works = results.distinctWorks
        var slots: [Int: Int] = [:]
        var keys: [(school: Int, work: Int)] = [], counters: [TallyAccumulator] = []
        var lastKey = -1, slot = -1
        for i in results.indices {
            let school = results.schoolPosition(at: i), work = results.workPosition(at: i)
            let key = school * works.count + work
            if key != lastKey {
                if let known = slots[key] { slot = known } else {
                    slot = counters.count
                    slots[key] = slot
                    keys.append((school, work))
                    counters.append(TallyAccumulator())
                }
                lastKey = key
            }
            counters[slot].add(row: i, of: results)
        }
        var municipalityOf: [String: String] = [:]
        for (key, counter) in zip(keys, counters) {
            let schoolID = schoolIDs[key.school], work = works[key.work]
            let tally = counter.tally(schoolID: schoolID, spec: dataset.works[work])
            let municipality: String
            if let m = municipalityOf[schoolID] { municipality = m } else {
                municipality = dataset.school(schoolID).municipality
                municipalityOf[schoolID] = municipality
            }
            bySchool[Key(id: schoolID, work: work)] = tally
            byMunicipality[Key(id: municipality, work: work), default: ResultTally()].merge(tally)
            region[work, default: ResultTally()].merge(tally)
        }
        municipalities = Set(municipalityOf.values).sorted { a, b in
            a.isEmpty != b.isEmpty ? !a.isEmpty : a < b
        }
    }

    public func school(_ id: String, _ work: Work) -> ResultTally? { bySchool[Key(id: id, work: work)] }
    public func municipality(_ name: String, _ work: Work) -> ResultTally? { byMunicipality[Key(id: name, work: work)] }
}
