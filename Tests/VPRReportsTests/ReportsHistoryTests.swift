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
        let view = HistoryView(runID: 2, previous: HistoryView.RunReference(id: 1, date: "2024-05-20", riskGroup: [flagged, "sch-gone"]),
                               currentRiskGroup: model.analysis.riskGroup.map(\.school.id), currentYear: model.assessmentYear,
                               riskYears: [flagged: [model.assessmentYear - 1]], earlierPoints: earlier, currentPoints: current)
        model.attach(view)
        return (model, flagged)
    }

    func testEveryFormatSaysWhatChangedAndShowsTheTrend() throws {
        let (model, flagged) = try modelWithHistory()
        let md = String(decoding: try SummaryMarkdownWriter().render(model), as: UTF8.self)
        XCTAssertTrue(md.contains("## Что изменилось с прошлого запуска"))
        XCTAssertTrue(md.contains("Вышли из перечня (1): sch-gone."), md)
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

    func testWithoutAPreviousRunTheReportSaysItIsTheFirst() throws {
        var model = ReportFixture.model()
        model.attach(HistoryView(runID: 1, previous: nil, currentRiskGroup: model.analysis.riskGroup.map(\.school.id),
                                 currentYear: model.assessmentYear, riskYears: [:], earlierPoints: [], currentPoints: []))
        let md = String(decoding: try SummaryMarkdownWriter().render(model), as: UTF8.self)
        XCTAssertTrue(md.contains("Это первый запуск в истории"), md)
        XCTAssertFalse(md.contains("Динамика по годам"))
    }
}
