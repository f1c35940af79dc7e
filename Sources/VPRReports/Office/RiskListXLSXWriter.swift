import Foundation
import VPRAnalysis

/// `risk-list.xlsx`: the rows of `risk-list.csv` with Russian headers, for attaching to an order.
public struct RiskListXLSXWriter: ReportWriter {
    public let fileName = "risk-list.xlsx"
    public init() {}

    public static let header = ["Код ОО", "Наименование ОО", "Муниципалитет", "Группа риска (1/0)", "Балл риска",
                                "Категории", "Работы с признаками", "Показатели", "Участников", "Повторно (1/0)"]

    public func render(_ model: ReportModel) throws -> Data {
        let rows: [[XLSXWorkbook.Cell]] = model.rows.map { r in
            [.text(r.schoolID), .text(r.schoolName), .text(r.municipality), .integer(r.riskGroup ? 1 : 0),
             .integer(r.riskScore), .text(r.categories), .text(r.flaggedWorks), .text(r.indicators), .integer(r.participants),
             r.isRepeat.map { .integer($0 ? 1 : 0) } ?? .text("")]
        }
        let sheet = XLSXWorkbook.Sheet(name: "Перечень ОО", header: Self.header, rows: rows,
                                       columnWidths: [12, 48, 24, 11, 9, 16, 32, 26, 12, 11])
        return try XLSXWorkbook(sheets: [sheet]).data()
    }
}
