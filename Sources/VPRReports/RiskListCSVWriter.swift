import Foundation

/// `risk-list.csv`: the contract's columns, one row per school, sorted by score then id.
public struct RiskListCSVWriter: ReportWriter {
    public let fileName = "risk-list.csv"
    public init() {}

    public func render(_ model: ReportModel) throws -> Data {
        CSVText.document(header: RiskListRow.header, rows: model.rows.map(\.cells))
    }
}
