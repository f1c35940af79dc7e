import Foundation
import VPRAnalysis

/// `summary.md`: a readable Russian summary — counts, the list, and each school's reasons in plain words.
public struct SummaryMarkdownWriter: ReportWriter {
    public let fileName = "summary.md"
    public init() {}

    public func render(_ model: ReportModel) throws -> Data {
        var md = MarkdownText()
        let a = model.analysis
        let config = a.config.decision
        md.line("# Признаки необъективности результатов ВПР: краткая справка")
        md.line()
        md.line("Дата формирования: \(model.options.date). Входные данные: `\(model.options.inputName)`. "
                + "Версия анализатора: \(model.options.engineVersion).")
        md.line()
        md.line("## Итоги")
        md.line()
        let participants = a.works.reduce(0) { $0 + $1.participants }
        md.line("- Проанализировано ОО: \(a.schools.count); работ: \(a.works.count); результатов участников: \(participants).")
        md.line("- В группу риска включено ОО: **\(a.riskGroup.count)**"
                + (a.riskGroup.isEmpty ? "." : " (" + categoryCounts(a.riskGroup) + ")."))
        md.line("- Строк во входных файлах прочитано: \(model.totals.read) = использовано \(model.totals.used) + "
                + "отклонено \(model.totals.rejected) (из них отсутствовавших участников: \(model.totals.absent)).")
        if !model.ingest.findings.isEmpty {
            md.line("- Замечаний к качеству данных: \(model.ingest.findings.count) (см. раздел «Качество данных»).")
        }
        md.line("- Вероятность ошибочно включить в перечень ОО с объективными результатами — не более "
                + "\(RussianFormat.percent(config.schoolFalsePositiveRate, digits: 0)) на каждую ОО; "
                + "ожидаемая доля ложных включений среди всех включений — не более "
                + "\(RussianFormat.percent(config.falseDiscoveryRate, digits: 0)).")
        md.line()
        md.line("## Перечень ОО с признаками необъективности результатов")
        md.line()
        if a.riskGroup.isEmpty {
            md.line("Признаков необъективности, достаточных для включения в группу риска, не выявлено.")
        } else {
            md.line("| № | Код ОО | Наименование ОО | Муниципалитет | Балл риска | Категории | Работы | Индикаторы |")
            md.line("|---|---|---|---|---|---|---|---|")
            for (i, s) in a.riskGroup.enumerated() {
                let works = s.flaggedWorks.map(model.title).joined(separator: ", ")
                let cells = ["\(i + 1)", s.school.id, s.school.name, s.school.municipality, "\(s.riskScore)",
                             s.categories.map(\.russianShort).joined(separator: ", "), works,
                             s.indicators.map(\.rawValue).joined(separator: ", ")]
                md.line("| " + cells.map(MarkdownText.escapeCell).joined(separator: " | ") + " |")
            }
        }
        md.line()
        if let history = HistoryText(model) {
            md.line("## \(HistoryText.heading)")
            md.line()
            for p in history.paragraphs { md.line(MarkdownText.escapeText(p)) ; md.line() }
        }
        if !a.riskGroup.isEmpty {
            md.line("## Обоснование по каждой ОО")
            md.line()
            for (i, s) in a.riskGroup.enumerated() {
                let name = s.school.name.isEmpty ? s.school.id : "\(s.school.name) (\(s.school.id))"
                md.line("### \(i + 1). \(MarkdownText.escapeText(name)) — балл риска \(s.riskScore)")
                md.line()
                for t in s.evidence {
                    md.line("- **\(t.code.rawValue)** — \(t.code.russianName). \(MarkdownText.escapeText(t.explanation)) "
                            + "Скорректированное p \(adjustedP(t)); \(t.effectName): \(effect(t))"
                            + (effect(t).hasSuffix(".") ? "" : "."))
                }
                let classes = classNotes(for: s, in: a)
                if !classes.isEmpty {
                    md.line("- Классы, где расхождение с журналом заметнее всего: \(MarkdownText.escapeText(classes)).")
                }
                if let history = HistoryText(model) {
                    if let note = history.repeatNote(s.school.id) { md.line("- В перечне \(note).") }
                    let rows = history.trendRows(s.school.id)
                    md.captionedTable("Динамика по годам", header: HistoryText.trendHeader, rows: rows)
                    md.captionedTable(history.runTrendCaption, header: HistoryText.runTrendHeader,
                                      rows: history.runTrendRows(s.school.id))
                }
                md.line()
            }
        }
        md.line("## По работам")
        md.line()
        md.line("| Работа | ОО | Участников | «2» | «3» | «4» | «5» | Понизили | Подтвердили | Повысили |")
        md.line("|---|---|---|---|---|---|---|---|---|---|")
        for w in a.works {
            let n = max(w.participants, 1), j = w.journal, jn = max(j.total, 1)
            let marks = w.marks.map { RussianFormat.percent(Double($0) / Double(n)) }
            md.line("| \(MarkdownText.escapeCell(model.title(w.work))) | \(w.schools) | \(w.participants) | " + marks.joined(separator: " | ")
                    + " | \(RussianFormat.percent(Double(j.lowered) / Double(jn))) | "
                    + "\(RussianFormat.percent(Double(j.confirmed) / Double(jn))) | "
                    + "\(RussianFormat.percent(Double(j.raised) / Double(jn))) |")
        }
        md.line()
        appendDataQuality(&md, model)
        md.line("## Как читать")
        md.line()
        md.line("- **BOUNDARY** — на минимальном балле отметки «3», «4» или «5» работ больше, а на балл ниже — меньше, "
                + "чем ожидается по собственному распределению баллов ОО (сглаженная форма распределения региона, "
                + "подстроенная под уровень ОО). Признак «дотягивания» пограничных работ при проверке.")
        md.line("- **JOURNAL** — доля участников, у которых отметка ВПР выше (категория `vpr`) или ниже "
                + "(категория `internal`) отметки по журналу, либо почти полное совпадение отметок (категория `vpr`), "
                + "выходит за обычный разброс между ОО региона.")
        for l in a.limitations {
            md.line("- **\(l.code.rawValue)** (\(l.code.russianName)) \(l.reason).")
        }
        md.line("- Балл риска 50 соответствует пороговой вероятности ошибки для ОО; чем ближе к 100, тем сильнее признаки. "
                + "Включение в перечень — основание для наблюдения и перепроверки, а не вывод о нарушении.")
        md.line("- Подробности каждого показателя — в `results.json`, описание методики — в `docs/methodology.md`.")
        return Data(md.text.utf8)
    }

