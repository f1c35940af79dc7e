import Foundation

/// `rejected-rows.csv`: every input row that was not used, with its place and reason, then its fields as read.
public struct RejectedRowsCSVWriter: ReportWriter {
    public let fileName = "rejected-rows.csv"
    public init() {}

    public func applies(to model: ReportModel) -> Bool { !model.ingest.rejected.isEmpty }

    public func render(_ model: ReportModel) throws -> Data {
        let rows = model.ingest.rejected.map { r -> [String] in
            [r.location.file, String(r.location.line), r.location.column.map(String.init) ?? "", r.reason] + r.fields
        }
        return CSVText.document(header: ["Файл", "Строка", "Столбец", "Причина", "Данные строки"], rows: rows)
    }
}
