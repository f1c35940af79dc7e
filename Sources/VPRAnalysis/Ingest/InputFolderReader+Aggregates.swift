import Foundation

/// A file of the input folder that holds an aggregate table, with the sheet to read.
struct SniffedAggregateFile {
    var name: String
    var url: URL
    var source: SniffedResultsFile.Source
    var layout: AggregateLayout

    var sheet: String? {
        if case .table(_, let sheet) = source { return sheet }
        return nil
    }
}

/// What the aggregate tables add to a dataset.
struct AggregateAddition {
    var aggregateKeys: Set<SchoolWorkKey> = []
    var journalShares: [SchoolWorkKey: JournalComparison] = [:]
    var schoolDetails: [String: School] = [:]
}

extension InputFolderReader {
    /// Reads the aggregate tables and adds their schools' works to `results` and `works`: one entry per
    /// participant of each score distribution (mark from the scale, journal mark from the journal table
    /// where given), the three journal counts, and checks of the tables against each other. A school's work
    /// that also has participant rows is taken from the rows. Returns nil when the tables cannot be used.
    func addAggregates(_ files: [SniffedAggregateFile], results: inout ResultTable, works: inout [Work: WorkSpec],
                       scales: [Work: MarkScale], catalog: [Work: [TaskSpec]]?,
                       outcome: inout IngestOutcome) -> AggregateAddition? {
        var scalesByWork = scales
        for (work, spec) in works where scalesByWork[work] == nil { scalesByWork[work] = spec.scale }
        var reader = AggregateTableReader(scales: scalesByWork)
        var ok = true
        for file in files {
            let layout = file.layout
            let before = reader.rowsRead, rejectedBefore = reader.rejected.count
            let body: (TableRow) -> Bool = { row in
                guard row.number > layout.headerRow, !row.isBlank, !Self.repeatsHeader(row, layout.headers) else { return true }
                reader.consume(row, layout: layout, file: file.name)
                return true
            }
            var summary = FileSummary(file: file.name, encoding: .utf8, delimiter: "")
            do {
                switch file.source {
                case .csv(let dialect):
                    summary.encoding = dialect.encoding
                    summary.delimiter = dialect.delimiterText
                    try Self.forEachCSVRow(url: file.url, dialect: dialect, chunkSize: chunkSize, body)
                case .table(let tableReader, let sheet):
                    try tableReader.forEachRow(of: file.url, sheet: sheet, body)
                }
            } catch {
                let message = (error as? TableFileError)?.message ?? error.localizedDescription
                outcome.diagnostics.append(Diagnostic(.error, "не удалось прочитать файл \(file.name): \(message)",
                                                      at: SourceLocation(file: file.name, line: 0)))
                ok = false
            }
            summary.rowsRead = reader.rowsRead - before
            summary.rowsRejected = reader.rejected.count - rejectedBefore
            summary.rowsUsed = summary.rowsRead - summary.rowsRejected
            outcome.files.append(summary)
        }
        outcome.rejected += reader.rejected
        let counts = reader.counts

        // Every work of the tables needs its scale: marks come from scores through it.
        let aggregateWorks = Set(counts.scores.keys.map(\.work)).union(counts.marks.keys.map(\.work))
            .union(counts.journalTables.keys.map(\.work)).union(counts.journalShares.keys.map(\.work))
        for work in aggregateWorks.sorted() where scalesByWork[work] == nil {
            outcome.diagnostics.append(Diagnostic(.error,
                "для работы «\(work.title)» \(work.year) года из сводных таблиц нет шкалы перевода баллов в отметки: добавьте её в scales.csv",
                at: SourceLocation(file: "scales.csv", line: 0)))
            ok = false
        }
        guard ok else { return nil }

        var addition = AggregateAddition()
        for (id, details) in counts.schoolDetails {
            addition.schoolDetails[id] = School(id: id, name: details.name, municipality: details.municipality)
        }
        let withRows = Set(results.map { SchoolWorkKey(schoolID: $0.schoolID, work: $0.work) })
        var skipped: Set<SchoolWorkKey> = []
        func usable(_ key: SchoolWorkKey) -> Bool {
            if withRows.contains(key) { skipped.insert(key); return false }
            return true
        }
        func finding(_ key: AggregateCounts.Key, _ location: SourceLocation, _ message: String) {
            outcome.findings.append(QualityFinding(kind: .aggregateMismatch, location: location, schoolID: key.schoolID,
                                                   work: key.work, studentID: "", message: message))
        }

        /// Where each school's work's participants from the score distributions are in `results`.
        var positions: [SchoolWorkKey: Range<Int>] = [:]
        /// The participants of a school's work, or nil with a warning when only `table` describes it.
        func scored(_ key: SchoolWorkKey, _ table: String, _ location: SourceLocation) -> Range<Int>? {
            if let range = positions[key] { return range }
            outcome.diagnostics.append(Diagnostic(.warning,
                "для ОО \(key.schoolID) по работе «\(key.work.title)» есть только \(table), без распределения первичных баллов: эта работа ОО не анализируется",
                at: location))
            return nil
        }

        // Participants from the score distributions, in key and score order.
        let scoreKeys = counts.scores.keys.sorted().filter { usable($0.schoolWork) }
        for key in scoreKeys {
            let scale = scalesByWork[key.work]!
            let start = results.count
            for (score, count) in counts.scores[key]!.sorted(by: { $0.key < $1.key }) {
                let participant = StudentResult(work: key.work, schoolID: key.schoolID,
                                                classLabel: key.classLabel.isEmpty ? String(key.work.grade) : key.classLabel,
                                                studentID: "", primaryScore: score, mark: scale.mark(for: score),
                                                source: count.location)
                results.append(contentsOf: repeatElement(participant, count: count.value))
            }
            let range = positions[key.schoolWork].map { $0.lowerBound..<results.count } ?? start..<results.count
            positions[key.schoolWork] = range
            addition.aggregateKeys.insert(key.schoolWork)
            if works[key.work] == nil {
                works[key.work] = WorkSpec(work: key.work, scale: scale, tasks: catalog?[key.work] ?? [])
            }
        }

        // Marks: checked against the marks the scale gives the score distribution.
        for (key, entry) in counts.marks.sorted(by: { $0.key < $1.key }) where usable(key.schoolWork) {
            guard let range = scored(key.schoolWork, "таблица отметок", entry.location) else { continue }
            var fromScores = [0, 0, 0, 0]
            for r in results[range] where key.classLabel.isEmpty || r.classLabel == key.classLabel { fromScores[r.mark - 2] += 1 }
            if fromScores != entry.counts {
                finding(key, entry.location,
                        "отметки «2»–«5» в таблице отметок (\(entry.counts.map(String.init).joined(separator: ", "))) не совпадают с полученными по распределению баллов и шкале (\(fromScores.map(String.init).joined(separator: ", ")))")
            }
        }

        // Journal marks from the cross tables, given to participants of the same class (or school) and mark.
        for (key, table) in counts.journalTables.sorted(by: { $0.key < $1.key }) where usable(key.schoolWork) {
            let location = counts.journalTableLocations[key]!
            guard let range = scored(key.schoolWork, "сравнение с журналом", location) else { continue }
            // A journal table of the whole school beside class score distributions: the classes cannot be
            // told apart in the journal comparison, so the school is one unit.
            if key.classLabel.isEmpty {
                for i in range { results[i].classLabel = String(key.work.grade) }
            }
            var free: [[Int]] = [[], [], [], []]
            for i in range where results[i].journalMark == nil
                && (key.classLabel.isEmpty || results[i].classLabel == key.classLabel) {
                free[results[i].mark - 2].append(i)
            }
            for m in 0..<4 {
                let wanted = (0..<4).reduce(0) { $0 + table[$1][m] }
                if wanted > free[m].count {
                    finding(key, location,
                            "в сравнении с журналом \(wanted) участников с отметкой «\(m + 2)», а по распределению баллов их \(free[m].count); учтены \(free[m].count)")
                }
                var next = 0
                for j in 0..<4 {
                    for _ in 0..<table[j][m] where next < free[m].count {
                        results[free[m][next]].journalMark = j + 2
                        next += 1
                    }
                }
            }
        }

        // The three journal counts, checked against the participants.
        for (key, entry) in counts.journalShares.sorted(by: { $0.key < $1.key }) where usable(key) {
            guard let range = scored(key, "сравнение с журналом", entry.location) else { continue }
            let total = entry.comparison.total
            if total > range.count {
                finding(AggregateCounts.Key(schoolID: key.schoolID, work: key.work, classLabel: ""), entry.location,
                        "в сравнении с журналом \(total) участников, а в распределении баллов \(range.count)")
            }
            if results[range].contains(where: { $0.journalMark != nil }) {
                outcome.diagnostics.append(Diagnostic(.note,
                    "для ОО \(key.schoolID) по работе «\(key.work.title)» сравнение с журналом взято из таблицы отметок по журналу; строка с долями не используется",
                    at: entry.location))
                continue
            }
            addition.journalShares[key] = entry.comparison
        }

        for key in skipped.sorted() {
            outcome.diagnostics.append(Diagnostic(.note,
                "для ОО \(key.schoolID) по работе «\(key.work.title)» есть и строки участников, и сводные таблицы; используются строки участников",
                at: nil))
        }
        outcome.recognised += files.map { Self.recognise(aggregateFile: $0, counts: counts) }
        return addition
    }

