import Foundation
import VPRAnalysis

/// `report.html`: the summary of `summary.md` with charts, in one self-contained printable Russian page —
/// inline CSS and SVG, no scripts, nothing loaded from outside.
public struct HTMLReportWriter: ReportWriter {
    public let fileName = "report.html"
    public init() {}

    /// Up to this many schools the journal chart shows every school; beyond, the risk group only.
    static let journalBarsForAllUpTo = 150

    public func render(_ model: ReportModel) throws -> Data {
        let tallies = model.tallies()
        let blocks = HTMLSections(model, tallies: tallies)
        let summary = SummaryMarkdownWriter()
        let a = model.analysis
        let config = a.config.decision
        var doc = HTMLDocument()
        doc.heading(1, "Признаки необъективности результатов ВПР: аналитическая справка")
        doc.paragraph("Дата формирования: \(model.options.date). Входные данные: «\(model.options.inputName)». "
                      + "Версия анализатора: \(model.options.engineVersion).", class: "meta")

        doc.heading(2, "Итоги")
        let participants = a.works.reduce(0) { $0 + $1.participants }
        var totals = [
            "Проанализировано ОО: \(a.schools.count); работ: \(a.works.count); результатов участников: \(participants).",
            "В группу риска включено ОО: <b>\(a.riskGroup.count)</b>"
                + (a.riskGroup.isEmpty ? "." : " (" + SVGEscape.text(summary.categoryCounts(a.riskGroup)) + ")."),
            "Строк во входных файлах прочитано: \(model.totals.read) = использовано \(model.totals.used) + "
                + "отклонено \(model.totals.rejected) (из них отсутствовавших участников: \(model.totals.absent)).",
        ]
        if !model.ingest.findings.isEmpty {
            totals.append("Замечаний к качеству данных: \(model.ingest.findings.count) (см. раздел «Качество данных»).")
        }
        totals.append("Вероятность ошибочно включить в перечень ОО с объективными результатами — не более "
                      + "\(RussianFormat.percent(config.schoolFalsePositiveRate, digits: 0)) на каждую ОО; "
                      + "ожидаемая доля ложных включений среди всех включений — не более "
                      + "\(RussianFormat.percent(config.falseDiscoveryRate, digits: 0)).")
        doc.list(html: totals)

        doc.heading(2, "Перечень ОО с признаками необъективности результатов")
        if a.riskGroup.isEmpty {
            doc.paragraph("Признаков необъективности, достаточных для включения в группу риска, не выявлено.")
        } else {
            let rows = a.riskGroup.enumerated().map { i, s in
                ["\(i + 1)", s.school.id, s.school.name, s.school.municipality, "\(s.riskScore)",
                 s.categories.map(\.russianShort).joined(separator: ", "), s.flaggedWorks.map(model.title).joined(separator: ", "),
                 s.indicators.map(\.rawValue).joined(separator: ", ")]
            }
            doc.table(["№", "Код ОО", "Наименование ОО", "Муниципалитет", "Балл риска", "Категории", "Работы", "Индикаторы"],
                      rows, numeric: [0, 4])
        }

        let history = HistoryText(model)
        if let history {
            doc.section(HistoryText.heading) { doc in
                for p in history.paragraphs { doc.paragraph(p) }
            }
        }
        for (i, s) in a.riskGroup.enumerated() {
            doc.section("\(i + 1). \(model.schoolLabel(s.school)) — балл риска \(s.riskScore)") { doc in
                if let note = history?.repeatNote(s.school.id) { doc.paragraph("В перечне \(note).", class: "note") }
                blocks.evidence(&doc, s)
                if let rows = history?.trendRows(s.school.id), !rows.isEmpty {
                    doc.paragraph("Динамика по годам", class: "note")
                    doc.table(HistoryText.trendHeader, rows, numeric: Set(1...7))
                    doc.raw(HTMLCharts.trend(history!.history.multiYearTrend(of: s.school.id)))
                }
                if let runs = history?.runTrendRows(s.school.id), !runs.isEmpty {
                    doc.paragraph(history!.runTrendCaption, class: "note")
                    doc.table(HistoryText.runTrendHeader, runs, numeric: [3])
                }
                for work in model.flaggedBoundaryWorks(s) {
                    blocks.schoolWorkCharts(&doc, s, work, journal: false, levels: false)
                }
                for work in s.flaggedWorks {
                    blocks.schoolWorkCharts(&doc, s, work, histogram: false, levels: false)
                }
                for work in model.inversionWorks(s) {
                    blocks.schoolWorkCharts(&doc, s, work, histogram: false, journal: false)
                }
            }
        }

        doc.section("По работам") { doc in
            blocks.worksTable(&doc)
        }
        doc.section("По муниципалитетам") { doc in
            doc.paragraph("Статистика по отметкам и сравнение отметок ВПР с отметками по журналу по муниципалитетам; "
                          + "последняя строка каждой таблицы — регион.", class: "note")
            blocks.municipalityTables(&doc)
        }
        let funnels = a.works.compactMap { model.funnelPlot($0.work) }
        if !funnels.isEmpty {
            doc.section("Доля отметок «4» и «5» по сравнению с регионом") { doc in
                doc.paragraph("Каждая точка — ОО; линии — верхние контрольные границы 95 % и 99,8 % для ОО того же "
                              + "размера (показатель HIGH). Точка выше границы 99,8 % — результат заметно выше "
                              + "ожидаемого; сам по себе это не признак необъективности.", class: "note")
                for f in funnels {
                    doc.raw(HTMLCharts.funnel(f, title: "Доля отметок «4» и «5»: \(model.title(f.work))"))
                }
            }
        }
        doc.section("Сравнение отметок ВПР с отметками по журналу") { doc in
            // A bar per school reads well for a district; for a large region, the risk group's schools only.
            let everySchool = a.schools.count <= Self.journalBarsForAllUpTo
            doc.paragraph(everySchool ? "Для каждой работы: регион и все ОО (коды ОО из группы риска выделены)."
                          : "Для каждой работы: регион и ОО из группы риска (ОО в регионе \(a.schools.count) — все не показаны; "
                            + "доли по каждой ОО — в results.json).", class: "note")
            for w in a.works {
                let bars = model.journalBars(w.work, tallies: tallies, schools: everySchool ? nil : a.riskGroup)
                guard bars.count > 1 else { continue }
                doc.raw(HTMLCharts.journalBars(bars, title: "Понизили / подтвердили / повысили: \(model.title(w.work))"))
            }
        }
        doc.section("Качество данных") { doc in dataQuality(&doc, model) }
        doc.section("Как читать") { doc in
            doc.list(html: [
                "<b>BOUNDARY</b> — на минимальном балле отметки «3», «4» или «5» работ больше, а на балл ниже — меньше, "
                    + "чем ожидается по собственному распределению баллов ОО (сглаженная форма распределения региона, "
                    + "подстроенная под уровень ОО). Признак «дотягивания» пограничных работ при проверке. "
                    + "На гистограммах это оранжевая линия; пунктир — распределение региона.",
                "<b>JOURNAL</b> — доля участников, у которых отметка ВПР выше (категория vpr) или ниже "
                    + "(категория internal) отметки по журналу, либо почти полное совпадение отметок (категория vpr), "
                    + "выходит за обычный разброс между ОО региона.",
                "Балл риска 50 соответствует пороговой вероятности ошибки для ОО; чем ближе к 100, тем сильнее признаки. "
                    + "Включение в перечень — основание для наблюдения и перепроверки, а не вывод о нарушении.",
            ] + a.limitations.map {
                "<b>\($0.code.rawValue)</b> (\(SVGEscape.text($0.code.russianName))) \(SVGEscape.text($0.reason))."
            } + [
                "Подробности каждого показателя — в <code>results.json</code>, описание методики — в "
                    + "<code>docs/methodology.md</code>.",
            ])
        }
        return Data(doc.render(title: "Признаки необъективности результатов ВПР — \(model.options.date)").utf8)
    }

