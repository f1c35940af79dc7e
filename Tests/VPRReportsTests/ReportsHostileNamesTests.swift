import Foundation
import XCTest
import VPRAnalysis
@testable import VPRReports

/// School names written to break the outputs: markup, CDATA ends, formulas, direction overrides. Every
/// writer keeps its file well formed and the text inert.
final class ReportsHostileNamesTests: XCTestCase {
    static let names = [
        "sch000": "<script>alert('x')</script> ]]> <![CDATA[ & \"кавычки\"",
        "sch001": "=HYPERLINK(\"http://evil.example\";\"Нажмите\")",
        "sch002": "Школа \u{202E}1 №\u{202C} и \u{2067}изоляция\u{2069}",
        "sch003": "@SUM(1+1)*cmd|' /C calc'!A0",
        "sch004": "Школа\u{200F} №\u{061C}5\u{200E}",
    ]

    /// An override, an isolate and the three direction marks (right-to-left, left-to-right, Arabic letter mark).
    static let directionControls = ["\u{202E}", "\u{2067}", "\u{200F}", "\u{200E}", "\u{061C}"]

    private func model() -> ReportModel {
        var dataset = ReportFixture.dataset()
        for (id, name) in Self.names { dataset.schools[id]?.name = name }
        let analysis = Pipeline(indicators: [BoundarySpike(), JournalGap()]).analyze(dataset)
        let files = [FileSummary(file: "results.csv", encoding: .utf8, delimiter: ";", rowsRead: dataset.results.count,
                                 rowsUsed: dataset.results.count, rowsRejected: 0)]
        return ReportModel(ingest: IngestOutcome(dataset: dataset, files: files), analysis: analysis,
                           options: ReportOptions(date: "2025-05-20", inputName: "hostile", engineVersion: "test"))
    }

    func testEveryWriterKeepsItsFileWellFormedAndTheNamesInert() throws {
        let model = model()
        for writer in OutputFolder.standardWriters + SchoolDossierHTMLWriter.writers(school: "sch000") where writer.applies(to: model) {
            let data = try writer.render(model)
            let name = writer.fileName
            let text = String(decoding: data, as: UTF8.self)
            if name.hasSuffix(".xlsx") || name.hasSuffix(".docx") {
                try OfficeCheck.assertValidPackage(data, name: name)
                for (path, part) in try OfficeCheck.parts(data) where path.hasSuffix(".xml") {
                    let xml = String(decoding: part, as: UTF8.self)
                    XCTAssertFalse(xml.contains("<script>"), "\(name):\(path)")
                    XCTAssertFalse(Self.directionControls.contains { xml.contains($0) }, "\(name):\(path) keeps a direction control")
                }
            }
            if name.hasSuffix(".html") || name.hasSuffix(".md") {
                XCTAssertFalse(text.contains("<script>alert"), "\(name) carries live markup")
                XCTAssertFalse(text.contains("]]> <![CDATA["), "\(name)")
            }
            // results.json keeps names exactly as read (it is data for machines); what people read drops them.
            if name.hasSuffix(".csv") || name.hasSuffix(".html") || name.hasSuffix(".md") {
                XCTAssertFalse(Self.directionControls.contains { text.contains($0) }, "\(name) keeps a direction control")
            }
            if name.hasSuffix(".csv") {
                for row in ReportsCSV.parse(data) {
                    for cell in row {
                        XCTAssertFalse(cell.hasPrefix("=") || cell.hasPrefix("@") || cell.hasPrefix("+"),
                                       "\(name): a cell would start a formula: \(cell)")
                    }
                }
            }
        }
    }
}
