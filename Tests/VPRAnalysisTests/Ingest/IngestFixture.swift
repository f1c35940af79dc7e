import Foundation
import XCTest
@testable import VPRAnalysis

/// A temporary input folder built in code, with helpers to write files in any encoding.
struct IngestFixture {
    enum Encoding { case utf8, utf8BOM, windows1251 }

    let folder: URL

    init() throws {
        folder = FileManager.default.temporaryDirectory
            .appendingPathComponent("vpr-ingest-\(UUID().uuidString)", isDirectory: true)
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    }

    func remove() { try? FileManager.default.removeItem(at: folder) }

    @discardableResult
    func write(_ name: String, _ text: String, encoding: Encoding = .utf8) throws -> URL {
        let bytes: [UInt8]
        switch encoding {
        case .utf8: bytes = Array(text.utf8)
        case .utf8BOM: bytes = [0xEF, 0xBB, 0xBF] + Array(text.utf8)
        case .windows1251:
            guard let encoded = Windows1251.encode(text) else { throw CocoaError(.fileWriteInapplicableStringEncoding) }
            bytes = encoded
        }
        return try write(name, bytes: bytes)
    }

    @discardableResult
    func write(_ name: String, bytes: [UInt8]) throws -> URL {
        let url = folder.appendingPathComponent(name)
        try Data(bytes).write(to: url)
        return url
    }

    /// Reads the folder as a run does, with rows parsed on two threads in batches of three rows, so that every
    /// test of the reader also crosses batch boundaries (`IngestParallelParsingTests` compares with row by row).
    func read(chunkSize: Int = 1 << 20) -> IngestOutcome {
        InputFolderReader(chunkSize: chunkSize, parsingWorkers: 2, parsingBatchRows: 3).read(folder: folder)
    }

    /// Mathematics 5 in 2025: 20 points, «3» from 6, «4» from 11, «5» from 16; Russian 4 as well.
    static let scales = """
    year;subject;grade;max_score;min_mark3;min_mark4;min_mark5
    2025;Математика;5;20;6;11;16
    2025;Русский язык;4;38;14;24;33

    """

    /// Writes the standard scales and the given results.
    func writeStandard(results: String, encoding: Encoding = .utf8) throws {
        try write("scales.csv", Self.scales)
        try write("results.csv", results, encoding: encoding)
    }
}

extension IngestOutcome {
    /// Errors, for assertion messages.
    var errors: [Diagnostic] { diagnostics.filter { $0.severity == .error } }

    var resultsSummary: FileSummary? { summary(of: "results.csv") }
}

/// Checks the invariant every summary must keep.
func assertRowsAddUp(_ outcome: IngestOutcome, file: StaticString = #filePath, line: UInt = #line) {
    for summary in outcome.files {
        XCTAssertEqual(summary.rowsRead, summary.rowsUsed + summary.rowsRejected,
                       "\(summary.file): read ≠ used + rejected", file: file, line: line)
        XCTAssertLessThanOrEqual(summary.rowsAbsent, summary.rowsRejected, file: file, line: line)
        let rejectedHere = outcome.rejected.filter { $0.location.file == summary.file }.count
        XCTAssertEqual(rejectedHere, summary.rowsRejected, "\(summary.file): rejected rows listed", file: file, line: line)
    }
}
