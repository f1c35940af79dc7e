import Foundation

/// A reader of one of the optional side tables (`schools.csv`, `scales.csv`, `tasks.csv`): built from the
/// file's header, fed its records, and accounting for every row.
protocol SideTableReader {
    init(file: String, header: InputFileScanner.Header)
    mutating func consume(_ record: CSVRecord)
    var rowsRead: Int { get }
    var rejected: [RejectedRow] { get }
    /// Findings about the table as a whole (none by default).
    var diagnostics: [Diagnostic] { get }
}

extension SideTableReader {
    var diagnostics: [Diagnostic] { [] }
}

extension SchoolsTableReader: SideTableReader {}
extension ScalesTableReader: SideTableReader {}
extension TasksTableReader: SideTableReader {}

extension InputFolderReader {
    /// Reads one side table into `outcome` (rejected rows, diagnostics, file summary); nil when the file
    /// cannot be used at all (its scanner has already said why).
    func readSideTable<Reader: SideTableReader>(_ url: URL, name: String, vocabulary: HeaderVocabulary,
                                                as _: Reader.Type, outcome: inout IngestOutcome) -> Reader? {
        let scanner = InputFileScanner(url: url, file: name, vocabulary: vocabulary, chunkSize: chunkSize)
        var reader: Reader?
        let header = scanner.scan(diagnostics: &outcome.diagnostics) { record, header in
            if reader == nil { reader = Reader(file: name, header: header) }
            reader!.consume(record)
        }
        guard let header else { return nil }
        let done = reader ?? Reader(file: name, header: header)
        outcome.rejected += done.rejected
        outcome.diagnostics += done.diagnostics
        outcome.files.append(summary(name, header.dialect, read: done.rowsRead, rejected: done.rejected.count))
        return done
    }
}
