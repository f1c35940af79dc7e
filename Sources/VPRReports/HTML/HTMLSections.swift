import VPRAnalysis

/// Blocks shared by `report.html` and the school dossier: tables by work and municipality, a school's
/// evidence, and a school's charts for one work.
struct HTMLSections {
    let model: ReportModel
    let tallies: ReportTallies
    private let summary = SummaryMarkdownWriter()

    init(_ model: ReportModel, tallies: ReportTallies) {
        self.model = model
        self.tallies = tallies
    }

    static let markHeader = ["ОО", "Участников", "«2»", "«3»", "«4»", "«5»", "Понизили", "Подтвердили", "Повысили"]

    /// ФИС ОКО-style cells: schools, participants, mark shares, journal shares.
    func statisticCells(_ t: ResultTally) -> [String] {
        let j = t.journalShares
        return ["\(t.schools.count)", "\(t.participants)"]
            + (2...5).map { RussianFormat.percent(t.markShare($0)) }
            + [j.lowered, j.confirmed, j.raised].map { RussianFormat.percent($0) }
    }

    /// «По работам»: the region's figures of each work, as in `summary.md`.
    func worksTable(_ doc: inout HTMLDocument) {
        let rows = model.analysis.works.map { w -> [String] in
            let n = max(w.participants, 1), j = w.journal, jn = max(j.total, 1)
            return [model.title(w.work), "\(w.schools)", "\(w.participants)"]
                + w.marks.map { RussianFormat.percent(Double($0) / Double(n)) }
                + [j.lowered, j.confirmed, j.raised].map { RussianFormat.percent(Double($0) / Double(jn)) }
        }
        doc.table(["Работа"] + Self.markHeader, rows, numeric: Set(1...9))
    }

    /// «По муниципалитетам»: every municipality against the region, work by work.
    func municipalityTables(_ doc: inout HTMLDocument) {
        let risk = Set(model.analysis.riskGroup.map(\.school.id))
        for w in model.analysis.works {
            var rows: [[String]] = []
            for m in tallies.municipalities {
                guard let t = tallies.municipality(m, w.work) else { continue }
                let flagged = t.schools.filter { risk.contains($0) }.count
                rows.append([m.isEmpty ? "не указан" : m] + statisticCells(t) + ["\(flagged)"])
            }
            if let r = tallies.region[w.work] {
                rows.append(["Регион"] + statisticCells(r) + ["\(t(r, risk))"])
            }
            doc.table(["Муниципалитет"] + Self.markHeader + ["В группе риска"], rows, numeric: Set(1...10),
                      emphasis: [rows.count - 1], caption: model.title(w.work))
        }
    }

    private func t(_ r: ResultTally, _ risk: Set<String>) -> Int { r.schools.filter { risk.contains($0) }.count }

    /// The evidence of a risk-group school in plain words, as in `summary.md`.
    func evidence(_ doc: inout HTMLDocument, _ s: SchoolAssessment) {
        var items = s.evidence.map { t in
            "<b>\(t.code.rawValue)</b> — \(SVGEscape.text(t.code.russianName)). \(SVGEscape.text(t.explanation)) "
                + "Скорректированное p \(SVGEscape.text(summary.adjustedP(t))); \(SVGEscape.text(t.effectName)): "
                + SVGEscape.text(summary.effect(t)) + (summary.effect(t).hasSuffix(".") ? "" : ".")
        }
        let classes = summary.classNotes(for: s, in: model.analysis)
        if !classes.isEmpty {
            items.append("Классы, где расхождение с журналом заметнее всего: \(SVGEscape.text(classes)).")
        }
        doc.list(html: items)
    }

    /// The charts of a school's work: its score histogram, journal bars with its classes, and levels.
    func schoolWorkCharts(_ doc: inout HTMLDocument, _ s: SchoolAssessment, _ work: Work, histogram: Bool = true,
                          journal: Bool = true, levels: Bool = true) {
        let title = model.title(work)
        if histogram, let h = model.scoreHistogram(s.school.id, work, tallies: tallies) {
            doc.raw(HTMLCharts.histogram(h, title: "Распределение первичных баллов: \(s.school.id), \(title) "
                                         + "(\(h.participants) участников)"))
        }
        if journal {
            let bars = model.classJournalBars(s, work, tallies: tallies)
            if bars.count > 1 {
                doc.raw(HTMLCharts.journalBars(bars, title: "Сравнение отметок ВПР с отметками по журналу: \(s.school.id) "
                                               + "и её классы, \(title)"))
            }
        }
        if levels, let c = model.levelComparison(s.school.id, work, tallies: tallies) {
            doc.raw(HTMLCharts.levels(c, title: "Выполнение заданий по уровням сложности: \(s.school.id), \(title) "
                                      + "(доля набранных баллов от максимума)"))
            if let t = c.inversion {
                doc.paragraph("INVERSION: \(t.explanation)", class: "note")
            }
        }
    }
}
