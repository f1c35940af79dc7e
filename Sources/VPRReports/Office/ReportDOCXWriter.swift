import Foundation
import VPRAnalysis

/// `report.docx`: «Аналитическая справка» as an appendix to an order of the education authority —
/// summary by municipality and work, the at-risk list with each school's reasons, what each indicator
/// measures, boundary histograms and journal bars as embedded PNG pictures, a short methodology and a signature line.
public struct ReportDOCXWriter: ReportWriter {
    public let fileName = "report.docx"
    public init() {}

    public static let title = "Аналитическая справка по результатам ВПР: признаки необъективности результатов"

    public func render(_ model: ReportModel) throws -> Data {
        var doc = WordDocument()
        doc.title = Self.title
        let a = model.analysis, o = model.options
        appendixBlock(&doc, o)
        doc.paragraph(Self.title, style: "Title")
        doc.paragraph("Дата формирования: \(o.date). Входные данные: «\(o.inputName)». Версия анализатора: \(o.engineVersion).",
                      alignment: .center, firstLine: 0, spaceAfter: 240)

        doc.heading1("1. Общие сведения")
        let participants = a.works.reduce(0) { $0 + $1.participants }
        doc.paragraph("Проанализированы результаты \(a.schools.count) \(RussianFormat.plural(a.schools.count, "образовательной организации", "образовательных организаций", "образовательных организаций")) (ОО) "
                      + "по \(a.works.count) \(RussianFormat.plural(a.works.count, "работе", "работам", "работам")); "
                      + "результатов участников: \(participants). Строк во входных файлах прочитано \(model.totals.read), "
                      + "использовано \(model.totals.used), отклонено \(model.totals.rejected) "
                      + "(из них отсутствовавших участников: \(model.totals.absent)).")
        let group = a.riskGroup
        doc.paragraph(group.isEmpty
            ? "Признаков необъективности, достаточных для включения ОО в группу риска, не выявлено."
            : "В группу риска включено ОО: \(group.count) (" + SummaryMarkdownWriter().categoryCounts(group) + ").")
        let config = a.config.decision
        doc.paragraph("Вероятность ошибочно включить в перечень ОО с объективными результатами — не более "
                      + "\(RussianFormat.percent(config.schoolFalsePositiveRate, digits: 0)) на каждую ОО; ожидаемая доля "
                      + "ложных включений среди всех включений — не более \(RussianFormat.percent(config.falseDiscoveryRate, digits: 0)). "
                      + "Включение в перечень — основание для перепроверки работ и наблюдения, а не вывод о нарушении.")

        if let history = HistoryText(model) {
            doc.paragraph(runs: [("\(HistoryText.heading). ", true), ("", false)])
            for p in history.paragraphs { doc.paragraph(p) }
        }

        doc.heading1("2. Сводка по муниципалитетам и работам")
        municipalityTable(&doc, model)
        workTable(&doc, model)

        doc.heading1("3. Перечень ОО с признаками необъективности результатов")
        if group.isEmpty {
            doc.paragraph("ОО, включённых в группу риска, нет.")
        } else {
            doc.table(header: ["№", "Код ОО", "Наименование ОО", "Муници\u{AD}палитет", "Балл риска", "Работы", "Показатели"],
                      rows: group.enumerated().map { i, s in
                          ["\(i + 1)", s.school.id, s.school.name, s.school.municipality, "\(s.riskScore)",
                           s.flaggedWorks.map(model.title).joined(separator: ", "),
                           s.indicators.map(\.rawValue).joined(separator: ", ")]
                      },
                      weights: [4, 11, 20, 17, 8, 22, 18], rightAligned: [0, 4])
            let tallies = model.tallies()
            for (i, s) in group.enumerated() { schoolSection(&doc, model, s, number: "3.\(i + 1)", tallies: tallies) }
        }

        doc.heading1("4. Показатели")
        let used = Set(a.tests.map(\.code))
        for (i, code) in IndicatorCode.allCases.filter(used.contains).enumerated() {
            let d = code.russianSections
            doc.heading2("4.\(i + 1). \(code.rawValue) — \(code.russianName)")
            doc.paragraph(runs: [("Что измеряет. ", true), (d.measures, false)])
            doc.paragraph(runs: [("Как читать. ", true), (d.reading, false)])
        }

        if !a.limitations.isEmpty {
            doc.paragraph(runs: [("Ограничения входных данных. ", true), ("", false)])
            for l in a.limitations {
                doc.bullet([("\(l.code.rawValue) (\(l.code.russianName)) ", true), ("\(l.reason).", false)])
            }
        }

        doc.heading1("5. Рекомендуемые меры")
        let plan = model.recheckPlan, observers = model.observerPlan
        doc.bullet([("Перепроверка работ независимыми экспертами: ", true),
                    ("\(plan.papers.count) работ в \(plan.groups.count) сочетаниях «ОО × работа» (файл recheck-list.xlsx): "
                     + "все работы с баллом на минимальном балле отметки или на балл выше и контрольная случайная выборка "
                     + "(\(Int(plan.controlShare * 100)) % остальных работ, не меньше \(plan.minimumControl), базовое зерно "
                     + "\(plan.baseSeed)) — она показывает, насколько часто завышались оценки вообще.", false)])
        doc.bullet([("Независимые наблюдатели при следующем проведении ВПР: ", true),
                    ("\(Set(observers.visits.map(\.schoolID)).count) ОО, \(observers.visits.count) сочетаний «ОО × работа» "
                     + "(файл observers.xlsx, классы указаны с переходом в следующую параллель).", false)])
        doc.bullet([("Перечень ОО для приложения к приказу: ", true), ("файл risk-list.xlsx.", false)])

        doc.heading1("Приложение. Методика (кратко)")
        doc.paragraph("Для каждой ОО и работы вычисляются показатели (раздел 4). Каждый показатель сравнивает ОО "
                      + "с нормой, построенной по всем ОО региона с учётом размера ОО и уровня подготовки её участников, "
                      + "и даёт одностороннее p-значение и размер эффекта. В решении участвуют только существенные эффекты; "
                      + "p-значения ОО корректируются на множественность (взвешенная процедура Холма внутри ОО, "
                      + "Бенджамини–Хохберг по всем ОО). Показатель HIGH один не включает ОО в перечень.")
        doc.paragraph("Балл риска 50 соответствует пороговой вероятности ошибки для ОО; чем ближе к 100, тем сильнее признаки. "
                      + "Все величины, на которых основано решение, записаны в results.json; подробное описание методики — "
                      + "в docs/methodology.md.")

        doc.paragraph("", spaceAfter: 480)
        doc.paragraph("Начальник отдела\t____________ / ФИО /", firstLine: 0)
        doc.paragraph("«___» ____________ 20___ г.", firstLine: 0)
        return try doc.data()
    }

