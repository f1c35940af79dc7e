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

    /// A writer that fails after writing part of its file (into the folder, under its temporary name) leaves neither
    /// that part nor any other temporary file behind.
    func testAWriterThatFailsHalfwayThroughItsFileLeavesNothingBehind() throws {
        struct HalfWritten: StreamingReportWriter {
            let fileName = "results.json"
            func write(_ model: ReportModel, to sink: ByteSink) throws {
                try sink.write([UInt8](repeating: 0x20, count: ByteSink.flushSize + 10))
                throw CocoaError(.fileWriteOutOfSpace)
            }
        }
        let url = try folder()
        try OutputFolder(url: url).write(ReportFixture.model())
        let before = try Data(contentsOf: url.appendingPathComponent("results.json"))
        XCTAssertThrowsError(try OutputFolder(url: url).write(ReportFixture.model(),
                                                              writers: OutputFolder.standardWriters.filter { $0.fileName != "results.json" } + [HalfWritten()]))
        XCTAssertEqual(names(url), everyFile.sorted())
        XCTAssertEqual(try Data(contentsOf: url.appendingPathComponent("results.json")), before)
    }

    /// The files written piece by piece hold exactly the bytes of their rendering in memory.
    func testStreamedFilesEqualTheirRenderings() throws {
        let url = try folder()
        let model = ReportFixture.model(rejected: true)
        try OutputFolder(url: url).write(model)
        for writer in OutputFolder.standardWriters where writer is any StreamingReportWriter {
            XCTAssertEqual(try Data(contentsOf: url.appendingPathComponent(writer.fileName)), try writer.render(model),
                           writer.fileName)
        }
        XCTAssertEqual(OutputFolder.standardWriters.filter { $0 is any StreamingReportWriter }.map(\.fileName),
                       ["results.json", "rejected-rows.csv"])
    }

    func testAnOutputPathThatIsAFileIsAnError() throws {
        let url = try folder()
        try Data().write(to: url)
        XCTAssertThrowsError(try OutputFolder(url: url).write(ReportFixture.model()))
    }
}
