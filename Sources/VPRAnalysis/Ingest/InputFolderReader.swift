import Foundation

/// Reads an input folder (`results.csv`, and optionally `schools.csv`, `scales.csv`, `tasks.csv`)
/// into a validated dataset, reporting every unusable row and every data-quality problem.
/// With `tableReaders` (XLSX), any number of results files of any name, CSV or spreadsheets,
/// in the contract's layout or as ФИС ОКО exports, are recognised by their header and merged.
public struct InputFolderReader: Sendable {
    /// Bytes read from a file at a time.
    var chunkSize: Int
    /// Readers of table files the core cannot open itself (XLSX), by file extension.
    public var tableReaders: [any TableFileReader]
    /// Threads that parse the rows of `results.csv` (`ParallelRowParsing`); 1 parses on the reading thread.
    /// The outcome does not depend on it.
    public var parsingWorkers: Int
    /// Rows per batch handed to a parsing thread.
    public var parsingBatchRows = 4096

    public init(tableReaders: [any TableFileReader] = []) {
        chunkSize = 1 << 20
        self.tableReaders = tableReaders
        parsingWorkers = min(4, ProcessInfo.processInfo.activeProcessorCount)
    }

    init(chunkSize: Int, tableReaders: [any TableFileReader] = [], parsingWorkers: Int = 1, parsingBatchRows: Int = 4096) {
        self.chunkSize = chunkSize
        self.tableReaders = tableReaders
        self.parsingWorkers = parsingWorkers
        self.parsingBatchRows = parsingBatchRows
    }

