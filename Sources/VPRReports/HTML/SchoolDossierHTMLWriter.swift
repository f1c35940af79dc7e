import Foundation
import VPRAnalysis

/// `school-ID.html`: the director's view of one school — its decision, its tests, its parallels (grades), and per
/// work its marks, its classes' journal comparison, its score distribution and task levels against the region,
/// with charts, and its participants by code with the papers on the re-check list marked.
public struct SchoolDossierHTMLWriter: ReportWriter {
    public let schoolID: String
    public var fileName: String { "school-\(Self.fileStem(schoolID)).html" }

    public init(schoolID: String) { self.schoolID = schoolID }

    /// A school id safe as part of a file name: letters, digits, `-`, `_` and `.` kept, anything else `_`.
    public static func fileStem(_ id: String) -> String {
        let stem = String(id.map { $0.isLetter || $0.isNumber || $0 == "-" || $0 == "_" || $0 == "." ? $0 : "_" })
        return stem.hasPrefix(".") ? "_" + stem.dropFirst() : stem
    }

    public func applies(to model: ReportModel) -> Bool { model.assessment(of: schoolID) != nil }

    public func render(_ model: ReportModel) throws -> Data {
        let tallies = model.tallies()
        guard let d = model.dossier(schoolID, tallies: tallies) else {
            preconditionFailure("the dossier of \(schoolID) is rendered only when the school has results (applies(to:))")
        }
        let blocks = HTMLSections(model, tallies: tallies)
        let s = d.assessment
        var doc = HTMLDocument()
        doc.heading(1, "Результаты ВПР: материалы для ОО \(d.label)")
        doc.paragraph("Дата формирования: \(model.options.date). Входные данные: «\(model.options.inputName)». "
                      + "Версия анализатора: \(model.options.engineVersion).", class: "meta")
        doc.heading(2, "Итог")
        doc.list(html: d.decision.enumerated().map { i, line in
            i == 0 && s.riskGroup ? "<span class=\"risk\">\(SVGEscape.text(line))</span>" : SVGEscape.text(line)
        })
        if s.riskGroup {
            doc.heading(3, "Обоснование")
            blocks.evidence(&doc, s)
        }
        doc.paragraph("«Признак: да» — проверка включила ОО в группу риска; «слабый» — отклонение существенное по величине, "
                      + "но недостаточное с учётом множественных проверок; «нет» — малое или случайное отклонение.", class: "note")
        table(&doc, d.tests)
        if !d.grades.rows.isEmpty {
            doc.heading(2, "Параллели")
            table(&doc, d.grades)
        }
        for part in d.works {
            doc.section(part.title) { doc in
                table(&doc, part.marks)
                table(&doc, part.journal)
                let bars = model.classJournalBars(s, part.work, tallies: tallies)
                if bars.count > 1 {
                    doc.raw(HTMLCharts.journalBars(bars, title: "Понизили / подтвердили / повысили: регион, ОО и её классы"))
                }
                if let classes = part.classes { table(&doc, classes) }
                if let h = model.scoreHistogram(s.school.id, part.work, tallies: tallies) {
                    doc.heading(4, "Распределение первичных баллов")
                    doc.raw(HTMLCharts.histogram(h, title: "Распределение первичных баллов: ОО и регион, \(part.title) "
                                                 + "(\(h.participants) участников)"))
                }
                if let levels = part.levels {
                    if let c = model.levelComparison(s.school.id, part.work, tallies: tallies) {
                        doc.heading(4, "Выполнение заданий по уровням сложности")
                        doc.raw(HTMLCharts.levels(c, title: "Выполнение заданий по уровням: ОО и регион, \(part.title)"))
                    }
                    table(&doc, levels)
                    if let note = part.inversion { doc.paragraph("INVERSION: \(note)", class: "note") }
                }
                if let f = model.funnelPlot(part.work) {
                    doc.heading(4, "Доля отметок «4» и «5» среди ОО региона")
                    doc.raw(HTMLCharts.funnel(f, title: "Доля отметок «4» и «5»: \(part.title); ОО выделена", highlight: s.school.id))
                }
                if !part.students.rows.isEmpty {
                    doc.heading(4, "Участники")
                    doc.paragraph("Участники указаны кодами, без фамилий. Полужирным выделены работы из списка на перепроверку "
                                  + "(recheck-list.xlsx).", class: "note")
                    table(&doc, part.students)
                }
            }
        }
        return Data(doc.render(title: "ВПР: \(d.label) — \(model.options.date)").utf8)
    }