    /// What `validate` says about an aggregate file: its kind, works, schools and participants.
    static func recognise(aggregateFile file: SniffedAggregateFile, counts: AggregateCounts) -> RecognisedFile {
        var works: Set<Work> = [], schools: Set<String> = [], participants = 0
        func note(_ key: AggregateCounts.Key, _ location: SourceLocation, _ n: Int) {
            guard location.file == file.name else { return }
            works.insert(key.work)
            schools.insert(key.schoolID)
            participants += n
        }
        for (key, scores) in counts.scores { for count in scores.values { note(key, count.location, count.value) } }
        for (key, entry) in counts.marks { note(key, entry.location, entry.counts.reduce(0, +)) }
        for (key, location) in counts.journalTableLocations {
            note(key, location, counts.journalTables[key]!.joined().reduce(0, +))
        }
        for (key, entry) in counts.journalShares {
            note(AggregateCounts.Key(schoolID: key.schoolID, work: key.work, classLabel: ""), entry.location, entry.comparison.total)
        }
        return RecognisedFile(file: file.name, layout: file.layout.kind.russianName, sheet: file.sheet,
                              works: works.sorted(), schools: schools.count, participants: participants)
    }
}

extension InputFolderReader {
    /// A dataset from aggregate tables alone.
    func readAggregatesOnly(_ files: [SniffedAggregateFile], outcome start: IngestOutcome, schools knownSchools: [String: School],
                            scales: [Work: MarkScale], catalog: [Work: [TaskSpec]]?) -> IngestOutcome {
        var outcome = start
        var results = ResultTable()
        var works: [Work: WorkSpec] = [:]
        guard let addition = addAggregates(files, results: &results, works: &works, scales: scales, catalog: catalog,
                                           outcome: &outcome) else { return outcome }
        guard !results.isEmpty else {
            outcome.diagnostics.append(Diagnostic(.error,
                "в сводных таблицах нет ни одного участника: для анализа нужно распределение первичных баллов ОО",
                at: nil))
            return outcome
        }
        let schools = Self.schools(knownSchools, details: addition.schoolDetails, seen: results.map(\.schoolID))
        outcome.dataset = Dataset(works: works, schools: schools, results: results, aggregateKeys: addition.aggregateKeys,
                                  journalShares: addition.journalShares)
        return outcome
    }

    /// Schools: those of schools.csv first, then names and municipalities the tables carry, then bare ids.
    static func schools<S: Sequence>(_ start: [String: School], details: [String: School], seen: S) -> [String: School]
    where S.Element == String {
        var schools = start
        for (id, d) in details {
            var school = schools[id] ?? School(id: id)
            if school.name.isEmpty { school.name = d.name }
            if school.municipality.isEmpty { school.municipality = d.municipality }
            schools[id] = school
        }
        for id in seen where schools[id] == nil { schools[id] = School(id: id) }
        return schools
    }
}
