import VPRAnalysis

/// The Russian text of the «what changed» section and the trend tables, shared by every report writer.
public struct HistoryText: Sendable {
    public let model: ReportModel
    public let history: HistoryView

    public init?(_ model: ReportModel) {
        guard let history = model.history else { return nil }
        self.model = model
        self.history = history
    }

    public static let heading = "Что изменилось с прошлого запуска"

    /// «Name (code)»: the name from this run's `schools.csv`, else as the previous run recorded it, else the code.
    private func names(_ ids: [String]) -> String {
        ids.map { id in
            var name = model.ingest.dataset?.school(id).name ?? ""
            if name.isEmpty { name = history.previous?.names[id] ?? "" }
            return name.isEmpty ? id : "\(name) (\(id))"
        }.joined(separator: "; ")
    }

    /// The paragraphs of the section, each a plain sentence.
    public var paragraphs: [String] {
        var out: [String] = []
        if let number = history.runID { out.append("Запуск № \(number) в истории запусков.") }
        guard let previous = history.previous else {
            out.append("Это первый запуск в истории: сравнивать не с чем; следующий запуск сравнит свой перечень с этим.")
            return out + repeats
        }
        out.append("Предыдущий запуск — № \(previous.id) от \(previous.date); в его перечне было ОО: \(previous.riskGroup.count), "
                   + "в нынешнем — \(model.analysis.riskGroup.count).")
        out.append(history.entered.isEmpty ? "Новых ОО в перечне нет."
                   : "Вошли в перечень (\(history.entered.count)): \(names(history.entered)).")
        out.append(history.left.isEmpty ? "Из перечня не вышла ни одна ОО."
                   : "Вышли из перечня (\(history.left.count)): \(names(history.left)).")
        if !history.withoutData.isEmpty {
            out.append("Нет данных в этом запуске (\(history.withoutData.count)): \(names(history.withoutData)). "
                       + "Эти ОО были в перечне запуска № \(previous.id), но их результатов в данных этого запуска нет — "
                       + "сравнить не с чем, поэтому вышедшими из перечня они не считаются.")
        }
        return out + repeats
    }

    private var repeats: [String] {
        let ids = history.earlierRiskYears.keys.sorted()
        guard !ids.isEmpty else { return ["ОО, включённых в перечень повторно (и в прошлые годы), нет."] }
        let list = ids.map { id in
            "\(names([id])) — также в \(history.earlierRiskYears[id]!.map(String.init).joined(separator: ", ")) г."
        }
        let text = "Повторно в перечне (\(ids.count)): " + list.joined(separator: "; ")
        return [text.hasSuffix(".") ? text : text + "."]
    }

    /// Header of a school's trend table.
    public static let trendHeader = ["Работа", "Год", "Участников", "«4» и «5»", "Средний балл", "Дотягивание", "Понизили", "Повысили"]

    /// A school's trend table rows: works that span more than one year.
    public func trendRows(_ schoolID: String) -> [[String]] {
        history.multiYearTrend(of: schoolID).map { p in
            ["\(p.work.subject) \(p.work.grade)", String(p.work.year), String(p.participants), RussianFormat.percent(p.share45),
             RussianFormat.number(p.meanScore), p.pulledShare.map { RussianFormat.percent($0) } ?? "—",
             p.lowered.map { RussianFormat.percent($0) } ?? "—", p.raised.map { RussianFormat.percent($0) } ?? "—"]
        }
    }

    /// Caption of a school's table by runs: «Динамика по запускам (ВПР 2025 г.)».
    public var runTrendCaption: String { "Динамика по запускам (ВПР \(model.assessmentYear) г.)" }

    /// Header of a school's table by runs.
    public static let runTrendHeader = ["Запуск", "Дата отчёта", "В перечне", "Балл риска", "Показатели"]

    /// A school's table by runs of this assessment year (two runs or more, this one last); else empty.
    public func runTrendRows(_ schoolID: String) -> [[String]] {
        history.runTrend(of: schoolID).map { r in
            [r.runID.map { "№ \($0)" } ?? "этот", r.runDate, r.riskGroup ? "да" : "нет", String(r.riskScore),
             r.indicators.isEmpty ? "—" : r.indicators.replacingOccurrences(of: "|", with: ", ")]
        }
    }

    /// «повторно (также в 2024 г.)» for a school flagged again, else nil.
    public func repeatNote(_ schoolID: String) -> String? {
        history.earlierRiskYears[schoolID].map { "повторно (также в \($0.map(String.init).joined(separator: ", ")) г.)" }
    }
}
