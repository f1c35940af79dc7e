/// The numbers of a paper that the journal and score indicators read: its primary score and its two marks,
/// without the texts and task scores a `StudentResult` carries. `ResultTable.markRecord(at:)` reads one without
/// rebuilding the row.
public struct MarkRecord: Sendable, Equatable, MarkFields {
    public var primaryScore: Int
    public var mark: Int
    public var journalMark: Int?

    public init(primaryScore: Int, mark: Int, journalMark: Int?) {
        self.primaryScore = primaryScore
        self.mark = mark
        self.journalMark = journalMark
    }
}

/// A paper's primary score and marks, as both `StudentResult` and `MarkRecord` give them.
public protocol MarkFields {
    var primaryScore: Int { get }
    var mark: Int { get }
    var journalMark: Int? { get }
}

extension StudentResult: MarkFields {}

extension ResultTable {
    public func markRecord(at i: Int) -> MarkRecord {
        MarkRecord(primaryScore: primaryScore(at: i), mark: mark(at: i), journalMark: journalMark(at: i))
    }
}

extension Slice where Base == ResultTable {
    /// Every row's primary score and marks, in order, read without rebuilding the rows.
    public var markRecords: LazyMapSequence<Range<Int>, MarkRecord> {
        let table = base
        return (startIndex..<endIndex).lazy.map { table.markRecord(at: $0) }
    }
}
