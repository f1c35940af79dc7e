import Foundation
import XCTest
@testable import VPRReports

/// `risk-list.csv`, `summary.md`, `results.json` and `rejected-rows.csv` of a district built in code, byte for byte
/// against golden files.
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

    /// `results.json` is written member by member in sorted order (`ResultsJSONWriter.render`); the golden file
    /// catches a member out of its place, which would still be valid JSON.
    func testResultsJSONMatchesItsGoldenFile() throws {
        try Golden.assertMatches(try ResultsJSONWriter().render(ReportFixture.model()), "results.json")
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

/// The rows no writer reads are dropped before the reports are written; every report stays byte for byte the same.
final class ReportsReleaseRowsTests: XCTestCase {
    func testEveryReportIsTheSameWithoutTheRowsOfSchoolsOutsideTheRiskGroup() throws {
        let full = ReportFixture.model()
        var released = full
        released.releaseRows()
        let kept = Set(full.analysis.riskGroup.map(\.school.id))
        XCTAssertFalse(kept.isEmpty)
        XCTAssertLessThan(released.ingest.dataset!.results.count, full.ingest.dataset!.results.count)
        XCTAssertTrue(released.ingest.dataset!.results.allSatisfy { kept.contains($0.schoolID) })
        for writer in OutputFolder.standardWriters {
            XCTAssertEqual(try writer.render(released), try writer.render(full), writer.fileName)
        }
    }

    func testTheRowsOfARequestedDossierSchoolAreKept() throws {
        var model = ReportFixture.model()
        let outside = try XCTUnwrap(model.analysis.schools.first { !$0.riskGroup }?.school.id)
        let before = try XCTUnwrap(SchoolDossierHTMLWriter.writers(school: outside).first).render(model)
        model.releaseRows(keeping: [outside])
        XCTAssertTrue(model.ingest.dataset!.results.contains { $0.schoolID == outside })
        XCTAssertEqual(try XCTUnwrap(SchoolDossierHTMLWriter.writers(school: outside).first).render(model), before)
        // Without keeping it, its dossier would lose the table of its papers.
        var withoutIt = ReportFixture.model()
        withoutIt.releaseRows()
        XCTAssertNotEqual(try XCTUnwrap(SchoolDossierHTMLWriter.writers(school: outside).first).render(withoutIt), before)
    }
}
