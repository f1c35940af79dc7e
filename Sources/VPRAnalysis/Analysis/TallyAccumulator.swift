/// The counts of one school's work gathered row by row from the fields of a `ResultTable`, without rebuilding
/// rows: task points are summed per task and turned into points per level once, at the end.
struct TallyAccumulator {
    private var tally = ResultTally()
    /// Per task (in the work's order): the points scored and the number of papers with a score.
    private var taskPoints: [Int] = []
    private var taskScored: [Int] = []

    mutating func add(row i: Int, of results: ResultTable) {
        tally.participants += 1
        let mark = results.mark(at: i)
        if (2...5).contains(mark) { tally.marks[mark - 2] += 1 }
        let score = results.primaryScore(at: i)
        if score >= 0 {
            if tally.scores.count <= score {
                tally.scores += [Int](repeating: 0, count: score + 1 - tally.scores.count)
            }
            tally.scores[score] += 1
        }
        tally.journal.add(mark: mark, journalMark: results.journalMark(at: i))
        let tasks = results.taskCount(at: i)
        if taskPoints.count < tasks {
            taskPoints += [Int](repeating: 0, count: tasks - taskPoints.count)
            taskScored += [Int](repeating: 0, count: tasks - taskScored.count)
        }
        for t in 0..<tasks {
            guard let points = results.taskScore(at: i, task: t) else { continue }
            taskPoints[t] += points
            taskScored[t] += 1
        }
    }

    /// The tally of the school `schoolID`; points per level need the work's tasks (`spec`).
    func tally(schoolID: String, spec: WorkSpec?) -> ResultTally {
        var tally = self.tally
        tally.schools = [schoolID]
        guard let spec else { return tally }
        for (t, task) in spec.tasks.prefix(taskPoints.count).enumerated() where taskScored[t] > 0 {
            guard let level = task.level else { continue }
            let old = tally.levelPoints[level] ?? (0, 0)
            tally.levelPoints[level] = (old.scored + taskPoints[t], old.possible + taskScored[t] * task.maxPoints)
        }
        return tally
    }
}
