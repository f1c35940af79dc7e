import Foundation

/// One output format: a file name and a pure rendering of the view model into bytes.
public protocol ReportWriter: Sendable {
    var fileName: String { get }
    /// Whether this file belongs in the output of this run (e.g. `rejected-rows.csv` only when rows were rejected).
    func applies(to model: ReportModel) -> Bool
    func render(_ model: ReportModel) throws -> Data
}

extension ReportWriter {
    public func applies(to model: ReportModel) -> Bool { true }
}
