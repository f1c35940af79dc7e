/// One assessment work: a subject in a grade in a year («Математика 5», 2025).
public struct Work: Hashable, Comparable, Sendable, Codable {
    public var year: Int
    public var subject: String
    public var grade: Int

    public init(year: Int, subject: String, grade: Int) {
        self.year = year
        self.subject = subject
        self.grade = grade
    }

    /// The name a specialist reads: «Математика 5».
    public var title: String { "\(subject) \(grade)" }

    public static func < (lhs: Work, rhs: Work) -> Bool {
        (lhs.year, lhs.subject, lhs.grade) < (rhs.year, rhs.subject, rhs.grade)
    }
}
