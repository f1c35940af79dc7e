/// The split of a work's tasks into basic (Б) and harder (П and В) ones, and each student's points on both.
/// Works without at least one basic and one harder task have no profile.
struct TaskLevelProfile: Sendable {
    /// Indices into `WorkSpec.tasks` of basic tasks and of advanced or high tasks.
    var basicTasks: [Int]
    var harderTasks: [Int]
    var basicMax: Int
    var harderMax: Int

    init?(spec: WorkSpec) {
        var basic: [Int] = [], harder: [Int] = []
        for (i, task) in spec.tasks.enumerated() {
            switch task.level {
            case .basic?: basic.append(i)
            case .advanced?, .high?: harder.append(i)
            case nil: continue
            }
        }
        let basicMax = basic.reduce(0) { $0 + spec.tasks[$1].maxPoints }
        let harderMax = harder.reduce(0) { $0 + spec.tasks[$1].maxPoints }
        guard basicMax > 0, harderMax > 0 else { return nil }
        self.basicTasks = basic
        self.harderTasks = harder
        self.basicMax = basicMax
        self.harderMax = harderMax
    }

    var maxTotal: Int { basicMax + harderMax }

    /// A student's total on leveled tasks and success rates on basic and on harder tasks, each the mean over
    /// the tasks of the share of the task's points earned (every task weighs the same, so one long dictation
    /// does not stand for the whole level); nil when any leveled task score is missing.
    func profile(_ result: StudentResult, tasks: [TaskSpec]) -> (total: Int, basic: Double, harder: Double)? {
        var total = 0, b = 0.0, h = 0.0
        for i in basicTasks {
            guard i < result.taskScores.count, let s = result.taskScores[i] else { return nil }
            total += s
            b += Double(s) / Double(max(tasks[i].maxPoints, 1))
        }
        for i in harderTasks {
            guard i < result.taskScores.count, let s = result.taskScores[i] else { return nil }
            total += s
            h += Double(s) / Double(max(tasks[i].maxPoints, 1))
        }
        return (min(total, maxTotal), b / Double(basicTasks.count), h / Double(harderTasks.count))
    }
}
