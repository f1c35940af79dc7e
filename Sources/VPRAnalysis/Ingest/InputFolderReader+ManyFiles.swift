import Foundation

/// A results file found in the folder, with the sheet to read and its recognised layout.
struct SniffedResultsFile {
    enum Source {
        case csv(CSVDialect)
        case table(any TableFileReader, sheet: String)
    }

    var name: String
    var url: URL
    var source: Source
    var layout: ResultsLayout

    /// The sheet read, for a workbook.
    var sheet: String? {
        if case .table(_, let sheet) = source { return sheet }
        return nil
    }
}

extension InputFolderReader {
    /// Files other than the side tables that may hold results: CSV and the extensions of the table readers.
    func resultsCandidates(names: [String]) -> [String] {
        let side: Set<String> = ["schools.csv", "scales.csv", "tasks.csv", "results.csv", "rejected-rows.csv", "risk-list.csv"]
        var extensions: Set<String> = ["csv"]
        for reader in tableReaders { extensions.formUnion(reader.fileExtensions) }
        return names.filter { name in
            let lower = name.lowercased()
            guard !name.hasPrefix("."), !name.hasPrefix("~$"), !side.contains(lower) else { return false }
            return extensions.contains((lower as NSString).pathExtension)
        }.sorted()
    }

    /// Files of the folder that are neither read nor meant for the analyzer (the reports it writes, hidden files and
    /// Excel's lock files aside), each with the reason in Russian: a user who put them there expects to hear why
    /// they were not used.
    func unusableFiles(names: [String], folder: URL) -> [(name: String, reason: String)] {
        let own: Set<String> = ["rejected-rows.csv", "risk-list.csv", "recheck-list.csv", "risk-list.xlsx", "recheck-list.xlsx",
                                "observers.xlsx", "report.docx", "report.html", "results.json", "summary.md", "truth.json",
                                "readme.md"]
        let candidates = Set(resultsCandidates(names: names))
        let side: Set<String> = ["schools.csv", "scales.csv", "tasks.csv", "results.csv"]
        return names.sorted().compactMap { name in
            let lower = name.lowercased()
            guard !name.hasPrefix("."), !name.hasPrefix("~$"), !candidates.contains(name), !side.contains(lower),
                  !own.contains(lower), !lower.hasPrefix("school-") else { return nil }
            var isDirectory: ObjCBool = false
            if FileManager.default.fileExists(atPath: folder.appendingPathComponent(name).path, isDirectory: &isDirectory),
               isDirectory.boolValue {
                return (name, "это папка; вложенные папки не читаются — положите файлы прямо в папку с данными")
            }
            switch (lower as NSString).pathExtension {
            case "xls":
                return (name, "формат Excel 97–2003 (.xls) не читается — откройте файл в Excel и сохраните как «Книга Excel (*.xlsx)»")
            case "ods":
                return (name, "формат OpenDocument (.ods) не читается — сохраните файл как «Книга Excel (*.xlsx)» или CSV")
            default:
                return (name, "не таблица результатов: читаются файлы .csv и .xlsx")
            }
        }
    }

    /// Opens each file, finds the sheet that holds a results table and recognises its layout.
    /// Files that hold no results table are noted and skipped; files that cannot be opened are errors.
    func sniff(_ names: [String], in folder: URL, outcome: inout IngestOutcome) -> [SniffedResultsFile] {
        var aggregates: [SniffedAggregateFile] = []
        return sniff(names, in: folder, outcome: &outcome, aggregates: &aggregates)
    }

