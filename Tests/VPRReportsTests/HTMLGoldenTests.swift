import Foundation
import XCTest
@testable import VPRReports

/// `report.html` and the flagged school's dossier of the fixture district, byte for byte.
final class HTMLGoldenTests: XCTestCase {
    func testReportHTMLMatchesItsGoldenFile() throws {
        try Golden.assertMatches(try HTMLReportWriter().render(ReportFixture.model()), "report.html")
    }

    func testSchoolDossierMatchesItsGoldenFiles() throws {
        let model = HTMLReportTests.modelWithFunnel()
        try Golden.assertMatches(try SchoolDossierHTMLWriter(schoolID: "sch000").render(model), "school-sch000.html")
        try Golden.assertMatches(try SchoolDossierMarkdownWriter(schoolID: "sch000").render(model), "school-sch000.md")
    }
}
