import XCTest
@testable import VPRAnalysis

/// The compact table gives back exactly the results stored in it, and behaves as a value: a copy does not
/// change when the original does.
final class ResultTableTests: XCTestCase {
    private let maths = Work(year: 2025, subject: "Математика", grade: 5)
    private let russian = Work(year: 2025, subject: "Русский язык", grade: 5)

    private func results() -> [StudentResult] {
        [
            StudentResult(work: maths, schoolID: "sch1", classLabel: "5А", studentID: "P-0001", variant: "1",
                          primaryScore: 12, mark: 4, journalMark: 5, gender: "Ж", taskScores: [1, 0, nil, 2],
                          source: SourceLocation(file: "results.csv", line: 2, column: 7)),
            StudentResult(work: maths, schoolID: "sch1", classLabel: "5Б", studentID: "P-0002-with-a-long-code",
                          primaryScore: 0, mark: 2, journalMark: nil, taskScores: [],
                          source: SourceLocation(file: "results.csv", line: 3)),
            StudentResult(work: russian, schoolID: "sch2", classLabel: "5А", studentID: "P-0003", variant: "2",
                          primaryScore: MarkScale.largestMaxScore, mark: 0, journalMark: 3, gender: "М",
                          taskScores: [TaskScores.maximumScore, nil], source: SourceLocation(file: "b.xlsx", line: 0)),
        ]
    }

    func testEveryFieldReadsBackAsStored() {
        let table = ResultTable(results())
        XCTAssertEqual(table.count, 3)
        XCTAssertEqual(Array(table), results())
        XCTAssertEqual(table[1].journalMark, nil)
        XCTAssertEqual(table[1].source.column, nil)
        XCTAssertEqual(table[0].source.column, 7)
        XCTAssertEqual(table.primaryScore(at: 2), MarkScale.largestMaxScore)
        XCTAssertEqual(table.mark(at: 0), 4)
        XCTAssertEqual(table.journalMark(at: 1), nil)
        XCTAssertEqual(table.schoolID(at: 2), "sch2")
        XCTAssertTrue(table.sameSchoolWork(0, 1))
        XCTAssertFalse(table.sameSchoolWork(1, 2))
    }

    func testARowTakesSixtyFourBytesAndNumbersBeyondItsRangeSaturate() {
        XCTAssertEqual(MemoryLayout<ResultTable.Row>.stride, 64)
        // Ingest never stores such numbers (scores above 300, marks outside 0…5 are rejected); a table built by
        // hand keeps the nearest value it can hold rather than wrapping round.
        var absurd = results()[0]
        absurd.primaryScore = 1_000_000_000_000
        absurd.mark = -70_000
        absurd.journalMark = 70_000
        absurd.source = SourceLocation(file: "results.csv", line: 5_000_000_000, column: -1)
        let table = ResultTable([absurd])
        XCTAssertEqual(table.primaryScore(at: 0), Int(Int32.max))
        XCTAssertEqual(table.mark(at: 0), Int(Int16.min))
        XCTAssertEqual(table.journalMark(at: 0), Int(Int16.max))
        XCTAssertEqual(table[0].source.line, Int(Int32.max))
        XCTAssertEqual(table[0].source.column, -1)
    }

    func testSingleFieldsReadAsTheRebuiltRowsGiveThem() {
        let table = ResultTable(results())
        for (i, r) in results().enumerated() {
            XCTAssertEqual(table.work(at: i), r.work)
            XCTAssertEqual(table.classLabel(at: i), r.classLabel)
            XCTAssertEqual(table.distinctSchoolIDs[table.schoolPosition(at: i)], r.schoolID)
            XCTAssertEqual(table.distinctWorks[table.workPosition(at: i)], r.work)
            XCTAssertEqual(table.taskCount(at: i), r.taskScores.count)
            XCTAssertEqual((0..<table.taskCount(at: i)).map { table.taskScore(at: i, task: $0) }, Array(r.taskScores))
            XCTAssertEqual(table.markRecord(at: i),
                           MarkRecord(primaryScore: r.primaryScore, mark: r.mark, journalMark: r.journalMark))
        }
        XCTAssertEqual(table.distinctSchoolIDs, ["sch1", "sch2"])
        XCTAssertEqual(table.distinctWorks, [maths, russian])
        XCTAssertEqual(Array(table[1...].markRecords), [
            MarkRecord(primaryScore: 0, mark: 2, journalMark: nil),
            MarkRecord(primaryScore: MarkScale.largestMaxScore, mark: 0, journalMark: 3),
        ])
    }

    func testParticipantsAreCountedPerSchoolWhateverTheOrderOfTheRows() {
        var table = ResultTable(results() + results() + [results()[2]])
        table.removeSubrange(0..<1)
        XCTAssertEqual(Pipeline.participants(table), ["sch1": 3, "sch2": 3])
        XCTAssertEqual(Pipeline.participants(ResultTable()), [:])
    }

    func testRemappingTaskScoresKeepsTheListedPositionsAndLeavesCopiesAlone() {
        var table = ResultTable(results())
        let copy = table
        table.remapTaskScores { i in i == 0 ? [3, nil, 0, 9] : i == 1 ? nil : [] }
        var expected = results()
        expected[0].taskScores = [2, nil, 1, nil]   // position 9 is past the row's scores: missing
        expected[2].taskScores = []
        XCTAssertEqual(Array(table), expected)
        XCTAssertEqual(Array(copy), results())
        table[1].taskScores = [0, 1, 0]
        expected[1].taskScores = [0, 1, 0]
        XCTAssertEqual(Array(table), expected, "rows stay writable after the remap")
    }

    func testRewritingARowChangesOnlyThatRow() {
        var table = ResultTable(results())
        table[0].taskScores = [2, 2]
        table[0].mark = 5
        table[1].taskScores = [1, 1, 1]
        var expected = results()
        expected[0].taskScores = [2, 2]
        expected[0].mark = 5
        expected[1].taskScores = [1, 1, 1]
        XCTAssertEqual(Array(table), expected)
    }

    func testACopyKeepsItsRowsWhenTheOriginalChanges() {
        var table = ResultTable(results())
        let copy = table
        table[0].taskScores = [0, 0, 0, 0]
        table[2].schoolID = "sch9"
        table.append(results()[0])
        XCTAssertEqual(Array(copy), results())
        XCTAssertEqual(table.count, 4)
        XCTAssertEqual(table[2].schoolID, "sch9")
        XCTAssertEqual(table[0].taskScores, [0, 0, 0, 0])
    }

    func testFilteringAndRemovingGiveTablesOfTheKeptRows() {
        let table = ResultTable(results())
        let kept: ResultTable = table.filter { $0.schoolID == "sch1" }
        XCTAssertEqual(Array(kept), Array(results().prefix(2)))
        var trimmed = table
        trimmed.removeSubrange(0..<1)
        XCTAssertEqual(Array(trimmed), Array(results().suffix(2)))
        XCTAssertEqual(Array(table[1...]), Array(results().suffix(2)))
        XCTAssertNotEqual(kept, table)
        XCTAssertEqual(ResultTable(results()), table)
    }
}
