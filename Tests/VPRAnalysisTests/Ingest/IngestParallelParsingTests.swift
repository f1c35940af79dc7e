import Foundation
import XCTest
@testable import VPRAnalysis
import VPRSampleData

/// Parsing `results.csv` on several cores must not change anything: the rows used, the rows rejected and why,
/// the findings, the warnings and the files' summaries are those of reading row by row, whatever the batch
/// size and however many threads parse.
final class IngestParallelParsingTests: XCTestCase {
    private var fixture: IngestFixture!

    override func setUpWithError() throws { fixture = try IngestFixture() }
    override func tearDown() { fixture.remove() }

    private func read(workers: Int, batchRows: Int, chunkSize: Int = 1 << 20) -> IngestOutcome {
        InputFolderReader(chunkSize: chunkSize, parsingWorkers: workers, parsingBatchRows: batchRows).read(folder: fixture.folder)
    }

    private func assertSameOutcome(_ a: IngestOutcome, _ b: IngestOutcome, _ label: String,
                                   file: StaticString = #filePath, line: UInt = #line) {
        XCTAssertEqual(a.dataset?.results, b.dataset?.results, "results, \(label)", file: file, line: line)
        XCTAssertEqual(a.dataset?.works, b.dataset?.works, "works, \(label)", file: file, line: line)
        XCTAssertEqual(a.dataset?.schools, b.dataset?.schools, "schools, \(label)", file: file, line: line)
        XCTAssertEqual(a.rejected, b.rejected, "rejected rows, \(label)", file: file, line: line)
        XCTAssertEqual(a.findings, b.findings, "findings, \(label)", file: file, line: line)
        XCTAssertEqual(a.diagnostics, b.diagnostics, "diagnostics, \(label)", file: file, line: line)
        XCTAssertEqual(a.files, b.files, "file summaries, \(label)", file: file, line: line)
        XCTAssertEqual(a.recognised, b.recognised, "recognised files, \(label)", file: file, line: line)
    }

    private func assertParallelMatchesSequential(file: StaticString = #filePath, line: UInt = #line) {
        for (workers, batchRows, chunk) in [(2, 1, 1 << 20), (2, 3, 64), (3, 7, 1 << 20), (4, 4096, 1 << 20)] {
            // The encoding is judged on the first chunk, so the sequential reading uses the same chunks.
            let sequential = read(workers: 1, batchRows: 4096, chunkSize: chunk)
            assertSameOutcome(sequential, read(workers: workers, batchRows: batchRows, chunkSize: chunk),
                              "\(workers) threads, \(batchRows) rows per batch, chunks of \(chunk) bytes", file: file, line: line)
        }
    }

    func testAGeneratedDistrictInWindows1251IsReadIdenticallyOnSeveralCores() throws {
        _ = try DistrictGenerator.writeSample(seed: 7, to: fixture.folder, includeTruth: false)
        let outcome = read(workers: 2, batchRows: 1000)
        XCTAssertTrue(outcome.isUsable)
        XCTAssertGreaterThan(outcome.dataset!.results.count, 5000)
        XCTAssertFalse(outcome.rejected.isEmpty, "the sample has absent participants")
        assertParallelMatchesSequential()
    }

    /// Every kind of row the reader treats differently, with duplicates and first-time warnings that fall on
    /// either side of batch boundaries, a quoted field spanning lines, a work without a scale and one with
    /// a task that `tasks.csv` does not describe.
    func testEveryKindOfRowGivesTheSameOutcomeAcrossBatchBoundaries() throws {
        try fixture.write("scales.csv", IngestFixture.scales)
        try fixture.write("tasks.csv", """
        year;subject;grade;task;max_points;level
        2025;Математика;5;1;2;Б
        2025;Математика;5;2;3;П

        """)
        var lines = ["year;school_id;school_name;municipality;class;subject;student_id;task_1;task_2;task_3;primary_score;mark;journal_mark"]
        lines += [
            "2025;S1;;;5А;Математика;1;1;2;;3;2;3",
            "2025;S1;\"Школа \"\"Север\"\"\";Район;5А;Математика;2;2;3;1;5;2;4",      // ignored task_3, name given late
            "2025;S1;Другое имя;;5А;Математика;3;2;9;;11;4;4",                       // task above maximum
            "2025;S1;;;5А;Математика;1;1;1;;2;2;3",                                  // duplicate of line 2
            "2025;S1;;;5А;Математика;4;отсутствовал;;;;;",                            // absent
            "2025;S2;Школа 2;\"Город,\nцентр\";5Б;Математика;5;1;1;;7;3;5",          // quoted line end; sum ≠ primary
            "2025;S2;;;5Б;Математика;6;1;1;;2;5;7",                                   // mark contradicts scale; bad journal
            "2025;S2;;;5Б;Математика;7;x;1;;;;",                                      // task not a number
            "2025;S2;;;5Б;Математика;8;1",                                            // too few fields
            "2025;S2;;;;Математика;9;1;1;;2;;",                                       // no class
            "1980;S2;;;5Б;Математика;10;1;1;;2;;",                                    // year out of range
            "2025;S3;;;4А;Русский язык;11;;;;30;4;4",
            "2025;S3;;;4А;Русский язык;11;;;;31;4;4",                                 // duplicate, another line
            "2025;S3;;;6А;Математика;12;;;;8;4;4",                                    // work without a scale
            "2025;S3;;;6А;Математика;13;;;;3;2;3",
            "2025;S3;;;6А;Математика;14;;;;6;3;3",
            "2025;S3;;;6А;Математика;15;;;;9;5;5",
            "2025;S1;;;5А;Математика;3;1;1;;2;2;2",                                   // duplicate far from its first line
            "2025;S4;;;5В;Математика;\"16\";1;1;9;2;2;2",                             // quoted code; ignored task_3 again
            "2025;S4;;;5В;Математика;17;-1;1;;;;",                                    // negative score
        ]
        try fixture.write("results.csv", lines.joined(separator: "\r\n") + "\r\n")
        let outcome = read(workers: 2, batchRows: 2)
        XCTAssertTrue(outcome.isUsable, "\(outcome.errors)")
        XCTAssertTrue(outcome.rejected.contains { $0.reason.contains("повторная строка") })
        XCTAssertTrue(outcome.findings.contains { $0.kind == .taskAboveMaximum })
        XCTAssertTrue(outcome.diagnostics.contains { $0.message.contains("не описано в tasks.csv") })
        XCTAssertEqual(outcome.dataset?.schools["S1"]?.name, "Школа \"Север\"")
        let summary = try XCTUnwrap(outcome.summary(of: "results.csv"))
        XCTAssertEqual(summary.rowsRead, lines.count - 1)
        XCTAssertEqual(summary.rowsRead, summary.rowsUsed + summary.rowsRejected)
        assertParallelMatchesSequential()
    }