    /// Reads results.csv (required), schools.csv, scales.csv, tasks.csv from the folder.
    public func read(folder: URL) -> IngestOutcome {
        var outcome = IngestOutcome()
        var fatal = false
        func fail(_ message: String, _ location: SourceLocation? = nil) {
            outcome.diagnostics.append(Diagnostic(.error, message, at: location))
            fatal = true
        }

        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: folder.path, isDirectory: &isDirectory), isDirectory.boolValue else {
            fail("папка «\(folder.path)» не найдена")
            return outcome
        }
        let names = (try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []
        func locate(_ name: String) -> URL? {
            if names.contains(name) { return folder.appendingPathComponent(name) }
            return names.first { $0.lowercased() == name }.map { folder.appendingPathComponent($0) }
        }
        for (name, reason) in unusableFiles(names: names, folder: folder) {
            outcome.recognised.append(RecognisedFile(file: name, problem: reason))
            outcome.diagnostics.append(Diagnostic(.note, "файл \(name) не используется: \(reason)", at: SourceLocation(file: name, line: 0)))
        }
        // Other results files (any name, CSV or a spreadsheet) switch to reading many files.
        let candidates = resultsCandidates(names: names)
        var sniffed: [SniffedResultsFile] = []
        var aggregates: [SniffedAggregateFile] = []
        if !candidates.isEmpty {
            sniffed = sniff(candidates, in: folder, outcome: &outcome, aggregates: &aggregates)
            if outcome.diagnostics.contains(where: { $0.severity == .error }) { return outcome }
        }
        let resultsURL = locate("results.csv")
        if !sniffed.isEmpty || !aggregates.isEmpty, let resultsURL {
            let more = sniff([resultsURL.lastPathComponent], in: folder, outcome: &outcome)
            if outcome.diagnostics.contains(where: { $0.severity == .error }) { return outcome }
            sniffed = more + sniffed
        }
        if sniffed.isEmpty && aggregates.isEmpty && resultsURL == nil {
            fail("в папке «\(folder.path)» нет файла results.csv с результатами участников — без него анализ невозможен")
            return outcome
        }

        // schools.csv
        var schools: [String: School] = [:]
        if let url = locate("schools.csv") {
            if let reader = readSideTable(url, name: "schools.csv", vocabulary: .schools, as: SchoolsTableReader.self,
                                          outcome: &outcome) {
                schools = reader.schools
            } else {
                fatal = true
            }
        }

        // scales.csv
        var scales: [Work: MarkScale] = [:]
        if let url = locate("scales.csv") {
            if let reader = readSideTable(url, name: "scales.csv", vocabulary: .scales, as: ScalesTableReader.self,
                                          outcome: &outcome) {
                scales = reader.scales
            } else {
                fatal = true
            }
        } else {
            outcome.diagnostics.append(Diagnostic(.warning,
                "в папке нет файла scales.csv со шкалами перевода баллов в отметки; шкалы будут восстановлены по отметкам из results.csv, где это возможно",
                at: SourceLocation(file: "scales.csv", line: 0)))
        }

        // tasks.csv
        var catalog: [Work: [TaskSpec]]?
        if let url = locate("tasks.csv") {
            if let reader = readSideTable(url, name: "tasks.csv", vocabulary: .tasks, as: TasksTableReader.self,
                                          outcome: &outcome) {
                catalog = reader.tasks
            } else {
                fatal = true
            }
        }

        // Many results files: recognised by their header and merged.
        if !sniffed.isEmpty || !aggregates.isEmpty {
            return readMany(sniffed, aggregates: aggregates, outcome: outcome, fatal: fatal, schools: schools,
                            scales: scales, catalog: catalog)
        }

        // results.csv
        guard let resultsURL else { return outcome }
        var scanner = InputFileScanner(url: resultsURL, file: "results.csv", vocabulary: .results, chunkSize: chunkSize)
        scanner.requiresScores = true
        var reader: ResultsTableReader?
        var parallel: ParallelRowParsing?
        let header = scanner.scan(diagnostics: &outcome.diagnostics) { record, header in
            if reader == nil {
                reader = ResultsTableReader(file: "results.csv", header: header, scales: scales, catalog: catalog,
                                            expectedRows: Self.estimatedRows(resultsURL, firstRow: record))
                parallel = parallelParsing(reader!)
            }
            reader!.consume(record, parallel: parallel)
        }
        reader?.commitPending(parallel)
        guard let header else {
            return outcome
        }
        var results = reader ?? ResultsTableReader(file: "results.csv", header: header, scales: scales, catalog: catalog)
        reader = nil  // keep the results' storage uniquely owned, so finishing does not copy it
        let works = results.finish()
        outcome.rejected += results.rejected
        outcome.findings = results.findings
        outcome.diagnostics += results.diagnostics
        var resultsSummary = summary("results.csv", header.dialect, read: results.rowsRead, rejected: results.rejected.count)
        resultsSummary.rowsAbsent = results.rowsAbsent
        outcome.files.append(resultsSummary)
        let fileStart = SourceLocation(file: "results.csv", line: 0)
        if results.diagnostics.contains(where: { $0.severity == .error }) { fatal = true }
        if results.rowsRead == 0 {
            fail("в файле results.csv нет ни одной строки с результатами, только заголовок", fileStart)
        } else if results.results.isEmpty {
            fail("в файле results.csv нет ни одной пригодной строки: все \(results.rowsRead) отклонены (см. список отклонённых строк)", fileStart)
        }
        if fatal { return outcome }

        // Schools: schools.csv first, then what results.csv says about schools it lacks.
        for (id, details) in results.schoolDetails {
            var school = schools[id] ?? School(id: id)
            if school.name.isEmpty { school.name = details.name }
            if school.municipality.isEmpty { school.municipality = details.municipality }
            schools[id] = school
        }
        for id in results.schoolIDsSeen where schools[id] == nil {
            schools[id] = School(id: id)
        }
        outcome.dataset = Dataset(works: works, schools: schools, results: results.results)
        outcome.recognised = Self.recognise(files: [("results.csv", ResultsLayout.Kind.contract.russianName, nil)],
                                            results: results.results) + outcome.recognised
        return outcome
    }

    /// The workers that parse a results table's rows, or nil to parse them on the reading thread.
    func parallelParsing(_ reader: ResultsTableReader) -> ParallelRowParsing? {
        parsingWorkers > 1 ? ParallelRowParsing(parser: reader.parser, workers: parsingWorkers, batchRows: parsingBatchRows) : nil
    }

    /// Rows a file probably holds, judged by its size and the length of its first data row.
    private static func estimatedRows(_ url: URL, firstRow: CSVRecord) -> Int {
        guard let size = (try? FileManager.default.attributesOfItem(atPath: url.path)[.size]) as? Int,
              let first = firstRow.fields.first, let last = firstRow.fields.last else { return 0 }
        let rowLength = max(16, last.end - first.start + 1)
        return min(size / rowLength + 16, 20_000_000)
    }

    func summary(_ file: String, _ dialect: CSVDialect, read: Int, rejected: Int) -> FileSummary {
        FileSummary(file: file, encoding: dialect.encoding, delimiter: dialect.delimiterText,
                    rowsRead: read, rowsUsed: read - rejected, rowsRejected: rejected)
    }
}
