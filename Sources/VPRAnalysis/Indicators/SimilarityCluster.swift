/// A group of students of one class whose task-score profiles are near-identical beyond chance: students joined
/// by a pair or a «star» (a student and their k most similar classmates) significant at
/// `SimilarityConfig.clusterAlpha` after the class's corrections. Identified by participant codes only.
public struct SimilarityCluster: Hashable, Sendable, Codable {
    public var schoolID: String
    public var work: Work
    public var classLabel: String
    /// Participant codes (never names), sorted.
    public var participantCodes: [String]
    /// The smallest pair p-value inside the group.
    public var strongestPairPValue: Double
    /// The fewest and the most tasks with equal scores over the pairs of the group, and the number of tasks of the work.
    public var fewestMatchedTasks: Int
    public var mostMatchedTasks: Int
    public var taskCount: Int

    public init(schoolID: String, work: Work, classLabel: String, participantCodes: [String],
                strongestPairPValue: Double, fewestMatchedTasks: Int, mostMatchedTasks: Int, taskCount: Int) {
        self.schoolID = schoolID
        self.work = work
        self.classLabel = classLabel
        self.participantCodes = participantCodes
        self.strongestPairPValue = strongestPairPValue
        self.fewestMatchedTasks = fewestMatchedTasks
        self.mostMatchedTasks = mostMatchedTasks
        self.taskCount = taskCount
    }

    public var size: Int { participantCodes.count }

    /// «класс 5А: 10023, 10031, 10040 (совпадение по 12–13 из 13 заданий)».
    public var russianDescription: String {
        let range = fewestMatchedTasks == taskCount ? "\(taskCount)" : "\(fewestMatchedTasks)–\(taskCount)"
        return "класс \(classLabel): \(participantCodes.joined(separator: ", ")) "
            + "(совпадение баллов по \(range) из \(taskCount) заданий)"
    }
}
