import Foundation
import VPRAnalysis

/// The columns of the re-marking list, shared by its CSV and XLSX forms.
enum RecheckListTable {
    static let header = ["Код ОО", "ОО", "Работа", "Класс", "Код участника", "Первичный балл", "Отметка", "Основание"]

    static func cells(_ p: RecheckPlan.Paper, _ model: ReportModel) -> [XLSXWorkbook.Cell] {
        [.text(p.schoolID), .text(p.schoolName), .text(model.title(p.work)), .text(p.classLabel), .text(p.studentID),
         .integer(p.primaryScore), .integer(p.mark), .text(p.reason.russian)]
    }

    static func text(_ cell: XLSXWorkbook.Cell) -> String {
        switch cell {
        case .text(let s): return s
        case .integer(let n): return String(n)
        case .number(let x): return String(x)
        case .empty: return ""
        }
    }
}

/// `recheck-list.csv`: papers of flagged (school, work) pairs to be re-marked by independent experts.
/// The control sample's seed is in the «Основание» column of its rows.
public struct RecheckListCSVWriter: ReportWriter {
    public let fileName = "recheck-list.csv"
    public init() {}

    public func render(_ model: ReportModel) throws -> Data {
        let plan = model.recheckPlan
        return CSVText.document(header: RecheckListTable.header,
                                rows: plan.papers.map { RecheckListTable.cells($0, model).map(RecheckListTable.text) })
    }
}

/// `recheck-list.xlsx`: the same list, plus a sheet with the selection rule and every seed.
public struct RecheckListXLSXWriter: ReportWriter {
    public let fileName = "recheck-list.xlsx"
    public init() {}

    public func render(_ model: ReportModel) throws -> Data {
        let plan = model.recheckPlan
        let list = XLSXWorkbook.Sheet(name: "Перепроверка", header: RecheckListTable.header,
                                      rows: plan.papers.map { RecheckListTable.cells($0, model) },
                                      columnWidths: [12, 40, 20, 8, 18, 10, 9, 34])
        let groups = plan.groups.map { g -> [XLSXWorkbook.Cell] in
            [.text(g.key.schoolID), .text(model.ingest.dataset?.school(g.key.schoolID).name ?? ""), .text(model.title(g.key.work)),
             .integer(g.papers), .integer(g.boundaryPapers), .integer(g.controlPapers), .text(String(g.seed))]
        }
        let rule = "Отбираются все работы с первичным баллом от минимального балла отметки «3», «4» или «5» "
            + "до этого балла + 1, и случайная контрольная выборка из остальных работ ОО по работе: "
            + "\(Int(plan.controlShare * 100)) %, не меньше \(plan.minimumControl). Генератор SplitMix64; зерно ОО × работы "
            + "выводится из базового зерна \(plan.baseSeed) и кода ОО и работы (FNV-1a), выборка воспроизводима."
        let parameters = XLSXWorkbook.Sheet(
            name: "Параметры выборки",
            header: ["Код ОО", "ОО", "Работа", "Работ всего", "У границ", "Контрольная выборка", "Зерно"],
            rows: groups + [[], [.text("Базовое зерно"), .text(String(plan.baseSeed))], [.text("Правило отбора"), .text(rule)]],
            columnWidths: [14, 40, 20, 10, 10, 12, 22], autoFilter: false)
        return try XLSXWorkbook(sheets: [list, parameters]).data()
    }
}