    /// As `sniff(_:in:outcome:)`, also collecting the files that hold aggregate tables.
    func sniff(_ names: [String], in folder: URL, outcome: inout IngestOutcome,
               aggregates: inout [SniffedAggregateFile]) -> [SniffedResultsFile] {
        var found: [SniffedResultsFile] = []
        for name in names {
            let url = folder.appendingPathComponent(name)
            let fileStart = SourceLocation(file: name, line: 0)
            let required = name.lowercased() == "results.csv"
            func skip(_ reason: String) {
                outcome.recognised.append(RecognisedFile(file: name, problem: reason))
                outcome.diagnostics.append(Diagnostic(required ? .error : .note, "файл \(name) не используется: \(reason)", at: fileStart))
            }
            func broken(_ reason: String) {
                outcome.recognised.append(RecognisedFile(file: name, problem: reason))
                outcome.diagnostics.append(Diagnostic(.error, "файл \(name) нельзя прочитать: \(reason)", at: fileStart))
            }
            let noHeader = "в первых \(ResultsLayout.rowsToSniff) строках нет строки заголовков таблицы результатов (со столбцами «Код участника» и «Класс», «ОО» или баллами)"
            let ext = (name.lowercased() as NSString).pathExtension
            if ext == "csv" {
                do {
                    guard let dialect = try DialectDetector(chunkSize: chunkSize).detect(url: url) else {
                        skip("файл пуст")
                        continue
                    }
                    let rows = try Self.csvRows(url: url, dialect: dialect, chunkSize: chunkSize, limit: ResultsLayout.rowsToSniff)
                    guard let layout = ResultsLayout.recognise(rows, file: name) else {
                        if let aggregate = AggregateLayout.recognise(rows, file: name) {
                            aggregates.append(SniffedAggregateFile(name: name, url: url, source: .csv(dialect), layout: aggregate))
                            continue
                        }
                        skip(noHeader)
                        continue
                    }
                    found.append(SniffedResultsFile(name: name, url: url, source: .csv(dialect), layout: layout))
                } catch {
                    broken(error.localizedDescription)
                }
                continue
            }
            guard let reader = tableReaders.first(where: { $0.fileExtensions.contains(ext) }) else { continue }
            do {
                let sheets = try reader.sheetNames(of: url)
                // Every sheet that holds a results table is read (one workbook may carry a sheet per school or per
                // class); a workbook without one may hold an aggregate table instead.
                var chosen: [SniffedResultsFile] = []
                var aggregate: SniffedAggregateFile?
                var skipped: [String] = []
                for sheet in sheets {
                    var rows: [TableRow] = []
                    try reader.forEachRow(of: url, sheet: sheet) { row in
                        rows.append(row)
                        return rows.count < ResultsLayout.rowsToSniff
                    }
                    if let layout = ResultsLayout.recognise(rows, file: name, sheet: sheet) {
                        chosen.append(SniffedResultsFile(name: name, url: url, source: .table(reader, sheet: sheet), layout: layout))
                    } else if aggregate == nil, let layout = AggregateLayout.recognise(rows, file: name) {
                        aggregate = SniffedAggregateFile(name: name, url: url, source: .table(reader, sheet: sheet), layout: layout)
                    } else {
                        skipped.append(sheet)
                    }
                }
                if chosen.isEmpty, let aggregate {
                    aggregates.append(aggregate)
                    continue
                }
                guard !chosen.isEmpty else {
                    skip(sheets.count > 1 ? "ни на одном из листов (\(sheets.map { "«\($0)»" }.joined(separator: ", "))) " + noHeader.dropFirst(2) : noHeader)
                    continue
                }
                if !skipped.isEmpty {
                    let read = chosen.compactMap(\.sheet).map { "«\($0)»" }.joined(separator: ", ")
                    outcome.diagnostics.append(Diagnostic(.note,
                        "в файле \(name) \(chosen.count > 1 ? "читаются листы" : "читается лист") \(read); пропущены листы без таблицы результатов: \(skipped.map { "«\($0)»" }.joined(separator: ", "))",
                        at: fileStart))
                }
                found += chosen
            } catch let error as TableFileError {
                broken(error.message)
            } catch {
                broken(error.localizedDescription)
            }
        }
        return found
    }

    /// The first `limit` rows of a CSV file as text (all rows when `limit` is nil).
    static func csvRows(url: URL, dialect: CSVDialect, chunkSize: Int, limit: Int?) throws -> [TableRow] {
        var rows: [TableRow] = []
        try forEachCSVRow(url: url, dialect: dialect, chunkSize: chunkSize) { row in
            rows.append(row)
            return limit.map { rows.count < $0 } ?? true
        }
        return rows
    }

    static func forEachCSVRow(url: URL, dialect: CSVDialect, chunkSize: Int, _ body: (TableRow) -> Bool) throws {
        let decoder = FieldDecoder(encoding: dialect.encoding)
        try CSVByteReader(url: url, dialect: dialect, chunkSize: chunkSize).forEachRecord { record in
            body(TableRow(number: record.line, cells: (0..<record.count).map { decoder.text(record, $0) }))
        }
    }

    // MARK: - Reading and merging