    /// Merged exports (one collection form per work) go through the same parsing: rows rejected for their shape
    /// before parsing, rows rejected by the parser, duplicates across files and the per-file summaries come out in
    /// the order of reading row by row.
    func testSeveralExportFilesGiveTheSameOutcomeOnSeveralCores() throws {
        try fixture.write("scales.csv", """
        year;subject;grade;max_score;min_mark3;min_mark4;min_mark5
        2025;Математика;5;6;2;4;6
        2025;Русский язык;4;6;2;4;6

        """)
        func form(_ title: String, rows: [String]) -> String {
            (["\(title);;;;;;;;", "Логин;Код;Пол;Вариант;1;2;9.1;Наименование класса;Отметка за предыдущий триместр"]
                + rows).joined(separator: "\n") + "\n"
        }
        var maths: [String] = []
        for i in 1...23 { maths.append("sch00000\(i % 4);\(String(format: "%04d", i));М;1;\(i % 3);\(i % 4);\(i % 2);5А;\(2 + i % 4)") }
        maths.insert("sch000001;0100;Ж;1;2", at: 5)                          // too few fields
        maths.insert("sch000003;0003;М;1;0;1;0;5А;4", at: 9)                  // duplicate participant
        maths.insert("sch000002;0101;М;1;x;1;0;5А;4", at: 12)                 // task not a number
        maths.insert("sch000003;0102;Ж;отсутствовал;;;;5Б;4", at: 15)
        var russian: [String] = []
        for i in 1...17 { russian.append("sch00000\(i % 3);\(String(format: "%04d", 200 + i));Ж;2;\(i % 3);\(i % 4);\(i % 2);4Б;\(2 + i % 4)") }
        russian.insert("sch000001;0201;Ж;2;1;1;1;4Б;5", at: 7)                // duplicate within the file
        russian.insert("sch000001;0300;Ж;2;1;1;1;4Б;5;9;9", at: 11)           // extra fields
        try fixture.write("ВПР 2025 Математика 5.csv", form("ВПР 2025 Математика 5 класс", rows: maths))
        try fixture.write("ВПР 2025 Русский язык 4.csv", form("ВПР 2025 Русский язык 4 класс", rows: russian))
        let outcome = read(workers: 2, batchRows: 2)
        XCTAssertTrue(outcome.isUsable, "\(outcome.errors)")
        let exports = outcome.files.filter { $0.file.hasPrefix("ВПР") }
        XCTAssertEqual(exports.count, 2)
        for summary in exports { XCTAssertEqual(summary.rowsRead, summary.rowsUsed + summary.rowsRejected) }
        XCTAssertGreaterThanOrEqual(outcome.rejected.count, 5)
        assertParallelMatchesSequential()
    }

    func testAHostileFileGivesTheSameOutcomeOnSeveralCores() throws {
        try fixture.write("scales.csv", "year;subject;grade;max_score;min_mark3;min_mark4;min_mark5\n2025;Математика;5;10;3;6;9\n")
        var bytes = Array("year;school_id;class;subject;student_id;task_1;task_2;primary_score;mark\n".utf8)
        for i in 1...40 { bytes += Array("2025;S\(i % 3);5А;Математика;\(i % 17);1;2;3;3\n".utf8) }
        bytes += [0x32, 0x30, 0x32, 0x35, 0x3B, 0x00, 0x3B, 0x0A]                 // a NUL byte
        bytes += Array("2025;S1;5А;Математика;99;1;2;3;3\n".utf8)
        bytes += [0xCF, 0xF0, 0xE8, 0x3B, 0x0A]                                      // Windows-1251 bytes in UTF-8
        bytes += Array("year;school_id;class;subject;student_id;task_1;task_2;primary_score;mark\n".utf8)
        bytes += Array("2025;S2;5А;Математика;\"100;1;2;3;3\n2025;S2;5А".utf8)      // cut inside quotes
        try fixture.write("results.csv", bytes: bytes)
        assertParallelMatchesSequential()
    }
}
