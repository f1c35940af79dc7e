import Foundation

/// One output format: a file name and a pure rendering of the view model into bytes.
public protocol ReportWriter: Sendable {
    var fileName: String { get }
    /// Whether this file belongs in the output of this run (e.g. `rejected-rows.csv` only when rows were rejected).
    func applies(to model: ReportModel) -> Bool
    func render(_ model: ReportModel) throws -> Data
    /// The same bytes as `render`, written to `sink` as they are made. By default the rendering is written at once;
    /// the writers of the large files (`StreamingReportWriter`) make theirs piece by piece.
    func write(_ model: ReportModel, to sink: ByteSink) throws
}

extension ReportWriter {
    public func applies(to model: ReportModel) -> Bool { true }

    public func write(_ model: ReportModel, to sink: ByteSink) throws { try sink.write(render(model)) }
}

/// A writer whose file can be hundreds of megabytes at national scale: it writes it piece by piece into a sink,
/// and `render` is that writing into memory. It must implement `write(_:to:)`.
public protocol StreamingReportWriter: ReportWriter {}

extension StreamingReportWriter {
    public func render(_ model: ReportModel) throws -> Data {
        let sink = ByteSink()
        try write(model, to: sink)
        return try sink.data
    }
}
