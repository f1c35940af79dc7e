import Foundation
import VPRAnalysis

/// `report.docx`: «Аналитическая справка» as an appendix to an order of the education authority —
/// summary by municipality and work, the at-risk list with each school's reasons, what each indicator
/// measures, boundary charts drawn as shaded table cells, a short methodology and a signature line.
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
            for (i, s) in group.enumerated() { schoolSection(&doc, model, s, number: "3.\(i + 1)") }
        }

        doc.heading1("4. Показатели")
        let used = Set(a.tests.map(\.code))
        for (i, code) in IndicatorCode.allCases.filter(used.contains).enumerated() {
            let d = code.russianSections
            doc.heading2("4.\(i + 1). \(code.rawValue) — \(code.russianName)")
            doc.paragraph(runs: [("Что измеряет. ", true), (d.measures, false)])
            doc.paragraph(runs: [("Как читать. ", true), (d.reading, false)])
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
                  rows: rows, weights: [17, 6, 9, 7, 7, 7, 7, 8, 10, 8, 11], rightAligned: Set(1...10))
    }

    func schoolSection(_ doc: inout WordDocument, _ model: ReportModel, _ s: SchoolAssessment, number: String) {
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
        guard s.indicators.contains(.boundary) else { return }
        for work in s.flaggedWorks.sorted() {
            guard let test = model.analysis.test(.boundary, school: s.school.id, scope: .schoolWork, work: work),
                  let observed = test.series["observed"], !observed.isEmpty,
                let scale = model.analysis.works.first(where: { $0.work == work })?.scale else { continue }
            doc.paragraph("Распределение первичных баллов: \(model.title(work))", style: "Caption", keepNext: true)
            let labels = observed.indices.map { "\($0)" }
            doc.columnChart(values: observed, reference: test.series["counterfactual"],
                            highlighted: Set(scale.boundaries), labels: labels)
            doc.paragraph("Столбцы — число работ с данным баллом; красные — минимальные баллы отметок «3», «4», «5»; "
                          + "чёрная черта — ожидаемое число работ без манипуляций.", style: "Caption")
        }
    }
}