    func appendixBlock(_ doc: inout WordDocument, _ o: ReportOptions) {
        let indent = 5103   // the right half of the text width, as order appendices are laid out
        let appendix = o.appendix.isEmpty ? "Приложение" : "Приложение \(o.appendix)"
        let date = o.orderDate.isEmpty ? "____________" : o.orderDate
        let number = o.orderNumber.isEmpty ? "________" : o.orderNumber
        doc.paragraph(appendix, alignment: .left, indentLeft: indent, firstLine: 0)
        doc.paragraph("к приказу \(o.authority)", alignment: .left, indentLeft: indent, firstLine: 0)
        doc.paragraph("от \(date) № \(number)", alignment: .left, indentLeft: indent, firstLine: 0, spaceAfter: 240)
    }

    func municipalityTable(_ doc: inout WordDocument, _ model: ReportModel) {
        struct Row { var schools = 0, participants = 0, flagged = 0 }
        var rows: [String: Row] = [:]
        for s in model.analysis.schools {
            let m = s.school.municipality.isEmpty ? "не указан" : s.school.municipality
            rows[m, default: Row()].schools += 1
            rows[m, default: Row()].participants += s.participants
            if s.riskGroup { rows[m, default: Row()].flagged += 1 }
        }
        doc.paragraph("Таблица 1. ОО и участники по муниципалитетам", style: "Caption", keepNext: true)
        doc.table(header: ["Муниципалитет", "ОО", "Результатов участников", "ОО в группе риска", "Доля ОО в группе риска"],
                  rows: rows.keys.sorted().map { m in
                      let r = rows[m]!
                      return [m, "\(r.schools)", "\(r.participants)", "\(r.flagged)",
                              RussianFormat.percent(Double(r.flagged) / Double(max(r.schools, 1)))]
                  },
                  weights: [34, 10, 18, 18, 20], rightAligned: [1, 2, 3, 4])
    }

