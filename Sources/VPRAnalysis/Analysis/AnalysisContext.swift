import Foundation

/// The validated dataset grouped the ways indicators need it, plus the run's configuration.
/// Built once per run; every group is in a deterministic order.
public struct AnalysisContext: Sendable {
    public let dataset: Dataset
    public let config: AnalysisConfig
    /// Works present in the results, sorted.
    public let works: [Work]
    /// School ids present in the results, sorted.
    public let schoolIDs: [String]
    /// The range of `dataset.results` per (school, work): each school's work is one contiguous run of rows.
    public let groups: [SchoolWorkKey: Range<Int>]
    public let groupKeys: [SchoolWorkKey]
    /// The counts of every (school, work): marks, primary-score histogram, journal comparison, points by task
    /// level. Counted once, on both cores; indicators that need only counts read these, not the rows.
    public let tallies: [SchoolWorkKey: ResultTally]
    private let keysByWork: [Work: [SchoolWorkKey]]
    private let keysBySchool: [String: [SchoolWorkKey]]

    /// Takes the dataset as it is when each (school, work) is already one run of rows (exports come so);
    /// otherwise regroups a copy, keeping the order of the rows within each group.
    public init(dataset: Dataset, config: AnalysisConfig) {
        var dataset = dataset
        var runs = Self.runs(dataset.results)
        if runs == nil {
            dataset.results = Self.regrouped(dataset.results)
            runs = Self.runs(dataset.results)
        }
        self.dataset = dataset
        self.config = config
        let groups = runs!
        self.groups = groups
        self.groupKeys = groups.keys.sorted()
        var byWork: [Work: [SchoolWorkKey]] = [:], bySchool: [String: [SchoolWorkKey]] = [:]
        for key in groupKeys {
            byWork[key.work, default: []].append(key)
            bySchool[key.schoolID, default: []].append(key)
        }
        self.keysByWork = byWork
        self.keysBySchool = bySchool
        self.works = Set(groupKeys.map(\.work)).sorted()
        self.schoolIDs = Set(groupKeys.map(\.schoolID)).sorted()
        self.tallies = Self.tallies(dataset, keys: groupKeys, groups: groups)
    }

    /// Counts each key's run of rows, the keys split into chunks counted in parallel.
    static func tallies(_ dataset: Dataset, keys: [SchoolWorkKey], groups: [SchoolWorkKey: Range<Int>])
        -> [SchoolWorkKey: ResultTally] {
        let results = dataset.results
        let chunkCount = min(keys.count, 64)
        guard chunkCount > 0 else { return [:] }
        let slots = ResultSlots<[ResultTally]>(count: chunkCount)
        DispatchQueue.concurrentPerform(iterations: chunkCount) { c in
            let chunk = (keys.count * c / chunkCount)..<(keys.count * (c + 1) / chunkCount)
            slots.set(c, keys[chunk].map { key in
                var counter = TallyAccumulator()
                for i in groups[key]! { counter.add(row: i, of: results) }
                return counter.tally(schoolID: key.schoolID, spec: dataset.works[key.work])
            })
        }
        var tallies: [SchoolWorkKey: ResultTally] = Dictionary(minimumCapacity: keys.count)
        for (key, tally) in zip(keys, slots.take().lazy.flatMap { $0! }) { tallies[key] = tally }
        return tallies
    }

    /// The counts of one school's work (empty when the school did not write it).
    public func tally(_ key: SchoolWorkKey) -> ResultTally { tallies[key] ?? ResultTally() }

    /// The run of rows of every key, or nil when some key's rows are not one run.
    static func runs(_ results: ResultTable) -> [SchoolWorkKey: Range<Int>]? {
        var runs: [SchoolWorkKey: Range<Int>] = [:]
        var start = 0
        while start < results.count {
            let first = results[start]
            var end = start + 1
            while end < results.count && results.sameSchoolWork(end, start) { end += 1 }
            let key = SchoolWorkKey(schoolID: first.schoolID, work: first.work)
            guard runs[key] == nil else { return nil }
            runs[key] = start..<end
            start = end
        }
        return runs
    }

    /// The rows grouped by key in the order each key first appears, rows within a key in their order.
    static func regrouped(_ results: ResultTable) -> ResultTable {
        var order: [SchoolWorkKey: Int] = [:]
        var rank = [Int](repeating: 0, count: results.count)
        for (i, r) in results.enumerated() {
            let key = SchoolWorkKey(schoolID: r.schoolID, work: r.work)
            if let k = order[key] { rank[i] = k } else { rank[i] = order.count; order[key] = order.count }
        }
        let permutation = results.indices.sorted { (rank[$0], $0) < (rank[$1], $1) }
        return ResultTable(permutation.lazy.map { results[$0] })
    }

    /// The results of one school on one work, in the order of the input.
    public func results(_ key: SchoolWorkKey) -> ResultRows {
        guard let range = groups[key] else { return dataset.results[0..<0] }
        return dataset.results[range]
    }

    /// Keys of one work, sorted by school.
    public func keys(of work: Work) -> [SchoolWorkKey] { keysByWork[work] ?? [] }

    /// Keys of one work for the given schools only (nil: every school), in the order of `keys(of:)`.
    public func keys(of work: Work, among schools: Set<String>?) -> [SchoolWorkKey] {
        guard let schools else { return keys(of: work) }
        return keys(of: work).filter { schools.contains($0.schoolID) }
    }

    /// Keys of one school, sorted by work.
    public func keys(ofSchool schoolID: String) -> [SchoolWorkKey] { keysBySchool[schoolID] ?? [] }

    /// The scale of a work (every work in the results has one: ingest guarantees it).
    public func scale(_ work: Work) -> MarkScale {
        guard let spec = dataset.works[work] else {
            preconditionFailure("work \(work) has results but no scale")
        }
        return spec.scale
    }

    /// Primary-score histogram 0…max of one school's work, from its counts.
    public func histogram(_ key: SchoolWorkKey) -> [Int] { tally(key).histogram(maxScore: scale(key.work).maxScore) }
}