    /// The columns of the merged table every file's rows are laid into.
    private static let mergedRoles: [(ColumnRole, String)] = [
        (.year, "year"), (.schoolID, "school_id"), (.schoolName, "school_name"), (.municipality, "municipality"),
        (.classLabel, "class"), (.grade, "grade"), (.subject, "subject"), (.studentID, "student_id"),
        (.variant, "variant"), (.primaryScore, "primary_score"), (.mark, "mark"), (.journalMark, "journal_mark"),
        (.gender, "gender"),
    ]

    /// Reads every recognised results file into one dataset: rows are laid into one merged table,
    /// so the same participant of the same work in two files is counted once, scales are inferred
    /// from all files together, and the works' tasks come from the files' own headers.
    func readMany(_ files: [SniffedResultsFile], aggregates: [SniffedAggregateFile] = [], outcome start: IngestOutcome,
                  fatal startFatal: Bool,
                  schools startSchools: [String: School], scales: [Work: MarkScale],
                  catalog: [Work: [TaskSpec]]?) -> IngestOutcome {
        var outcome = start
        var fatal = startFatal
        func fail(_ message: String, _ location: SourceLocation?) {
            outcome.diagnostics.append(Diagnostic(.error, message, at: location))
            fatal = true
        }

        // Every file must say, in a column or in its title, what each row is.
        var usable: [SniffedResultsFile] = []
        for file in files {
            let layout = file.layout
            let at = SourceLocation(file: file.name, line: layout.headerRow)
            // An empty collection form (the header, no participant) is reported and set aside.
            if layout.kind == .collectionForm, !hasParticipantRows(file) {
                let reason = "форма сбора результатов «\(file.name)» пуста: нет ни одной строки участника"
                outcome.diagnostics.append(Diagnostic(.warning, reason, at: at))
                outcome.recognised.append(RecognisedFile(file: file.name, layout: layout.kind.russianName,
                                                         sheet: file.sheet, problem: reason))
                var summary = FileSummary(file: file.name, encoding: .utf8, delimiter: "")
                if case .csv(let dialect) = file.source {
                    summary.encoding = dialect.encoding
                    summary.delimiter = dialect.delimiterText
                }
                outcome.files.append(summary)
                continue
            }
            let form = layout.kind == .collectionForm
            let titleHint = form ? "имя файла или листа вида «ВПР 2025 Математика 5» или строка над таблицей" : "заголовок вида «ВПР 2025 Математика 5 класс»"
            var missing: [String] = []
            if layout.mapping[.year] == nil && layout.year == nil { missing.append("год (столбец «Год» или \(titleHint))") }
            if layout.mapping[.subject] == nil && layout.subject == nil { missing.append("предмет (столбец «Предмет», строка «Предмет: …» или \(titleHint))") }
            if layout.mapping[.schoolID] == nil && layout.schoolID == nil {
                missing.append(form ? "код ОО (столбец «Пользователь» / «Логин»)" : "код ОО (столбец «ОО» / «Код ОО» или строка «Название ОО (sch123456)»)")
            }
            if layout.mapping[.classLabel] == nil && layout.grade == nil && layout.mapping[.grade] == nil { missing.append("класс (столбец «Класс»)") }
            if layout.mapping[.primaryScore] == nil && layout.mapping.taskColumns.isEmpty { missing.append("баллы (столбец «Первичный балл» или столбцы заданий)") }
            if !missing.isEmpty {
                let reason = "не удалось определить " + missing.joined(separator: "; ")
                fail("в файле \(file.name) \(reason)", at)
                outcome.recognised.append(RecognisedFile(file: file.name, layout: layout.kind.russianName, problem: reason))
                continue
            }
            outcome.diagnostics += layout.mapping.diagnostics.filter { $0.severity != .note }
            usable.append(file)
        }

        // Tasks and maxima from the files' headers, checked against each other and tasks.csv.
        var fileTasks: [Work: (tasks: [TaskSpec], file: String, line: Int, columns: [String: Int])] = [:]
        var maxScores: [Work: ResultsLayout.Located<Int>] = [:]
        for file in usable {
            let layout = file.layout
            guard let work = layout.work else { continue }
            let columns = layout.mapping.taskColumns
            if let declared = layout.maxScore {
                if let first = maxScores[work], first.value != declared.value {
                    fail("разные максимальные первичные баллы работы «\(work.title)» \(work.year) года: \(first.value) (\(first.location)) и \(declared.value) (\(declared.location))",
                         declared.location)
                } else if maxScores[work] == nil {
                    maxScores[work] = declared
                }
            }
            guard !columns.isEmpty, columns.allSatisfy({ $0.maxPoints != nil }) else { continue }
            let tasks = columns.map { TaskSpec(id: $0.id, maxPoints: $0.maxPoints!, level: layout.levels[$0.id]) }
            let columnOf = Dictionary(columns.map { ($0.id, $0.index + 1) }, uniquingKeysWith: { a, _ in a })
            if let first = fileTasks[work] {
                let firstByID = Dictionary(first.tasks.map { ($0.id, $0.maxPoints) }, uniquingKeysWith: { a, _ in a })
                for task in tasks {
                    if let other = firstByID[task.id], other != task.maxPoints {
                        let here = SourceLocation(file: file.name, line: layout.headerRow, column: columnOf[task.id])
                        let there = SourceLocation(file: first.file, line: first.line, column: first.columns[task.id])
                        fail("разные максимальные баллы задания \(task.id) работы «\(work.title)» \(work.year) года: \(other) (\(there)) и \(task.maxPoints) (\(here))",
                             here)
                    }
                }
                if Set(first.tasks.map(\.id)) != Set(tasks.map(\.id)) {
                    fail("разный состав заданий работы «\(work.title)» \(work.year) года в файлах \(first.file) (строка \(first.line)) и \(file.name) (строка \(layout.headerRow))",
                         SourceLocation(file: file.name, line: layout.headerRow))
                }
            } else {
                fileTasks[work] = (tasks, file.name, layout.headerRow, columnOf)
            }
        }
        for (work, declared) in maxScores {
            guard let tasks = fileTasks[work]?.tasks ?? catalog?[work] else { continue }
            let total = tasks.reduce(0) { $0 + $1.maxPoints }
            if total != declared.value {
                outcome.diagnostics.append(Diagnostic(.warning,
                    "максимальный первичный балл работы «\(work.title)» \(work.year) года (\(declared.value)) не равен сумме максимальных баллов заданий (\(total))",
                    at: declared.location))
            }
        }
        if fatal || (usable.isEmpty && aggregates.isEmpty) {
            if usable.isEmpty && !fatal { fail("в папке нет ни одного файла с результатами участников", nil) }
            return outcome
        }
        if usable.isEmpty {
            return readAggregatesOnly(aggregates, outcome: outcome, schools: startSchools, scales: scales, catalog: catalog)
        }
        var mergedCatalog = catalog
        if !fileTasks.isEmpty {
            var merged = catalog ?? [:]
            for (work, entry) in fileTasks where merged[work] == nil { merged[work] = entry.tasks }
            mergedCatalog = merged
        }

        // The merged table: fixed columns, then every task id in order of first appearance.
        var taskIDs: [String] = []
        var taskMax: [String: Int?] = [:]
        for file in usable {
            for column in file.layout.mapping.taskColumns {
                if taskMax[column.id] == nil {
                    taskIDs.append(column.id)
                    taskMax[column.id] = column.maxPoints
                } else if taskMax[column.id]! != column.maxPoints {
                    taskMax[column.id] = .some(nil)
                }
            }
        }
        let headers = Self.mergedRoles.map(\.1) + taskIDs.map { "task_\($0)" }
        var mapping = HeaderMapping(headers: headers, vocabulary: .results, file: usable[0].name, line: 1)
        for k in mapping.taskColumns.indices { mapping.taskColumns[k].maxPoints = taskMax[mapping.taskColumns[k].id] ?? nil }
        let header = InputFileScanner.Header(dialect: CSVDialect(encoding: .utf8, delimiter: 0x3B), mapping: mapping, line: 1)
        var reader = ResultsTableReader(file: usable[0].name, header: header, scales: scales, catalog: mergedCatalog)
        reader.catalogFromTasksFile = catalog != nil
        // Rows are checked on worker threads and committed in file order, as for a single results.csv; the rows
        // still waiting are committed before a row is rejected here and at the end of each file, so rejected rows,
        // counts and file summaries come out exactly as when reading row by row.
        let parallel = parallelParsing(reader)

        // Workbooks are decoded on both cores ahead of their rows' use: several (one per work, as exports come)
        // side by side, a single one beside the consumer of its rows; a bounded number of rows is held.
        let tableJobs = usable.compactMap { file -> TableRowPrefetch.Job? in
            guard case .table(let tableReader, let sheet) = file.source else { return nil }
            return TableRowPrefetch.Job(reader: tableReader, url: file.url, sheet: sheet)
        }
        let prefetch = tableJobs.isEmpty ? nil : TableRowPrefetch(jobs: tableJobs)
        prefetch?.start()
        defer { prefetch?.cancel() }
        var tableJob = 0

        var summaries: [FileSummary] = []
        for file in usable {
            let layout = file.layout
            var sources: [MergedRecord.Source] = Self.mergedRoles.map { role, _ in
                if let index = layout.mapping[role] { return .column(index) }
                switch role {
                case .year: return layout.year.map { .constant(String($0.value)) } ?? .none
                case .subject: return layout.subject.map { .constant($0.value) } ?? .none
                case .grade: return layout.grade.map { .constant(String($0.value)) } ?? .none
                case .classLabel: return layout.grade.map { .constant(String($0.value)) } ?? .none
                case .schoolID: return layout.schoolID.map { .constant($0.value) } ?? .none
                case .schoolName: return layout.schoolName.map { .constant($0) } ?? .none
                default: return .none
                }
            }
            let taskIndex = Dictionary(layout.mapping.taskColumns.map { ($0.id, $0.index) }, uniquingKeysWith: { a, _ in a })
            sources += taskIDs.map { id in taskIndex[id].map { .column($0) } ?? .none }
            let columnNumbers: [Int?] = sources.map { if case .column(let i) = $0 { return i + 1 } else { return nil } }
            reader.beginSource(file: file.name, columnNumbers: columnNumbers)
            let readBefore = reader.rowsRead, rejectedBefore = reader.rejected.count, absentBefore = reader.rowsAbsent
            let headerCount = layout.mapping.headers.count

            var merged = MergedRecord()
            // A workbook's rows arrive as text.
            let body: (TableRow) -> Bool = { row in
                guard row.number > layout.headerRow, !row.isBlank else { return true }
                // The header again: the lower half of a header merged over two rows, or a repeat at a page break.
                if Self.repeatsHeader(row, layout.mapping.headers) { return true }
                merged.lay(row, sources: sources)
                merged.withRecord(line: row.number) { reader.consume($0, parallel: parallel) }
                return true
            }
            // A CSV file's records are laid byte for byte; text is decoded only to tell a blank or header row and to
            // quote a rejected one.
            func csvBody(_ decoder: FieldDecoder) -> (CSVRecord) -> Bool {
                { record in
                    guard record.line > layout.headerRow,
                          !Self.isBlankOrHeader(record, decoder: decoder, headers: layout.mapping.headers) else { return true }
                    let n = record.count
                    if n != headerCount {
                        let extra = n > headerCount && (headerCount..<n).contains { !decoder.text(record, $0).isEmpty }
                        if n < headerCount || extra {
                            reader.commitPending(parallel)
                            reader.reject(line: record.line, column: n < headerCount ? n + 1 : headerCount + 1,
                                          reason: "в строке \(n) \(RowShape.fieldsWord(n)), а в заголовке \(headerCount): \(n < headerCount ? "не хватает полей" : "лишние поля")",
                                          fields: (0..<n).map { decoder.text(record, $0) })
                            return true
                        }
                    }
                    merged.lay(record, sources: sources, decoder: decoder)
                    merged.withRecord(line: record.line) { reader.consume($0, parallel: parallel) }
                    return true
                }
            }
            var encoding = TextEncodingKind.utf8
            var delimiter = ""
            do {
                switch file.source {
                case .csv(let dialect):
                    encoding = dialect.encoding
                    delimiter = dialect.delimiterText
                    try CSVByteReader(url: file.url, dialect: dialect, chunkSize: chunkSize)
                        .forEachRecord(csvBody(FieldDecoder(encoding: dialect.encoding)))
                case .table:
                    // Every workbook sheet is a job of the prefetch, in this order.
                    defer { tableJob += 1 }
                    if let message = prefetch?.forEachRow(job: tableJob, body) { throw TableFileError(message) }
                }
            } catch {
                let message = (error as? TableFileError)?.message ?? error.localizedDescription
                fail("не удалось прочитать файл \(file.name): \(message)", SourceLocation(file: file.name, line: 0))
            }
            reader.commitPending(parallel)
            let read = reader.rowsRead - readBefore
            let rejected = reader.rejected.count - rejectedBefore
            summaries.append(FileSummary(file: file.name, encoding: encoding, delimiter: delimiter, rowsRead: read,
                                         rowsUsed: read - rejected, rowsRejected: rejected,
                                         rowsAbsent: reader.rowsAbsent - absentBefore))
            if read == 0 {
                outcome.diagnostics.append(Diagnostic(.warning, "в файле \(file.name) нет ни одной строки с результатами, только заголовок",
                                                      at: SourceLocation(file: file.name, line: layout.headerRow)))
            }
        }

        var works = reader.finish()
        outcome.rejected += reader.rejected
        outcome.findings += reader.findings
        outcome.diagnostics += reader.diagnostics
        outcome.files += summaries
        if reader.diagnostics.contains(where: { $0.severity == .error }) { fatal = true }
        if reader.rowsRead == 0 {
            fail("в файлах с результатами нет ни одной строки участников, только заголовки", nil)
        } else if reader.results.isEmpty {
            fail("в файлах с результатами нет ни одной пригодной строки: все \(reader.rowsRead) отклонены (см. список отклонённых строк)", nil)
        }
        let recognisedFiles = usable.map { file -> (String, String, String?) in
            if case .table(_, let sheet) = file.source { return (file.name, file.layout.kind.russianName, sheet) }
            return (file.name, file.layout.kind.russianName, nil)
        }
        if fatal {
            outcome.recognised = Self.recognise(files: recognisedFiles, results: reader.results) + outcome.recognised
            return outcome
        }

        outcome.recognised = Self.recognise(files: recognisedFiles, results: reader.results) + outcome.recognised
        var results = reader.results
        var addition = AggregateAddition()
        if !aggregates.isEmpty {
            guard let added = addAggregates(aggregates, results: &results, works: &works, scales: scales,
                                            catalog: mergedCatalog, outcome: &outcome) else { return outcome }
            addition = added
        }
        let schools = Self.schools(startSchools, details: reader.schoolDetails.merging(addition.schoolDetails) { a, _ in a },
                                   seen: reader.schoolIDsSeen + Set(results.map(\.schoolID)).sorted())
        outcome.dataset = Dataset(works: works, schools: schools, results: results, aggregateKeys: addition.aggregateKeys,
                                  journalShares: addition.journalShares)
        return outcome
    }

