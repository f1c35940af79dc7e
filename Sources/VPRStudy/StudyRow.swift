/// Counts of one study arm: how many schools of each kind were flagged.
public struct StudyRow: Hashable, Sendable, Codable {
    public var scenario: StudyScenario
    public var units: Int
    public var schoolsPerUnit: Int
    public var honest = 0, honestFlagged = 0
    public var gymnasiums = 0, gymnasiumsFlagged = 0
    public var tiny = 0, tinyFlagged = 0
    public var manipulated = 0, manipulatedFlagged = 0
    public var manipulatedTiny = 0, manipulatedTinyFlagged = 0

    public var falsePositiveRate: Double { honest > 0 ? Double(honestFlagged) / Double(honest) : 0 }
    public var recall: Double { manipulated > 0 ? Double(manipulatedFlagged) / Double(manipulated) : .nan }

    static func + (a: StudyRow, b: StudyRow) -> StudyRow {
        var c = a
        c.units += b.units
        c.honest += b.honest; c.honestFlagged += b.honestFlagged
        c.gymnasiums += b.gymnasiums; c.gymnasiumsFlagged += b.gymnasiumsFlagged
        c.tiny += b.tiny; c.tinyFlagged += b.tinyFlagged
        c.manipulated += b.manipulated; c.manipulatedFlagged += b.manipulatedFlagged
        c.manipulatedTiny += b.manipulatedTiny; c.manipulatedTinyFlagged += b.manipulatedTinyFlagged
        return c
    }
}
