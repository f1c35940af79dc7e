import Foundation

/// Parses the rows of one results file on several cores while they are read, and hands them back in file order.
///
/// Records are copied into batches; batch i is parsed on worker i mod W, each worker with its own copy of the
/// `ResultsRowParser` (parsing depends on nothing but the row, so any copy gives the same answer). The caller
/// commits the parsed rows of each batch, in order, on its own thread, so the outcome is exactly that of
/// parsing and committing row by row. At most `maxBatchesInFlight` batches are held at once.
final class ParallelRowParsing: @unchecked Sendable {
    /// One worker: a serial queue and the parser only that queue touches.
    private final class Worker: @unchecked Sendable {
        let queue: DispatchQueue
        var parser: ResultsRowParser
        init(_ index: Int, parser: ResultsRowParser) {
            queue = DispatchQueue(label: "vpr-analyzer.parse.\(index)", qos: .userInitiated)
            self.parser = parser
        }
    }

    private let workers: [Worker]
    private let batchRows: Int
    private let batchBytes: Int
    private let maxBatchesInFlight: Int
    private let condition = NSCondition()
    // Guarded by `condition`: parsed rows of submitted batches, by batch number.
    private var parsed: [Int: [ParsedResultRow]] = [:]
    // Owned by the caller's thread.
    private var current = RecordBatch()
    private var pending: [(number: Int, batch: RecordBatch)] = []
    private var submitted = 0

    init(parser: ResultsRowParser, workers: Int = 2, batchRows: Int = 4096, batchBytes: Int = 1 << 20,
         maxBatchesInFlight: Int = 6) {
        self.workers = (0..<max(1, workers)).map { Worker($0, parser: parser) }
        self.batchRows = max(1, batchRows)
        self.batchBytes = max(1, batchBytes)
        self.maxBatchesInFlight = max(2, maxBatchesInFlight)
    }

    /// Adds the next record; commits, in order, the rows of batches already parsed.
    func add(_ record: CSVRecord, commit: (ParsedResultRow, CSVRecord) -> Void) {
        current.append(record)
        guard current.count >= batchRows || current.byteCount >= batchBytes else { return }
        submit()
        while let first = pending.first, pending.count >= maxBatchesInFlight || isParsed(first.number) {
            commitOldest(commit)
        }
    }

    /// Commits every remaining row, in order; call once after the last record.
    func finish(commit: (ParsedResultRow, CSVRecord) -> Void) {
        if current.count > 0 { submit() }
        while !pending.isEmpty { commitOldest(commit) }
    }

    private func submit() {
        let number = submitted
        submitted += 1
        let batch = current
        current = RecordBatch()
        pending.append((number, batch))
        let worker = workers[number % workers.count]
        worker.queue.async { [self] in
            var rows: [ParsedResultRow] = []
            rows.reserveCapacity(batch.count)
            batch.forEach { _, record in rows.append(worker.parser.parse(record)) }
            condition.lock()
            parsed[number] = rows
            condition.broadcast()
            condition.unlock()
        }
    }

    private func isParsed(_ number: Int) -> Bool {
        condition.lock()
        defer { condition.unlock() }
        return parsed[number] != nil
    }

    /// Waits for the oldest pending batch and commits its rows.
    private func commitOldest(_ commit: (ParsedResultRow, CSVRecord) -> Void) {
        let (number, batch) = pending.removeFirst()
        condition.lock()
        while parsed[number] == nil { condition.wait() }
        let rows = parsed.removeValue(forKey: number)!
        condition.unlock()
        batch.forEach { i, record in commit(rows[i], record) }
    }
}
