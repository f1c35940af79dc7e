import Foundation
import VPRAnalysis
import XCTest
@testable import VPRReports

/// `report.html` and the school dossier: one self-contained page, escaped input, a chart for every flag.
final class HTMLReportTests: XCTestCase {
    /// The fixture analysed with `HIGH` as well, so that the funnel plot has something to draw.
    static func modelWithFunnel() -> ReportModel {
        let base = ReportFixture.model()
        let analysis = Pipeline(indicators: [BoundarySpike(), JournalGap(), HighAboveRegion()]).analyze(ReportFixture.dataset())
        return ReportModel(ingest: base.ingest, analysis: analysis, options: base.options)
    }

    static func html(_ model: ReportModel, _ writer: any ReportWriter = HTMLReportWriter()) throws -> String {
        String(decoding: try writer.render(model), as: UTF8.self)
    }

    static func count(_ needle: String, in text: String) -> Int { text.components(separatedBy: needle).count - 1 }

    /// Every element that must close does, the page loads nothing and runs nothing.
    static func assertSelfContained(_ html: String, file: StaticString = #filePath, line: UInt = #line) {
        XCTAssertTrue(html.hasPrefix("<!DOCTYPE html>\n<html lang=\"ru\">"), file: file, line: line)
        XCTAssertTrue(html.hasSuffix("</html>\n"), file: file, line: line)
        for tag in ["svg", "section", "table", "figure", "ul", "style", "main", "body", "head"] {
            XCTAssertEqual(count("<\(tag)", in: html), count("</\(tag)>", in: html), "<\(tag)> opened and closed",
                           file: file, line: line)
        }
        for forbidden in ["<script", "<link", "<img", "<iframe", "src=", "href=", "url(", "@import", "http://", "https://"] {
            XCTAssertFalse(html.lowercased().contains(forbidden), "the page must not contain \(forbidden)", file: file, line: line)
        }
    }

    func testReportIsSelfContainedAndEscapesSchoolNames() throws {
        let html = try Self.html(ReportFixture.model())
        Self.assertSelfContained(html)
        XCTAssertFalse(html.contains("<script>alert(1)</script>"))
        XCTAssertTrue(html.contains("МБОУ &quot;СОШ | №1&quot; &lt;script&gt;alert(1)&lt;/script&gt;; *звезда* [ссылка](x)"))
        XCTAssertTrue(html.contains("@page { size: A4"), "printable on A4")
        XCTAssertTrue(html.contains("break-before: page"), "sections start on a new page when printed")
    }

    func testEveryFlaggedBoundaryWorkHasItsHistogramWithBoundariesAndCounterfactual() throws {
        let model = ReportFixture.model()
        let html = try Self.html(model)
        let flagged = model.analysis.riskGroup.flatMap { s in model.flaggedBoundaryWorks(s).map { (s.school.id, $0) } }
        XCTAssertFalse(flagged.isEmpty)
        for (id, work) in flagged {
            XCTAssertTrue(html.contains("Распределение первичных баллов: \(id), \(model.title(work))"), "\(id) \(work)")
        }
        XCTAssertEqual(Self.count("class=\"ln-cf\"", in: html), flagged.count, "one counterfactual curve per histogram")
        XCTAssertEqual(Self.count("class=\"ln-boundary\"", in: html), 3 * flagged.count, "three mark boundaries per histogram")
    }

    func testHistogramComesFromTheBoundarySeries() throws {
        let model = ReportFixture.model()
        let test = try XCTUnwrap(model.boundaryTest("sch000", ReportFixture.work))
        let h = try XCTUnwrap(model.scoreHistogram("sch000", ReportFixture.work, tallies: model.tallies()))
        let observed = try XCTUnwrap(test.series["observed"])
        let n = observed.reduce(0, +)
        XCTAssertEqual(h.observed.count, ReportFixture.scale.maxScore + 1)
        for (a, b) in zip(h.observed, observed) { XCTAssertEqual(a, b / n, accuracy: 1e-12) }
        XCTAssertEqual(h.counterfactual?.reduce(0, +) ?? 0, 1, accuracy: 1e-6)
    }

