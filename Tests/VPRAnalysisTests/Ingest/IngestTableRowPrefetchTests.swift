import Foundation
import XCTest
@testable import VPRAnalysis

/// Several sheets decoded on both cores ahead of use must reach the consumer exactly as if read one after the
/// other: the same rows in the same order, errors after the rows read before them, and no decoder left running.
final class IngestTableRowPrefetchTests: XCTestCase {
    /// A sheet of `rows` numbered rows, named «rows:N» or «rows:N:fail:K» (an error after row K).
    struct FakeReader: TableFileReader {
        let fileExtensions: Set<String> = ["fake"]
        let formatName = "тест"
        let produced: Counter

        func sheetNames(of url: URL) throws -> [String] { [] }

        func forEachRow(of url: URL, sheet: String, _ body: (TableRow) -> Bool) throws {
            let parts = sheet.split(separator: ":")
            let rows = Int(parts[1])!
            let failAfter = parts.count == 4 ? Int(parts[3])! : nil
            for number in 1...rows {
                if number - 1 == failAfter { throw TableFileError("лист \(sheet) повреждён") }
                produced.add()
                if !body(TableRow(number: number, cells: [sheet, String(number)])) { return }
            }
        }
    }

    final class Counter: @unchecked Sendable {
        private let lock = NSLock()
        private var count = 0
        func add() { lock.lock(); count += 1; lock.unlock() }
        var value: Int { lock.lock(); defer { lock.unlock() }; return count }
    }

    func jobs(_ sheets: [String], _ counter: Counter = Counter()) -> [TableRowPrefetch.Job] {
        sheets.map { TableRowPrefetch.Job(reader: FakeReader(produced: counter), url: URL(fileURLWithPath: "/x.fake"), sheet: $0) }
    }

    func read(_ prefetch: TableRowPrefetch, jobs count: Int) -> (rows: [String], errors: [String?]) {
        var rows: [String] = []
        var errors: [String?] = []
        for index in 0..<count {
            errors.append(prefetch.forEachRow(job: index) { row in
                rows.append("\(row.cells[0])#\(row.number)")
                return true
            })
        }
        return (rows, errors)
    }

    func testRowsComeInSheetOrderAsIfReadOneAfterAnother() {
        let sheets = ["rows:500", "rows:3", "rows:1200", "rows:1", "rows:700"]
        // Small batches and a small buffer, so decoders of later sheets must wait for the consumer.
        let prefetch = TableRowPrefetch(jobs: jobs(sheets), workers: 2, batchRows: 7, maxBufferedRows: 50)
        prefetch.start()
        defer { prefetch.cancel() }
        let (rows, errors) = read(prefetch, jobs: sheets.count)
        let expected = sheets.flatMap { sheet in (1...Int(sheet.split(separator: ":")[1])!).map { "\(sheet)#\($0)" } }
        XCTAssertEqual(rows, expected)
        XCTAssertEqual(errors, Array(repeating: nil, count: sheets.count))
    }

    func testADamagedSheetGivesItsRowsBeforeTheErrorThenTheMessageAndTheNextSheetsStillCome() {
        let sheets = ["rows:20", "rows:30:fail:12", "rows:5"]
        let prefetch = TableRowPrefetch(jobs: jobs(sheets), workers: 2, batchRows: 4, maxBufferedRows: 8)
        prefetch.start()
        defer { prefetch.cancel() }
        let (rows, errors) = read(prefetch, jobs: sheets.count)
        XCTAssertEqual(rows.filter { $0.hasPrefix("rows:30") }.count, 12)
        XCTAssertEqual(rows.last, "rows:5#5")
        XCTAssertEqual(errors, [nil, "лист rows:30:fail:12 повреждён", nil])
    }

    func testABodyThatStopsSkipsTheRestOfItsSheetOnly() {
        let sheets = ["rows:10", "rows:4"]
        let prefetch = TableRowPrefetch(jobs: jobs(sheets), workers: 2, batchRows: 3, maxBufferedRows: 100)
        prefetch.start()
        defer { prefetch.cancel() }
        var first: [Int] = []
        _ = prefetch.forEachRow(job: 0) { row in first.append(row.number); return row.number < 5 }
        var second: [Int] = []
        _ = prefetch.forEachRow(job: 1) { row in second.append(row.number); return true }
        XCTAssertEqual(first, [1, 2, 3, 4, 5])
        XCTAssertEqual(second, [1, 2, 3, 4])
    }

    /// A run that stops early (the consumer never asks for the later sheets) must not leave decoders waiting for
    /// room in the buffer for ever: cancelling stops them at their next row.
    func testCancellingStopsDecodersOfSheetsNeverAskedFor() {
        let counter = Counter()
        let prefetch = TableRowPrefetch(jobs: jobs(["rows:5", "rows:100000", "rows:100000"], counter), workers: 2,
                                        batchRows: 10, maxBufferedRows: 20)
        prefetch.start()
        _ = prefetch.forEachRow(job: 0) { _ in true }
        prefetch.cancel()
        let settled = expectation(description: "decoders stop")
        DispatchQueue.global().async {
            var last = -1
            while counter.value != last { last = counter.value; Thread.sleep(forTimeInterval: 0.05) }
            settled.fulfill()
        }
        wait(for: [settled], timeout: 10)
        XCTAssertLessThan(counter.value, 200, "decoders waited for room and then stopped, far short of 200 005 rows")
    }
}
