import Foundation
import VPRAnalysis
import XCTest
@testable import VPRReports

/// `school-ID.html` and `school-ID.md`: one school's view for its director.
final class HTMLDossierTests: XCTestCase {
    func testDossierOfTheFlaggedSchoolHasItsChartsAndClasses() throws {
        let model = HTMLReportTests.modelWithFunnel()
        let html = try HTMLReportTests.html(model, SchoolDossierHTMLWriter(schoolID: "sch000"))
        HTMLReportTests.assertSelfContained(html)
        XCTAssertFalse(html.contains("<script>alert(1)</script>"))
        XCTAssertTrue(html.contains("&lt;script&gt;alert(1)&lt;/script&gt;"))
        XCTAssertTrue(html.contains("ОО включена в группу риска"))
        for caption in ["Статистика по отметкам", "Сравнение отметок с отметками по журналу", "Классы:",
                        "Распределение первичных баллов: ОО и регион, Математика 5", "Доля отметок «4» и «5»: Математика 5"] {
            XCTAssertTrue(html.contains(caption), caption)
        }
        XCTAssertEqual(HTMLReportTests.count("class=\"pt-self\"", in: html), 1, "the school is highlighted in the funnel")
        XCTAssertEqual(HTMLReportTests.count("class=\"pt-risk\"", in: html), 0, "a dossier marks no other school")
    }

    func testDossierTablesCompareTheSchoolWithItsMunicipalityAndTheRegion() throws {
        let model = ReportFixture.model()
        let d = try XCTUnwrap(model.dossier("sch000", tallies: model.tallies()))
        let part = try XCTUnwrap(d.works.first)
        XCTAssertEqual(part.marks.rows.map { $0[0] }, ["ОО", "Северный район", "Регион"])
        XCTAssertEqual(part.journal.rows.map { $0[0] }, ["ОО", "класс 5А", "класс 5Б", "Северный район", "Регион"])
        XCTAssertEqual(part.classes?.rows.map { $0[0] }, ["5А", "5Б"])
        XCTAssertEqual(part.marks.rows.last?[1], "980")
        XCTAssertTrue(d.tests.rows.contains { $0[0] == "BOUNDARY" && $0.last == "да" })
    }

    func testMarkdownDossierEscapesTheNameAndNamesTheHTMLFile() throws {
        let md = String(decoding: try SchoolDossierMarkdownWriter(schoolID: "sch000").render(ReportFixture.model()), as: UTF8.self)
        XCTAssertTrue(md.hasPrefix("# Результаты ВПР: материалы для ОО МБОУ \"СОШ | №1\" &lt;script&gt;"))
        XCTAssertTrue(md.contains("`school-sch000.html`"))
        XCTAssertTrue(md.contains("### Статистика по отметкам"))
    }

    func testUnknownSchoolWritesNoDossierAndFileNamesAreSafe() {
        let model = ReportFixture.model()
        XCTAssertNil(model.assessment(of: "nope"))
        XCTAssertFalse(SchoolDossierHTMLWriter(schoolID: "nope").applies(to: model))
        XCTAssertEqual(SchoolDossierHTMLWriter(schoolID: "../x/y").fileName, "school-_._x_y.html")
        XCTAssertEqual(SchoolDossierHTMLWriter.writers(school: nil).count, 0)
        XCTAssertEqual(SchoolDossierHTMLWriter.writers(school: "sch000").map(\.fileName), ["school-sch000.html", "school-sch000.md"])
    }

    func testDossierOfASchoolOutsideTheRiskGroup() throws {
        let html = try HTMLReportTests.html(ReportFixture.model(), SchoolDossierHTMLWriter(schoolID: "sch005"))
        HTMLReportTests.assertSelfContained(html)
        XCTAssertTrue(html.contains("ОО не включена в группу риска"))
    }
}