    func testFunnelPlotOfEveryWorkWhenHighRan() throws {
        let model = Self.modelWithFunnel()
        let html = try Self.html(model)
        Self.assertSelfContained(html)
        XCTAssertTrue(html.contains("Доля отметок «4» и «5»: Математика 5"))
        let funnel = try XCTUnwrap(model.funnelPlot(ReportFixture.work))
        XCTAssertEqual(funnel.points.count, 14, "every school is a point")
        XCTAssertFalse(funnel.limits.isEmpty)
        XCTAssertTrue(funnel.limits.allSatisfy { $0.inner <= $0.outer }, "the 99,8 % limit is above the 95 % one")
        XCTAssertEqual(Self.count("class=\"ln-l95\"", in: html), 1)
        XCTAssertEqual(Self.count("class=\"ln-l998\"", in: html), 1)
        XCTAssertEqual(Self.count("<circle", in: html), 14)
        XCTAssertNil(ReportFixture.model().funnelPlot(ReportFixture.work), "no funnel without HIGH")
    }

    func testJournalStackedBarsForEverySchoolWithTheRegionFirst() throws {
        let model = ReportFixture.model()
        let html = try Self.html(model)
        let bars = model.journalBars(ReportFixture.work, tallies: model.tallies())
        XCTAssertEqual(bars.first?.kind, .region)
        XCTAssertEqual(bars.count, 15)
        let region = model.analysis.works[0].journal
        XCTAssertEqual(bars[0].lowered + bars[0].confirmed + bars[0].raised, region.total)
        XCTAssertEqual(bars.dropFirst().reduce(0) { $0 + $1.total }, region.total, "the schools add up to the region")
        XCTAssertTrue(html.contains("Понизили / подтвердили / повысили: Математика 5"))
        XCTAssertTrue(html.contains("class=\"seg-low\"") && html.contains("class=\"seg-conf\"") && html.contains("class=\"seg-raise\""))
        // The flagged school's section shows its classes.
        let classBars = model.classJournalBars(model.analysis.riskGroup[0], ReportFixture.work, tallies: model.tallies())
        XCTAssertEqual(classBars.filter { $0.kind == .classGroup }.map(\.label), ["5А", "5Б"])
        XCTAssertTrue(html.contains(">класс 5А</text>"))
    }

    func testMunicipalityTablesAddUpToTheRegion() throws {
        let model = ReportFixture.model()
        let t = model.tallies()
        XCTAssertEqual(t.municipalities, ["Северный район", "Южный район"])
        let parts = t.municipalities.compactMap { t.municipality($0, ReportFixture.work) }
        let region = try XCTUnwrap(t.region[ReportFixture.work])
        XCTAssertEqual(parts.reduce(0) { $0 + $1.participants }, region.participants)
        XCTAssertEqual(region.marks, model.analysis.works[0].marks, "the tallies agree with the analysis")
        XCTAssertEqual(region.journal.total, model.analysis.works[0].journal.total)
        let html = try Self.html(model)
        XCTAssertTrue(html.contains("<h2>По муниципалитетам</h2>"))
        XCTAssertTrue(html.contains("<td>Северный район</td>"))
    }

    func testRenderingIsDeterministic() throws {
        let model = Self.modelWithFunnel()
        XCTAssertEqual(try HTMLReportWriter().render(model), try HTMLReportWriter().render(model))
        let dossier = SchoolDossierHTMLWriter(schoolID: "sch000")
        XCTAssertEqual(try dossier.render(model), try dossier.render(model))
    }

    func testHTMLReportIsAStandardWriter() {
        XCTAssertTrue(OutputFolder.standardWriters.contains { $0.fileName == "report.html" })
    }
}
