import Foundation
import VPRAnalysis

/// `observers.xlsx`: risk-group schools, in risk order, with the works and classes where independent
/// observers should sit at the next round.
public struct ObserversXLSXWriter: ReportWriter {
    public let fileName = "observers.xlsx"
    public init() {}

    public static let header = ["№", "Код ОО", "Наименование ОО", "Муниципалитет", "Балл риска", "Работа",
                                "Классы, писавшие работу", "Где наблюдать в следующем году", "Показатели"]

    public func render(_ model: ReportModel) throws -> Data {
        var rank: [String: Int] = [:]
        for (i, s) in model.analysis.riskGroup.enumerated() { rank[s.school.id] = i + 1 }
        let rows: [[XLSXWorkbook.Cell]] = model.observerPlan.visits.map { v in
            [.integer(rank[v.schoolID] ?? 0), .text(v.schoolID), .text(v.schoolName), .text(v.municipality),
             .integer(v.riskScore), .text(model.title(v.work)), .text(v.classes.joined(separator: ", ")),
             .text(v.nextRound), .text(v.indicators.map(\.rawValue).joined(separator: ", "))]
        }
        let sheet = XLSXWorkbook.Sheet(name: "Наблюдатели", header: Self.header, rows: rows,
                                       columnWidths: [5, 12, 40, 22, 9, 20, 18, 44, 22])
        return try XLSXWorkbook(sheets: [sheet]).data()
    }
}
