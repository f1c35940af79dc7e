/// Everything the ingest stage produced from an input folder: the dataset (unless the input is
/// unusable), per-file summaries, diagnostics, rejected rows and data-quality findings.
public struct IngestOutcome: Sendable {
    /// Nil when the input cannot be used at all; the diagnostics then contain an error saying why.
    public var dataset: Dataset?
    public var files: [FileSummary]
    /// File-level errors, warnings and notes, in Russian, with file, line and column.
    public var diagnostics: [Diagnostic]
    /// Every row that could not be used, with its location and Russian reason.
    public var rejected: [RejectedRow]
    /// Data-quality findings on rows that were used.
    public var findings: [QualityFinding]
    /// What each file of the folder was recognised as (layout, works, schools, participants) or
    /// why it is not used.
    public var recognised: [RecognisedFile] = []

    public var isUsable: Bool { dataset != nil }

    public init(dataset: Dataset? = nil, files: [FileSummary] = [], diagnostics: [Diagnostic] = [],
                rejected: [RejectedRow] = [], findings: [QualityFinding] = []) {
        self.dataset = dataset
        self.files = files
        self.diagnostics = diagnostics
        self.rejected = rejected
        self.findings = findings
    }

    /// The summary of one file by name, when it was read.
    public func summary(of file: String) -> FileSummary? { files.first { $0.file == file } }
}
