import Foundation

/// Decodes the sheets of several table files (XLSX workbooks: unzipping and parsing their XML is most of the
/// cost of reading them) on both cores ahead of their use, and hands the rows over one sheet after another in
/// the given order, so they are consumed exactly as if each sheet were read in turn.
///
/// With one sheet, its decoding runs beside the consumer. Memory stays bounded: the sheet being consumed may be
/// at most `maxBufferedRows` decoded rows ahead of its consumer, and the sheets after it may hold at most as many
/// between them; their decoders wait when that is reached.
final class TableRowPrefetch: @unchecked Sendable {
    /// One sheet to decode.
    struct Job: Sendable {
        var reader: any TableFileReader
        var url: URL
        var sheet: String
    }

    private let jobs: [Job]
    private let workers: Int
    private let batchRows: Int
    private let maxBufferedRows: Int
    private let condition = NSCondition()
    // Guarded by `condition`.
    private var queues: [[[TableRow]]]
    private var finished: [Bool]
    private var errors: [String?]
    /// Decoded rows waiting in each sheet's queue.
    private var queuedRows: [Int]
    private var nextJob = 0
    private var current = 0
    private var cancelled = false

    init(jobs: [Job], workers: Int = 2, batchRows: Int = 2048, maxBufferedRows: Int = 65_536) {
        self.jobs = jobs
        self.workers = max(1, workers)
        self.batchRows = max(1, batchRows)
        self.maxBufferedRows = max(1, maxBufferedRows)
        queues = Array(repeating: [], count: jobs.count)
        finished = Array(repeating: false, count: jobs.count)
        errors = Array(repeating: nil, count: jobs.count)
        queuedRows = Array(repeating: 0, count: jobs.count)
    }

    /// Starts the decoders. Call `cancel()` when done, so that decoders of sheets never asked for stop.
    func start() {
        for _ in 0..<min(workers, jobs.count) {
            DispatchQueue.global(qos: .userInitiated).async { [self] in work() }
        }
    }

    /// Stops every decoder at its next row; rows not yet handed over are dropped.
    func cancel() {
        condition.lock()
        cancelled = true
        condition.broadcast()
        condition.unlock()
    }

    /// Hands the rows of sheet `index` to `body` in order (sheets must be asked for in increasing order) and
    /// returns the message of the error that stopped its decoding, if any, after the rows read before it.
    /// `body` returns false to skip the rest of the sheet.
    func forEachRow(job index: Int, _ body: (TableRow) -> Bool) -> String? {
        condition.lock()
        current = index
        condition.broadcast()
        condition.unlock()
        var wanted = true
        while true {
            condition.lock()
            while queues[index].isEmpty && !finished[index] { condition.wait() }
            if queues[index].isEmpty {
                let error = errors[index]
                condition.unlock()
                return error
            }
            let batch = queues[index].removeFirst()
            queuedRows[index] -= batch.count
            condition.broadcast()
            condition.unlock()
            for row in batch where wanted { wanted = body(row) }
        }
    }

    private func work() {
        while true {
            condition.lock()
            guard !cancelled, nextJob < jobs.count else {
                condition.unlock()
                return
            }
            let index = nextJob
            nextJob += 1
            condition.unlock()
            decode(index)
        }
    }

    private func decode(_ index: Int) {
        let job = jobs[index]
        var batch: [TableRow] = []
        batch.reserveCapacity(batchRows)
        var failure: String?
        do {
            try job.reader.forEachRow(of: job.url, sheet: job.sheet) { row in
                batch.append(row)
                guard batch.count >= batchRows else { return true }
                let keepGoing = push(index, batch)
                batch.removeAll(keepingCapacity: true)
                return keepGoing
            }
        } catch {
            failure = (error as? TableFileError)?.message ?? error.localizedDescription
        }
        if !batch.isEmpty { _ = push(index, batch) }
        condition.lock()
        finished[index] = true
        errors[index] = failure
        condition.broadcast()
        condition.unlock()
    }

    /// Queues a batch, waiting while its share of the buffer is full: the sheet being consumed has a share of its
    /// own (its consumer always makes room, so it never waits on the others), the later sheets share the other.
    /// False when cancelled.
    private func push(_ index: Int, _ batch: [TableRow]) -> Bool {
        condition.lock()
        defer { condition.unlock() }
        while !cancelled && room(for: index) < batch.count { condition.wait() }
        guard !cancelled else { return false }
        queues[index].append(batch)
        queuedRows[index] += batch.count
        condition.broadcast()
        return true
    }

    /// Rows sheet `index` may still queue (called with the lock held); a lone batch always fits an empty share.
    private func room(for index: Int) -> Int {
        let used = index == current
            ? queuedRows[index]
            : queuedRows.indices.reduce(0) { $1 == current ? $0 : $0 + queuedRows[$1] }
        return used == 0 ? Int.max : maxBufferedRows - used
    }
}
