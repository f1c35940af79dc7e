import XCTest
@testable import VPRAnalysis

/// Task scores are stored two bytes per task; reading them back gives exactly what was stored, missing included.
final class TaskScoresTests: XCTestCase {
    func testScoresAndMissingScoresReadBackAsStored() {
        let scores: TaskScores = [0, nil, 2, TaskScores.maximumScore, nil]
        XCTAssertEqual(Array(scores), [0, nil, 2, 65534, nil])
        XCTAssertEqual(scores.count, 5)
    }

    func testASetScoreReplacesOnlyItsTask() {
        var scores = TaskScores([1, 1, nil])
        scores[2] = 3
        scores[0] = nil
        XCTAssertEqual(Array(scores), [nil, 1, 3])
    }

    func testEqualVectorsAreEqualAndHashAlike() {
        let a = TaskScores([1, nil, 2]), b: TaskScores = [1, nil, 2]
        XCTAssertEqual(a, b)
        XCTAssertEqual(Set([a, b]).count, 1)
        XCTAssertNotEqual(a, TaskScores([1, 0, 2]))
        XCTAssertTrue(TaskScores([]).isEmpty)
    }
}