    func workTable(_ doc: inout WordDocument, _ model: ReportModel) {
        doc.paragraph("Таблица 2. Результаты по работам: доли отметок и сравнение с отметками по журналу", style: "Caption", keepNext: true)
        let rows = model.analysis.works.map { w -> [String] in
            let n = max(w.participants, 1), j = w.journal, jn = max(j.total, 1)
            let flagged = model.analysis.riskGroup.filter { $0.flaggedWorks.contains(w.work) }.count
            return [model.title(w.work), "\(w.schools)", "\(w.participants)"]
                + w.marks.map { RussianFormat.percent(Double($0) / Double(n)) }
                + [RussianFormat.percent(Double(j.lowered) / Double(jn)), RussianFormat.percent(Double(j.confirmed) / Double(jn)),
                   RussianFormat.percent(Double(j.raised) / Double(jn)), "\(flagged)"]
        }
        doc.table(header: ["Работа", "ОО", "Участ\u{AD}ников", "«2»", "«3»", "«4»", "«5»", "Пони\u{AD}зили", "Под\u{AD}твер\u{AD}дили", "Повы\u{AD}сили", "ОО с приз\u{AD}наками"],
                  rows: rows, weights: [19, 5, 9, 7, 7, 7, 7, 9, 9, 9, 10], rightAligned: Set(1...10))
    }

    func schoolSection(_ doc: inout WordDocument, _ model: ReportModel, _ s: SchoolAssessment, number: String,
                       tallies: ReportTallies) {
        let name = s.school.name.isEmpty ? s.school.id : "\(s.school.name) (\(s.school.id))"
        doc.heading2("\(number). \(name) — балл риска \(s.riskScore)")
        let markdown = SummaryMarkdownWriter()
        for t in s.evidence {
            let work = t.work.map { " (\(model.title($0)))" } ?? ""
            doc.bullet([("\(t.code.rawValue)\(work)", true),
                        (" — \(t.code.russianName). \(t.explanation) Скорректированное p \(markdown.adjustedP(t)); "
                         + "\(t.effectName): \(markdown.effect(t))", false)])
        }
        let classes = markdown.classNotes(for: s, in: model.analysis)
        if !classes.isEmpty { doc.bullet([("Классы, где расхождение с журналом заметнее всего: ", false), (classes, false)]) }
        if let history = HistoryText(model) {
            if let note = history.repeatNote(s.school.id) { doc.bullet([("В перечне \(note).", true)]) }
            let rows = history.trendRows(s.school.id)
            if !rows.isEmpty {
                doc.paragraph(runs: [("Динамика по годам", true), ("", false)])
                doc.table(header: HistoryText.trendHeader, rows: rows, weights: [20, 8, 12, 12, 12, 12, 12, 12],
                          rightAligned: Set(1...7))
                trendChart(&doc, history.history.multiYearTrend(of: s.school.id))
            }
            let runs = history.runTrendRows(s.school.id)
            if !runs.isEmpty {
                doc.paragraph(runs: [(history.runTrendCaption, true), ("", false)])
                doc.table(header: HistoryText.runTrendHeader, rows: runs, weights: [14, 18, 14, 14, 40], rightAligned: [3])
            }
        }
        for work in s.indicators.contains(.boundary) ? model.flaggedBoundaryWorks(s).sorted() : [] {
            guard let h = model.scoreHistogram(s.school.id, work, tallies: tallies) else { continue }
            histogram(&doc, model, h)
        }
        for work in s.flaggedWorks.sorted() {
            journalBars(&doc, model, model.classJournalBars(s, work, tallies: tallies), work: work)
        }
    }

    /// The primary-score histogram of a flagged (school, work) as a picture the width of the score labels under it.
    func histogram(_ doc: inout WordDocument, _ model: ReportModel, _ h: ScoreHistogram) {
        let n = h.observed.count
        guard n > 0 else { return }
        let column = 8504 / n, width = column * n, height = 3118   // 15 × 5,5 cm
        let pixelsPerColumn = max(6, 1200 / n)
        let pixelHeight = Int((Double(pixelsPerColumn * n) * Double(height) / Double(width)).rounded())
        let step = RasterChart.gridStep(forLargest: (h.observed + (h.counterfactual ?? []) + h.region).max() ?? 0)
        let png = RasterChart.histogram(h, columnWidth: pixelsPerColumn, height: pixelHeight, gridStep: step).pngData()
        let title = model.title(h.work)
        // Title and legend first, each kept with the next: the picture and its score row then never part from them.
        doc.paragraph("Распределение первичных баллов: \(title) (\(h.participants) участников)", style: "Caption", keepNext: true)
        let marks = zip(["3", "4", "5"], h.scale.boundaries).map { "«\($0)» — \($1)" }.joined(separator: ", ")
        doc.paragraph("Столбцы — доля участников ОО с данным первичным баллом (балл подписан под столбцом); красные столбцы "
                      + "и красные пунктирные линии — минимальные баллы отметок (\(marks)); "
                      + (h.counterfactual != nil ? "чёрная линия — ожидаемое распределение без «дотягивания» до границ; " : "")
                      + "серая пунктирная — распределение по региону. Линии сетки — через "
                      + "\(RussianFormat.percent(step, digits: 0)) участников, верх рисунка — "
                      + "\(RussianFormat.percent(RasterChart.histogramTop(h, gridStep: step), digits: 0)).",
                      style: "Legend", keepNext: true)
        doc.pictureParagraph(png, width: width, height: height,
                             description: "Гистограмма первичных баллов ОО \(h.schoolID), \(title)")
        doc.chartLabels(Self.scoreLabels(count: n, boundaries: h.scale.boundaries), column: column)
        doc.paragraph("", style: "Caption")
    }