    func table(_ doc: inout HTMLDocument, _ t: ReportTable) {
        doc.table(t.header, t.rows, numeric: t.numeric, emphasis: t.emphasis, caption: t.title)
    }
}

/// `school-ID.md`: the dossier's tables in Markdown, for a text editor or a letter.
public struct SchoolDossierMarkdownWriter: ReportWriter {
    public let schoolID: String
    public var fileName: String { "school-\(SchoolDossierHTMLWriter.fileStem(schoolID)).md" }

    public init(schoolID: String) { self.schoolID = schoolID }

    public func applies(to model: ReportModel) -> Bool { model.assessment(of: schoolID) != nil }

    public func render(_ model: ReportModel) throws -> Data {
        guard let d = model.dossier(schoolID, tallies: model.tallies()) else {
            preconditionFailure("the dossier of \(schoolID) is rendered only when the school has results (applies(to:))")
        }
        let summary = SummaryMarkdownWriter()
        var md = MarkdownText()
        md.line("# Результаты ВПР: материалы для ОО \(MarkdownText.escapeText(d.label))")
        md.line()
        md.line("Дата формирования: \(model.options.date). Входные данные: `\(model.options.inputName)`. "
                + "Версия анализатора: \(model.options.engineVersion). Графики — в `\(SchoolDossierHTMLWriter(schoolID: schoolID).fileName)`.")
        md.line()
        md.line("## Итог")
        md.line()
        for line in d.decision { md.line("- \(MarkdownText.escapeText(line))") }
        md.line()
        if d.assessment.riskGroup {
            md.line("### Обоснование")
            md.line()
            for t in d.assessment.evidence {
                md.line("- **\(t.code.rawValue)** — \(t.code.russianName). \(MarkdownText.escapeText(t.explanation)) "
                        + "Скорректированное p \(summary.adjustedP(t)); \(t.effectName): \(summary.effect(t))"
                        + (summary.effect(t).hasSuffix(".") ? "" : "."))
            }
            md.line()
        }
        table(&md, d.tests, level: "###")
        if !d.grades.rows.isEmpty {
            md.line("## Параллели")
            md.line()
            table(&md, d.grades, level: "###")
        }
        for part in d.works {
            md.line("## \(MarkdownText.escapeText(part.title))")
            md.line()
            for t in [part.marks, part.journal] + [part.classes, part.levels].compactMap({ $0 }) { table(&md, t, level: "###") }
            if let note = part.inversion {
                md.line("INVERSION: \(MarkdownText.escapeText(note))")
                md.line()
            }
            if !part.students.rows.isEmpty {
                md.line("Участники указаны кодами, без фамилий; полужирным — работы из списка на перепроверку.")
                md.line()
                table(&md, part.students, level: "###")
            }
        }
        return Data(md.text.utf8)
    }

    func table(_ md: inout MarkdownText, _ t: ReportTable, level: String) {
        md.line("\(level) \(MarkdownText.escapeText(t.title))")
        md.line()
        md.line("| " + t.header.map { $0.isEmpty ? " " : MarkdownText.escapeCell($0) }.joined(separator: " | ") + " |")
        md.line("|" + t.header.indices.map { t.numeric.contains($0) ? "---:" : "---" }.joined(separator: "|") + "|")
        for (i, row) in t.rows.enumerated() {
            let cells = row.map(MarkdownText.escapeCell)
            md.line("| " + (t.emphasis.contains(i) ? cells.map { "**\($0)**" } : cells).joined(separator: " | ") + " |")
        }
        md.line()
    }
}

extension SchoolDossierHTMLWriter {
    /// The dossier's writers (HTML and Markdown) for `--school`, none without it.
    public static func writers(school: String?) -> [any ReportWriter] {
        school.map { [SchoolDossierHTMLWriter(schoolID: $0), SchoolDossierMarkdownWriter(schoolID: $0)] } ?? []
    }
}
