import Foundation
import XCTest
import VPRAnalysis
@testable import VPRReports

/// The reports with a history attached: «what changed», repeat flags and the trend table and chart, in every
/// format, and the Office files still well formed.
final class ReportsHistoryTests: XCTestCase {
    private func modelWithHistory() throws -> (ReportModel, String) {
        var model = ReportFixture.model()
        let flagged = try XCTUnwrap(model.analysis.riskGroup.first?.school.id, "the fixture flags a school")
        let current = model.trendPoints().filter { $0.schoolID == flagged }
        let earlier = current.map { p -> TrendPoint in
            var q = p
            q.work = Work(year: p.work.year - 1, subject: p.work.subject, grade: p.work.grade)
            q.runID = 1
            q.runDate = "2024-05-20"
            q.share45 = max(0, p.share45 - 0.2)
            return q
        }
        // The previous run flagged sch013 (analysed now, no longer flagged) and sch-gone (no results in this run, nor in
        // schools.csv: its name comes from the recorded run).
        let previous = HistoryView.RunReference(id: 1, date: "2024-05-20", riskGroup: [flagged, "sch-gone", "sch013"],
                                                names: ["sch-gone": "МБОУ ООШ д. Закрытая"])
        let view = HistoryView(runID: 2, previous: previous,
                               currentRiskGroup: model.analysis.riskGroup.map(\.school.id),
                               currentSchools: model.analysis.schools.map(\.school.id), currentYear: model.assessmentYear,
                               riskYears: [flagged: [model.assessmentYear - 1]], earlierPoints: earlier, currentPoints: current)
        model.attach(view)
        return (model, flagged)
    }

    func testEveryFormatSaysWhatChangedAndShowsTheTrend() throws {
        let (model, flagged) = try modelWithHistory()
        let md = String(decoding: try SummaryMarkdownWriter().render(model), as: UTF8.self)
        XCTAssertTrue(md.contains("## Что изменилось с прошлого запуска"))
        XCTAssertTrue(md.contains("Вышли из перечня (1): МБОУ СОШ № 14 (sch013)."), md)
        XCTAssertTrue(md.contains("Нет данных в этом запуске (1): МБОУ ООШ д. Закрытая (sch-gone). Эти ОО были в перечне запуска № 1"), md)
        XCTAssertFalse(md.contains("Вышли из перечня (2)"), "a school without data did not leave the list")
        XCTAssertTrue(md.contains("Повторно в перечне (1)") && md.contains("(\(flagged)) — также в \(model.assessmentYear - 1) г."), md)
        XCTAssertTrue(md.contains("Динамика по годам"))

        let html = String(decoding: try HTMLReportWriter().render(model), as: UTF8.self)
        XCTAssertTrue(html.contains("Что изменилось с прошлого запуска") && html.contains("Динамика по годам"))
        XCTAssertTrue(html.contains("ln-cf"), "the trend chart draws the share of «4» and «5»")

        let docx = try ReportDOCXWriter().render(model)
        try OfficeCheck.assertValidPackage(docx, name: "report.docx")
        let document = try OfficeCheck.part(docx, "word/document.xml")
        XCTAssertTrue(document.contains("Что изменилось с прошлого запуска") && document.contains("Динамика по годам"))
        XCTAssertTrue(document.contains("Доля отметок «4» и «5» по годам"), "the trend chart is in the document")

        let csv = ReportsCSV.parse(try RiskListCSVWriter().render(model))
        XCTAssertEqual(csv.first { $0.first == flagged }?.last, "1")
        XCTAssertTrue(csv.dropFirst().filter { $0.first != flagged }.allSatisfy { $0.last == "0" })
        let xlsx = try RiskListXLSXWriter().render(model)
        try OfficeCheck.assertValidPackage(xlsx, name: "risk-list.xlsx")
        XCTAssertEqual(try OfficeCheck.sheet(xlsx).first?.last?.text, "Повторно (1/0)")
    }

    func testMonthlyRunsOfOneYearShowTheSchoolsStandingRunByRun() throws {
        var model = ReportFixture.model()
        let flagged = try XCTUnwrap(model.analysis.riskGroup.first)
        let year = model.assessmentYear
        let standings = [RunStanding(runID: 1, runDate: "\(year)-10-25", riskGroup: false, riskScore: 31, indicators: ""),
                         RunStanding(runID: 2, runDate: "\(year)-11-25", riskGroup: true, riskScore: flagged.riskScore,
                                     indicators: "BOUNDARY|JOURNAL")]
        model.attach(HistoryView(runID: 2, previous: HistoryView.RunReference(id: 1, date: "\(year)-10-25", riskGroup: []),
                                 currentRiskGroup: model.analysis.riskGroup.map(\.school.id),
                                 currentSchools: model.analysis.schools.map(\.school.id), currentYear: year, riskYears: [:],
                                 earlierPoints: [], currentPoints: [], standings: [flagged.school.id: standings]))
        let md = String(decoding: try SummaryMarkdownWriter().render(model), as: UTF8.self)
        XCTAssertTrue(md.contains("Динамика по запускам (ВПР \(year) г.):"), md)
        XCTAssertTrue(md.contains("| Запуск | Дата отчёта | В перечне | Балл риска | Показатели |"), md)
        XCTAssertTrue(md.contains("| № 1 | \(year)-10-25 | нет | 31 | — |"), md)
        XCTAssertTrue(md.contains("| № 2 | \(year)-11-25 | да | \(flagged.riskScore) | BOUNDARY, JOURNAL |"), md)
        XCTAssertFalse(md.contains("Динамика по годам"), "one year: no trend by year")
        let html = String(decoding: try HTMLReportWriter().render(model), as: UTF8.self)
        XCTAssertTrue(html.contains("Динамика по запускам (ВПР \(year) г.)") && html.contains("<td>нет</td>"))
        let docx = try ReportDOCXWriter().render(model)
        try OfficeCheck.assertValidPackage(docx, name: "report.docx")
        XCTAssertTrue(try OfficeCheck.part(docx, "word/document.xml").contains("Динамика по запускам (ВПР \(year) г.)"))
    }

    func testASingleRunIsNoTableByRuns() throws {
        var model = ReportFixture.model()
        let flagged = try XCTUnwrap(model.analysis.riskGroup.first)
        let only = RunStanding(runID: 1, runDate: "2025-10-25", riskGroup: true, riskScore: flagged.riskScore, indicators: "BOUNDARY")
        model.attach(HistoryView(runID: 1, previous: nil, currentRiskGroup: model.analysis.riskGroup.map(\.school.id),
                                 currentSchools: model.analysis.schools.map(\.school.id), currentYear: model.assessmentYear,
                                 riskYears: [:], earlierPoints: [], currentPoints: [], standings: [flagged.school.id: [only]]))
        let md = String(decoding: try SummaryMarkdownWriter().render(model), as: UTF8.self)
        XCTAssertFalse(md.contains("Динамика по запускам"), md)
    }

    func testWithoutAPreviousRunTheReportSaysItIsTheFirst() throws {
        var model = ReportFixture.model()
        model.attach(HistoryView(runID: 1, previous: nil, currentRiskGroup: model.analysis.riskGroup.map(\.school.id),
                                 currentSchools: model.analysis.schools.map(\.school.id), currentYear: model.assessmentYear, riskYears: [:], earlierPoints: [], currentPoints: []))
        let md = String(decoding: try SummaryMarkdownWriter().render(model), as: UTF8.self)
        XCTAssertTrue(md.contains("Это первый запуск в истории"), md)
        XCTAssertFalse(md.contains("Динамика по годам"))
    }
}