    /// True when the file has a non-blank row below its header that is not the header again
    /// (a file that cannot be read counts as having rows: reading it reports the error).
    func hasParticipantRows(_ file: SniffedResultsFile) -> Bool {
        var found = false
        let layout = file.layout
        let body: (TableRow) -> Bool = { row in
            guard row.number > layout.headerRow, !row.isBlank, !Self.repeatsHeader(row, layout.mapping.headers) else { return true }
            found = true
            return false
        }
        do {
            switch file.source {
            case .csv(let dialect): try Self.forEachCSVRow(url: file.url, dialect: dialect, chunkSize: chunkSize, body)
            case .table(let reader, let sheet): try reader.forEachRow(of: file.url, sheet: sheet, body)
            }
        } catch {
            return true
        }
        return found
    }

    /// True when the record is blank or repeats the header, as `TableRow.isBlank` and `repeatsHeader` judge its text;
    /// only the cells up to the first non-blank one are decoded unless that one is the header's text.
    static func isBlankOrHeader(_ record: CSVRecord, decoder: FieldDecoder, headers: [String]) -> Bool {
        for index in 0..<record.count {
            let text = decoder.text(record, index)
            if text.isEmpty { continue }
            guard index < headers.count, headers[index] == text else { return false }
            return repeatsHeader(TableRow(number: record.line, cells: (0..<record.count).map { decoder.text(record, $0) }), headers)
        }
        return true
    }

    /// True when every non-empty cell of the row is the header's text of its column.
    static func repeatsHeader(_ row: TableRow, _ headers: [String]) -> Bool {
        var any = false
        for (index, cell) in row.cells.enumerated() {
            let text = cell.trimmingWhitespaceAndNBSP()
            if text.isEmpty { continue }
            guard index < headers.count, headers[index] == text else { return false }
            any = true
        }
        return any
    }

    /// Per file: its layout and what its used rows hold.
    static func recognise(files: [(name: String, layout: String, sheet: String?)], results: ResultTable) -> [RecognisedFile] {
        var works: [String: Set<Work>] = [:]
        var schools: [String: Set<String>] = [:]
        var counts: [String: Int] = [:]
        for r in results {
            works[r.source.file, default: []].insert(r.work)
            schools[r.source.file, default: []].insert(r.schoolID)
            counts[r.source.file, default: 0] += 1
        }
        return files.map { name, layout, sheet in
            RecognisedFile(file: name, layout: layout, sheet: sheet, works: (works[name] ?? []).sorted(),
                           schools: schools[name]?.count ?? 0, participants: counts[name] ?? 0)
        }
    }
}
