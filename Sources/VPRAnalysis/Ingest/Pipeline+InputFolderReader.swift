import Foundation

extension Pipeline {
    /// Reads an input folder with the given reader (one that also opens spreadsheets, say), then
    /// analyses it when it is usable.
    public func run(folder: URL, reader: InputFolderReader) -> PipelineOutcome {
        let ingest = reader.read(folder: folder)
        guard let dataset = ingest.dataset else { return PipelineOutcome(ingest: ingest, analysis: nil) }
        return PipelineOutcome(ingest: ingest, analysis: analyze(dataset))
    }
}
