/// The task scores of one paper in the order of its work's `WorkSpec.tasks`, two bytes per task (nil where the
/// score is missing). A national run holds millions of papers; `[Int?]` took 16 bytes per task.
public struct TaskScores: Hashable, Sendable, RandomAccessCollection, MutableCollection, ExpressibleByArrayLiteral {
    /// The largest score a task can hold; ingest rejects a larger one.
    public static let maximumScore = Int(UInt16.max) - 1
    static let missing = UInt16.max

    private var storage: [UInt16]

    public init<S: Sequence>(_ scores: S) where S.Element == Int? {
        storage = scores.map { Self.encode($0) }
    }

    public init(arrayLiteral scores: Int?...) { self.init(scores) }

    /// Scores as `encoded` gives them, for a table that stores many papers' scores in one buffer.
    init(encoded: ArraySlice<UInt16>) { storage = Array(encoded) }

    /// The two-byte form: the score, or `UInt16.max` where it is missing.
    var encoded: [UInt16] { storage }

    public var startIndex: Int { 0 }
    public var endIndex: Int { storage.count }

    public subscript(position: Int) -> Int? {
        get {
            let raw = storage[position]
            return raw == Self.missing ? nil : Int(raw)
        }
        set { storage[position] = Self.encode(newValue) }
    }

    private static func encode(_ score: Int?) -> UInt16 {
        guard let score else { return missing }
        precondition((0...maximumScore).contains(score), "task score \(score) out of range")
        return UInt16(score)
    }
}
