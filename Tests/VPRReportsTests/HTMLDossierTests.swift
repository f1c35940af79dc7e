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

    func testStudentLevelListsEveryParticipantByCodeSortedByClassWithTheRecheckMarked() throws {
        let model = ReportFixture.model()
        let d = try XCTUnwrap(model.dossier("sch000", tallies: model.tallies()))
        let students = try XCTUnwrap(d.works.first).students
        XCTAssertEqual(students.header, ["Класс", "Код участника", "Вариант", "Первичный балл", "Отметка ВПР", "Отметка по журналу",
                                         "ВПР против журнала", "Перепроверка"])
        XCTAssertEqual(students.rows.count, 70)
        XCTAssertEqual(students.rows.map { $0[0] }, students.rows.map { $0[0] }.sorted(), "by class")
        let codes5A = students.rows.filter { $0[0] == "5А" }.map { $0[1] }
        XCTAssertEqual(codes5A.prefix(3), ["sch000-0", "sch000-2", "sch000-4"], "codes in numeric order within a class")
        XCTAssertFalse(students.rows.joined().contains { $0.contains(ReportFixture.pullingSchoolName) }, "no names in the table")
        for row in students.rows {
            let vpr = Int(row[4])!, journal = Int(row[5])!
            XCTAssertEqual(row[6], vpr < journal ? "понизил" : vpr > journal ? "повысил" : "подтвердил")
        }
        let listed = Set(model.recheckPlan.papers.filter { $0.schoolID == "sch000" }.map(\.studentID))
        XCTAssertFalse(listed.isEmpty)
        let marked = students.rows.enumerated().filter { !$0.element[7].isEmpty }
        XCTAssertEqual(Set(marked.map { $0.element[1] }), listed)
        XCTAssertEqual(Set(marked.map(\.offset)), students.emphasis)
        XCTAssertTrue(marked.contains { $0.element[7] == "да: граница «4»" })
        let other = try XCTUnwrap(model.dossier("sch005", tallies: model.tallies()))
        XCTAssertTrue(other.works[0].students.rows.allSatisfy { $0[7].isEmpty }, "a school outside the risk group has no re-check")
    }

    func testParallelLevelAddsUpTheSubjectsOfAGradeBesideTheRegion() throws {
        let model = ReportFixture.model()
        let d = try XCTUnwrap(model.dossier("sch000", tallies: model.tallies()))
        XCTAssertEqual(d.grades.rows.map { Array($0.prefix(3)) }, [["5 классы: ОО", "Математика", "70"],
                                                                    ["5 классы: регион", "Математика", "980"]])
        XCTAssertEqual(d.grades.emphasis, [1])
        let html = try HTMLReportTests.html(model, SchoolDossierHTMLWriter(schoolID: "sch000"))
        XCTAssertTrue(html.contains("Параллели") && html.contains("Участники (по кодам)"))
        let md = String(decoding: try SchoolDossierMarkdownWriter(schoolID: "sch000").render(model), as: UTF8.self)
        XCTAssertTrue(md.contains("## Параллели") && md.contains("### Участники (по кодам)"))
    }

    func testAGradeOfSeveralSubjectsIsOneLine() throws {
        let model = ReportFixture.model()
        let math = ReportFixture.work, russian = Work(year: 2025, subject: "Русский язык", grade: 5)
        var tallies = model.tallies()
        tallies.bySchool[.init(id: "sch000", work: russian)] = tallies.school("sch000", math)
        tallies.region[russian] = tallies.region[math]
        let table = model.gradeTable("sch000", [math, russian], tallies: tallies)
        XCTAssertEqual(table.rows.map { Array($0.prefix(3)) }, [["5 классы: ОО", "Математика, Русский язык", "140"],
                                                                 ["5 классы: регион", "Математика, Русский язык", "1960"]])
        let one = model.gradeTable("sch000", [math], tallies: tallies)
        XCTAssertEqual(Array(table.rows[0].dropFirst(3)), Array(one.rows[0].dropFirst(3)), "doubling every count keeps the shares")
    }
}
