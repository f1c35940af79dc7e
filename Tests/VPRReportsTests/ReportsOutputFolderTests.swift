import Foundation
import XCTest
@testable import VPRReports

/// The output folder is replaced as a whole: every file of the run, nothing stale, nothing half-written.
final class ReportsOutputFolderTests: XCTestCase {
    private func folder() throws -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("vpr-reports-\(UUID().uuidString)")
        addTeardownBlock { try? FileManager.default.removeItem(at: url) }
        return url
    }

    private func names(_ url: URL) -> [String] {
        ((try? FileManager.default.contentsOfDirectory(atPath: url.path)) ?? []).sorted()
    }

    /// Every file of the standard writers.
    private let everyFile = OutputFolder.standardWriters.map(\.fileName)

    func testWritesEveryFileOfTheRunAndNoTemporaryFiles() throws {
        let url = try folder()
        let written = try OutputFolder(url: url).write(ReportFixture.model())
        XCTAssertEqual(written, everyFile)
        XCTAssertTrue(everyFile.contains("rejected-rows.csv") && everyFile.contains("risk-list.csv"))
        XCTAssertEqual(names(url), everyFile.sorted())
    }

    func testARunWithoutRejectedRowsRemovesTheStaleFileAndKeepsOthers() throws {
        let url = try folder()
        try OutputFolder(url: url).write(ReportFixture.model(rejected: true))
        try Data("чужой файл".utf8).write(to: url.appendingPathComponent("notes.txt"))
        try OutputFolder(url: url).write(ReportFixture.model(rejected: false))
        XCTAssertEqual(names(url), (everyFile.filter { $0 != "rejected-rows.csv" } + ["notes.txt"]).sorted())
    }

    func testAWriterThatFailsLeavesThePreviousReportUntouched() throws {
        struct Failing: ReportWriter {
            let fileName = "report.html"
            func render(_ model: ReportModel) throws -> Data { throw CocoaError(.fileWriteUnknown) }
        }
        let url = try folder()
        try OutputFolder(url: url).write(ReportFixture.model())
        let before = try Data(contentsOf: url.appendingPathComponent("summary.md"))
        XCTAssertThrowsError(try OutputFolder(url: url).write(ReportFixture.model(rejected: false),
                                                              writers: OutputFolder.standardWriters + [Failing()]))
        XCTAssertEqual(names(url), everyFile.sorted())
        XCTAssertEqual(try Data(contentsOf: url.appendingPathComponent("summary.md")), before)
    }

    func testAnOutputPathThatIsAFileIsAnError() throws {
        let url = try folder()
        try Data().write(to: url)
        XCTAssertThrowsError(try OutputFolder(url: url).write(ReportFixture.model()))
    }
}
