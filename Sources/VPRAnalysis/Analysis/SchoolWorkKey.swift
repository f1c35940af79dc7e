/// Identifies the results of one school on one work.
public struct SchoolWorkKey: Hashable, Comparable, Sendable, Codable {
    public var schoolID: String
    public var work: Work

    public init(schoolID: String, work: Work) {
        self.schoolID = schoolID
        self.work = work
    }

    public static func < (lhs: SchoolWorkKey, rhs: SchoolWorkKey) -> Bool {
        (lhs.schoolID, lhs.work) < (rhs.schoolID, rhs.work)
    }
}
