import Foundation

/// `rejected-rows.csv`: every input row that was not used, with its place and reason, then its fields as read.
public struct RejectedRowsCSVWriter: StreamingReportWriter {
    public let fileName = "rejected-rows.csv"
    public init() {}

    public func applies(to model: ReportModel) -> Bool { !model.ingest.rejected.isEmpty }

    public func write(_ model: ReportModel, to sink: ByteSink) throws {
        let rows = model.ingest.rejected.lazy.map { r -> [String] in
            [r.location.file, String(r.location.line), r.location.column.map(String.init) ?? "", r.reason] + r.fields
        }
        try CSVText.write(header: ["Файл", "Строка", "Столбец", "Причина", "Данные строки"], rows: rows, to: sink)
    }
}
