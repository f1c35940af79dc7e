/// Validated input of one run: works with their scales and tasks, schools, and student results.
public struct Dataset: Sendable {
    public var works: [Work: WorkSpec]
    public var schools: [String: School]
    public var results: [StudentResult]

    public init(works: [Work: WorkSpec] = [:], schools: [String: School] = [:], results: [StudentResult] = []) {
        self.works = works
        self.schools = schools
        self.results = results
    }

    /// The school record for an id, or a bare one when `schools.csv` did not describe it.
    public func school(_ id: String) -> School { schools[id] ?? School(id: id) }
}