    func categoryCounts(_ group: [SchoolAssessment]) -> String {
        RiskCategory.allCases.compactMap { c -> String? in
            let n = group.filter { $0.categories.contains(c) }.count
            return n > 0 ? "\(c.russianShort): \(n)" : nil
        }.joined(separator: "; ")
    }

    /// «= 0,0123», or «менее 0,0001» rather than a misleading «= 0,0000».
    func adjustedP(_ t: IndicatorTest) -> String {
        let p = t.schoolAdjustedP ?? 1
        return p < 0.0001 ? "менее 0,0001" : "= " + RussianFormat.number(p, digits: 4)
    }

    func effect(_ t: IndicatorTest) -> String { t.formattedEffect }

    /// Classes whose own journal test is nominally significant in the direction of a school's journal flag.
    func classNotes(for s: SchoolAssessment, in a: Analysis) -> String {
        let directions = Set(s.evidence.filter { $0.code == .journal }.map(\.direction))
        guard !directions.isEmpty else { return "" }
        let notes = a.tests(of: s.school.id).filter {
            $0.scope == .classGroup && directions.contains($0.direction) && $0.eligible && $0.pValue < 0.01 && $0.material
        }.map { "\($0.classLabel ?? "") (\($0.work?.title ?? ""), \(RussianFormat.percent($0.figure("share") ?? $0.statistic)))" }
        return Array(Set(notes)).sorted().joined(separator: ", ")
    }

    func appendDataQuality(_ md: inout MarkdownText, _ model: ReportModel) {
        md.line("## Качество данных")
        md.line()
        md.line("| Файл | Кодировка | Разделитель | Прочитано строк | Использовано | Отклонено | из них отсутствовали |")
        md.line("|---|---|---|---|---|---|---|")
        for f in model.ingest.files {
            md.line("| \(f.file) | \(f.encoding.russianName) | `\(f.delimiter == "\t" ? "табуляция" : f.delimiter)` | "
                    + "\(f.rowsRead) | \(f.rowsUsed) | \(f.rowsRejected) | \(f.rowsAbsent) |")
        }
        md.line()
        if RejectedRowsCSVWriter().applies(to: model) {
            md.line("Строки, не вошедшие в анализ (в том числе отсутствовавшие участники), с указанием места и причины "
                    + "записаны в `rejected-rows.csv`.")
            md.line()
        }
        let findings = model.ingest.findings
        if !findings.isEmpty {
            let byKind = Dictionary(grouping: findings, by: \.kind)
            for kind in byKind.keys.sorted(by: { $0.rawValue < $1.rawValue }) {
                md.line("- \(kind.russianName): \(byKind[kind]!.count).")
            }
            md.line()
            for f in findings.prefix(30) {
                md.line("- `\(f.location)` — \(MarkdownText.escapeText(f.message))")
            }
            if findings.count > 30 { md.line("- … и ещё \(findings.count - 30) (все — в `results.json`).") }
            md.line()
        }
    }
}

extension RiskCategory {
    /// Short Russian label for tables.
    public var russianShort: String {
        switch self {
        case .vpr: return "результаты ВПР"
        case .internal: return "отметки по журналу"
        }
    }
}

extension QualityFinding.Kind {
    /// Russian name of a data-quality finding.
    public var russianName: String {
        switch self {
        case .markContradictsScale: return "Отметка не соответствует шкале перевода"
        case .taskAboveMaximum: return "Балл за задание выше максимального"
        case .primaryScoreMismatch: return "Первичный балл не равен сумме баллов за задания"
        case .invalidJournalMark: return "Недопустимая отметка по журналу (не учтена)"
        case .aggregateMismatch: return "Сводные таблицы ОО не согласуются между собой"
        }
    }
}
