/// Counts of how VPR marks compare with journal (term) marks for a set of students,
/// as ФИС ОКО reports them: lowered (VPR below journal), confirmed, raised (VPR above journal).
public struct JournalComparison: Hashable, Sendable, Codable {
    public var lowered = 0
    public var confirmed = 0
    public var raised = 0
    /// Sum of (VPR mark − journal mark).
    public var differenceSum = 0
    /// 4 × 4 table of journal mark (rows, 2…5) by VPR mark (columns, 2…5).
    public var table = [[Int]](repeating: [Int](repeating: 0, count: 4), count: 4)

    public init() {}

    /// Compares every student in `results` who has a journal mark.
    public init<S: Sequence>(_ results: S) where S.Element == StudentResult {
        for r in results { add(r) }
    }

    public mutating func add(_ r: StudentResult) { add(mark: r.mark, journalMark: r.journalMark) }

    /// Counts one student's pair of marks; a pair without both marks 2…5 is not compared.
    public mutating func add(mark: Int, journalMark: Int?) {
        guard let journal = journalMark, (2...5).contains(journal), (2...5).contains(mark) else { return }
        if mark < journal { lowered += 1 } else if mark > journal { raised += 1 } else { confirmed += 1 }
        differenceSum += mark - journal
        table[journal - 2][mark - 2] += 1
    }

    public static func + (a: JournalComparison, b: JournalComparison) -> JournalComparison {
        var c = a
        c.lowered += b.lowered; c.confirmed += b.confirmed; c.raised += b.raised
        c.differenceSum += b.differenceSum
        for i in 0..<4 { for j in 0..<4 { c.table[i][j] += b.table[i][j] } }
        return c
    }

    /// Students with both marks.
    public var total: Int { lowered + confirmed + raised }
    public var meanDifference: Double { total > 0 ? Double(differenceSum) / Double(total) : .nan }

    /// The count of one direction.
    public func count(_ direction: JournalDirection) -> Int {
        switch direction {
        case .raised: return raised
        case .lowered: return lowered
        case .matched: return confirmed
        }
    }
}

/// The three signs the journal comparison can show.
public enum JournalDirection: String, Sendable, Codable, CaseIterable {
    /// VPR marks above journal marks: help during the test.
    case raised
    /// VPR marks below journal marks: inflated term marks.
    case lowered
    /// Near-total agreement: VPR marks bent to match the journal.
    case matched

    public var category: RiskCategory { self == .lowered ? .internal : .vpr }

    /// What ФИС ОКО calls the share.
    public var russianShare: String {
        switch self {
        case .raised: return "доля повысивших отметку (отметка ВПР выше отметки по журналу)"
        case .lowered: return "доля понизивших отметку (отметка ВПР ниже отметки по журналу)"
        case .matched: return "доля подтвердивших отметку по журналу"
        }
    }
}
