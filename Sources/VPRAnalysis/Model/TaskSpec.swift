/// One task of a work: its identifier (`1`, `9.1`, `К1`), maximum points and level.
public struct TaskSpec: Hashable, Sendable, Codable {
    public var id: String
    public var maxPoints: Int
    public var level: TaskLevel?

    public init(id: String, maxPoints: Int, level: TaskLevel? = nil) {
        self.id = id
        self.maxPoints = maxPoints
        self.level = level
    }
}
