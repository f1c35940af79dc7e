// Reference values from numpy 2 (the Python call follows each literal).
import XCTest
@testable import VPRAnalysis

/// The mean and spread of scores given as counts per score are those of the scores written out one by one.
final class StatisticsHistogramMomentsTests: XCTestCase {
    func testTheMomentsOfCountsAreThoseOfTheValuesWrittenOut() {
        let counts = [3, 0, 5, 7, 2, 0, 1]
        assertReferenceValue(Descriptive.histogramMean(counts), 2.5, relative: 1e-15)
            // h=[3,0,5,7,2,0,1]; np.mean(np.repeat(range(len(h)), h))
        assertReferenceValue(Descriptive.histogramVariance(counts), 2.264705882352941, relative: 1e-14)
            // np.var(np.repeat(range(len(h)), h), ddof=1)
        assertReferenceValue(Descriptive.histogramStandardDeviation(counts), 1.5048939771136507, relative: 1e-14)
            // np.std(np.repeat(range(len(h)), h), ddof=1)
        let values = counts.enumerated().flatMap { [Double](repeating: Double($0.offset), count: $0.element) }
        XCTAssertEqual(Descriptive.histogramVariance(counts), Descriptive.variance(values), accuracy: 1e-14)
    }

    func testOneRepeatedValueHasNoSpreadAndTooFewValuesHaveNone() {
        XCTAssertEqual(Descriptive.histogramMean([0, 0, 0, 4]), 3)       // np.mean([3, 3, 3, 3])
        XCTAssertEqual(Descriptive.histogramVariance([0, 0, 0, 4]), 0)   // np.var([3, 3, 3, 3], ddof=1)
        XCTAssertTrue(Descriptive.histogramMean([0, 0]).isNaN)
        XCTAssertTrue(Descriptive.histogramVariance([0, 1]).isNaN)
    }
}
