/// The validated dataset grouped the ways indicators need it, plus the run's configuration.
/// Built once per run; every group is in a deterministic order.
public struct AnalysisContext: Sendable {
    public let dataset: Dataset
    public let config: AnalysisConfig
    /// Works present in the results, sorted.
    public let works: [Work]
    /// School ids present in the results, sorted.
    public let schoolIDs: [String]
    /// Indices into `dataset.results` per (school, work), keys sorted.
    public let groups: [SchoolWorkKey: [Int]]
    public let groupKeys: [SchoolWorkKey]
    private let keysByWork: [Work: [SchoolWorkKey]]
    private let keysBySchool: [String: [SchoolWorkKey]]

    public init(dataset: Dataset, config: AnalysisConfig) {
        self.dataset = dataset
        self.config = config
        var groups: [SchoolWorkKey: [Int]] = [:]
        for (index, result) in dataset.results.enumerated() {
            groups[SchoolWorkKey(schoolID: result.schoolID, work: result.work), default: []].append(index)
        }
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
    }

    /// The results of one school on one work.
    public func results(_ key: SchoolWorkKey) -> [StudentResult] {
        (groups[key] ?? []).map { dataset.results[$0] }
    }

    /// Keys of one work, sorted by school.
    public func keys(of work: Work) -> [SchoolWorkKey] { keysByWork[work] ?? [] }

    /// Keys of one school, sorted by work.
    public func keys(ofSchool schoolID: String) -> [SchoolWorkKey] { keysBySchool[schoolID] ?? [] }

    /// The scale of a work (every work in the results has one: ingest guarantees it).
    public func scale(_ work: Work) -> MarkScale {
        guard let spec = dataset.works[work] else {
            preconditionFailure("work \(work) has results but no scale")
        }
        return spec.scale
    }

    /// Primary-score histogram 0…max of a set of results.
    public func histogram(_ results: [StudentResult], work: Work) -> [Int] {
        var counts = [Int](repeating: 0, count: scale(work).maxScore + 1)
        for r in results where r.primaryScore >= 0 && r.primaryScore < counts.count {
            counts[r.primaryScore] += 1
        }
        return counts
    }
}