    /// Score labels under a histogram: every score up to 25 columns; beyond, multiples of 5 and the mark
    /// boundaries, a multiple of 5 left out beside a boundary so two labels never touch.
    static func scoreLabels(count n: Int, boundaries: [Int]) -> [String] {
        guard n > 26 else { return (0..<n).map(String.init) }
        let marked = Set(boundaries)
        return (0..<n).map { score in
            if marked.contains(score) { return "\(score)" }
            let besideBoundary = marked.contains(score - 1) || marked.contains(score + 1)
            return score % 5 == 0 && !besideBoundary ? "\(score)" : ""
        }
    }

    /// The journal comparison of a risk-group school's work: a 100 % bar per row (region, school, its classes)
    /// with the three shares as numbers beside it.
    func journalBars(_ doc: inout WordDocument, _ model: ReportModel, _ bars: [JournalBar], work: Work) {
        guard bars.contains(where: { $0.kind != .region && $0.total > 0 }) else { return }
        let weights = [14, 46, 10, 10, 10, 10]
        let widths = WordDocument.widths(weights)
        let barWidth = widths[1] - 2 * 57, barHeight = 255
        let rows = bars.map { bar -> [WordDocument.Cell] in
            let label = bar.kind == .region ? "Регион" : bar.kind == .classGroup ? "класс \(bar.label)" : "ОО"
            let n = Double(max(bar.total, 1))
            let share = { (c: Int) in WordDocument.Cell.text(RussianFormat.percent(Double(c) / n), alignment: .right) }
            let png = RasterChart.stackedBar(bar, width: 460, height: Int((460.0 * Double(barHeight) / Double(barWidth)).rounded()))
            let run = doc.picture(png.pngData(), width: barWidth, height: barHeight,
                                  description: "\(label): понизили \(bar.lowered), подтвердили \(bar.confirmed), повысили \(bar.raised)")
            return [.text(label, bold: bar.kind != .classGroup), .paragraphs("<w:p><w:pPr><w:pStyle w:val=\"Picture\"/></w:pPr>\(run)</w:p>"),
                    share(bar.lowered), share(bar.confirmed), share(bar.raised), .text("\(bar.total)", alignment: .right)]
        }
        doc.paragraph("Сравнение отметок ВПР с отметками по журналу: \(model.title(work))", style: "Caption", keepNext: true)
        doc.paragraph("Синий — понизили (отметка ВПР ниже отметки по журналу), серый — подтвердили, оранжевый — повысили.",
                      style: "Legend", keepNext: true)
        doc.table(header: ["", "Понизили · подтвердили · повысили", "Пони\u{AD}зили", "Под\u{AD}твер\u{AD}дили", "Повы\u{AD}сили", "Учени\u{AD}ков"],
                  cells: rows, weights: weights, keepTogether: true)
    }
}

extension ReportDOCXWriter {
    /// A school's share of marks «4» and «5» over the years, one line per subject and grade, as a picture with
    /// the years and the lines named in the legend below it.
    func trendChart(_ doc: inout WordDocument, _ points: [TrendPoint]) {
        let years = points.map(\.work.year)
        guard let first = years.min(), let last = years.max(), last > first else { return }
        let series = Dictionary(grouping: points) { "\($0.work.subject) \($0.work.grade)" }.filter { $0.value.count > 1 }
        guard !series.isEmpty else { return }
        let png = RasterChart.trend(series.keys.sorted().map { series[$0]!.sorted { $0.work.year < $1.work.year } },
                                    years: first...last, width: 1200, height: 420)
        doc.paragraph("Доля отметок «4» и «5» по годам", style: "Caption", keepNext: true)
        let names = series.keys.sorted().enumerated().map { "\(RasterChart.trendColourNames[$0.offset % RasterChart.trendColourNames.count]) — \($0.element)" }
        doc.paragraph("По горизонтали — годы \(first)–\(last) (слева направо, через равные промежутки), по вертикали — доля от 0 до 100 %, "
                      + "линии сетки через 25 %. Линии: " + names.joined(separator: "; ") + ".", style: "Legend", keepNext: true)
        doc.pictureParagraph(png.pngData(), width: 8504, height: 2976, description: "Динамика доли отметок «4» и «5» по годам")
    }
}