    func dataQuality(_ doc: inout HTMLDocument, _ model: ReportModel) {
        doc.table(["Файл", "Кодировка", "Разделитель", "Прочитано строк", "Использовано", "Отклонено", "из них отсутствовали"],
                  model.ingest.files.map { f in
                      [f.file, f.encoding.russianName, f.delimiter == "\t" ? "табуляция" : f.delimiter,
                       "\(f.rowsRead)", "\(f.rowsUsed)", "\(f.rowsRejected)", "\(f.rowsAbsent)"]
                  }, numeric: [3, 4, 5, 6])
        if RejectedRowsCSVWriter().applies(to: model) {
            doc.paragraph(html: "Строки, не вошедшие в анализ (в том числе отсутствовавшие участники), с указанием места и "
                          + "причины записаны в <code>rejected-rows.csv</code>.")
        }
        let findings = model.ingest.findings
        guard !findings.isEmpty else { return }
        let byKind = Dictionary(grouping: findings, by: \.kind)
        doc.list(html: byKind.keys.sorted { $0.rawValue < $1.rawValue }.map {
            "\(SVGEscape.text($0.russianName)): \(byKind[$0]!.count)."
        })
        var items = findings.prefix(30).map { "<code>\(SVGEscape.text($0.location.description))</code> — \(SVGEscape.text($0.message))" }
        if findings.count > 30 { items.append("… и ещё \(findings.count - 30) (все — в <code>results.json</code>).") }
        doc.list(html: items)
    }
}
