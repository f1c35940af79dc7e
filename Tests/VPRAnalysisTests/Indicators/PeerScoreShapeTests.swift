import XCTest
@testable import VPRAnalysis

/// A school's peers for BOUNDARY are the other schools nearest to it in mean score, nearest first and, at one
/// distance, in the work's key order; found by walking outward from the school's place in the region's order.
final class PeerScoreShapeTests: XCTestCase {
    /// The definition: every other school with a mean, sorted by (distance, index).
    private func bruteForceOrder(_ shape: PeerScoreShape, _ index: Int) -> [Int] {
        guard shape.means[index].isFinite else { return [] }
        return shape.histograms.indices.filter { $0 != index && shape.means[$0].isFinite }
            .sorted { (abs(shape.means[$0] - shape.means[index]), $0) < (abs(shape.means[$1] - shape.means[index]), $1) }
    }

    func testTheWalkOutwardGivesTheOrderOfTheDefinitionWithTiesAndEmptySchools() {
        var rng = TestRandom(seed: 7)
        for round in 0..<20 {
            // Few scores and papers, so that many schools share a mean exactly; some schools have no paper.
            let schools = 1 + Int(rng.next() % 60)
            let histograms = (0..<schools).map { _ -> [Int] in
                if rng.bernoulli(0.1) { return [0, 0, 0, 0] }
                return (0..<4).map { _ in Int(rng.next() % 3) }
            }
            let shape = PeerScoreShape(histograms: histograms)
            for i in 0..<schools {
                XCTAssertEqual(Array(shape.nearest(to: i)), bruteForceOrder(shape, i), "round \(round), school \(i)")
            }
        }
    }

    func testPeersStopOnceTheyHoldEnoughPapersFromEnoughSchools() {
        // Means 1, 1, 2, 3 and 0 (the first school's own mean is 1).
        let shape = PeerScoreShape(histograms: [[0, 4, 0, 0], [0, 2, 0, 0], [0, 0, 3, 0], [0, 0, 0, 5], [6, 0, 0, 0]])
        XCTAssertEqual(shape.peers(of: 0, minPapers: 4, minSchools: 2), [0, 2, 3, 0])
        // At distance 1 from the first school are the schools with means 2 and 0: index order decides.
        XCTAssertEqual(shape.peers(of: 0, minPapers: 10, minSchools: 3), [6, 2, 3, 0])
        XCTAssertNil(shape.peers(of: 0, minPapers: 100, minSchools: 1))
    }
}
