/// Everything known about a work before any student is read: its scale and its tasks.
public struct WorkSpec: Hashable, Sendable, Codable {
    public var work: Work
    public var scale: MarkScale
    /// Tasks in the order of the results file's task columns (may be empty).
    public var tasks: [TaskSpec]

    public init(work: Work, scale: MarkScale, tasks: [TaskSpec] = []) {
        self.work = work
        self.scale = scale
        self.tasks = tasks
    }
}
