import Foundation
import XCTest
@testable import VPRReports

/// `risk-list.csv` and `summary.md` of a district built in code, byte for byte against golden files.
final class ReportsGoldenTests: XCTestCase {
    func testTheBoundaryPullingSchoolIsInTheRiskGroupOfTheFixture() {
        let model = ReportFixture.model()
        XCTAssertEqual(model.analysis.riskGroup.map(\.school.id), ["sch000"],
                       "the fixture must flag exactly the school that pulls boundaries, or the golden files test little")
    }

    func testRiskListCSVMatchesItsGoldenFile() throws {
        try Golden.assertMatches(try RiskListCSVWriter().render(ReportFixture.model()), "risk-list.csv")
    }

    func testSummaryMarkdownMatchesItsGoldenFile() throws {
        try Golden.assertMatches(try SummaryMarkdownWriter().render(ReportFixture.model()), "summary.md")
    }

    func testRejectedRowsCSVMatchesItsGoldenFile() throws {
        try Golden.assertMatches(try RejectedRowsCSVWriter().render(ReportFixture.model()), "rejected-rows.csv")
    }

    func testRenderingTwiceGivesTheSameBytes() throws {
        for writer in OutputFolder.standardWriters {
            XCTAssertEqual(try writer.render(ReportFixture.model()), try writer.render(ReportFixture.model()), writer.fileName)
        }
    }
}
