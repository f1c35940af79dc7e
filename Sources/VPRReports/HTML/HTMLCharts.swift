import VPRAnalysis

/// The report's charts as inline SVG, drawn from the view model's numbers (`ReportModel+Charts.swift`):
/// these functions only place them.
enum HTMLCharts {
    static let width = 680.0

    /// Primary-score histogram of a school's work: bars for the school, the counterfactual curve of `BOUNDARY`,
    /// the region's distribution, and the mark boundaries as vertical lines.
    static func histogram(_ h: ScoreHistogram, title: String) -> String {
        let size = h.observed.count
        let top = max((h.observed + (h.counterfactual ?? []) + h.region).max() ?? 0.1, 0.01) * 1.1
        var plot = SVGPlot(width: width, height: 260, x: (-0.5, Double(size) - 0.5), y: (0, top),
                           margin: (52, 16, 34, 40))
        let step = size > 30 ? 5.0 : size > 15 ? 2.0 : 1.0
        let xTicks = stride(from: 0.0, through: Double(size - 1), by: step).map { $0 }
        plot.axes(xTicks: xTicks, yTicks: plot.y.ticks(4), xFormat: SVGFormat.integer, yFormat: SVGFormat.percent,
                  xLabel: "Первичный балл", yLabel: "Доля участников")
        let bw = plot.x(1) - plot.x(0)
        for (score, share) in h.observed.enumerated() where share > 0 {
            plot.canvas.rect(x: plot.x(Double(score)) - bw * 0.42, y: plot.y(share), width: bw * 0.84,
                             height: plot.y(0) - plot.y(share), class: "bar-obs",
                             title: "балл \(score): \(RussianFormat.percent(share, digits: 1))")
        }
        plot.canvas.polyline(h.region.enumerated().map { (plot.x(Double($0.offset)), plot.y($0.element)) }, class: "ln-region")
        if let cf = h.counterfactual {
            plot.canvas.polyline(cf.enumerated().map { (plot.x(Double($0.offset)), plot.y($0.element)) }, class: "ln-cf")
        }
        for (b, mark) in zip(h.scale.boundaries, ["3", "4", "5"]) where b > 0 && b < size {
            let x = plot.x(Double(b) - 0.5)
            plot.canvas.line(x1: x, y1: plot.top - 4, x2: x, y2: plot.bottom, class: "ln-boundary")
            plot.canvas.text("«\(mark)» с \(b)", x: x + 3, y: plot.top + 6, class: "tick")
        }
        var legend: [(cls: String, label: String)] = [("bar-obs", "ОО"), ("sw-region", "регион")]
        if h.counterfactual != nil { legend.append(("sw-cf", "ожидаемое без «дотягивания»")) }
        legend.append(("sw-boundary", "границы отметок"))
        plot.canvas.legend(legend, x: plot.left, y: 14)
        return figure(plot.canvas.render(label: title), caption: title)
    }

    /// Funnel plot of the share of marks 4–5 against the number of participants, with the 95 % and 99,8 % limits.
    static func funnel(_ f: FunnelPlot, title: String, highlight: String? = nil) -> String {
        let maxN = Double(f.points.map(\.participants).max() ?? 10)
        let values = f.points.map(\.share) + f.limits.map(\.outer) + [f.target].filter(\.isFinite)
        let low = max(0, (((values.min() ?? 0) - 0.05) * 10).rounded(.down) / 10)
        let high = min(1, (((values.max() ?? 1) + 0.05) * 10).rounded(.up) / 10)
        var plot = SVGPlot(width: width, height: 300, x: (0, maxN * 1.15), y: (low, max(high, low + 0.1)),
                           margin: (52, 16, 30, 40))
        plot.axes(xTicks: plot.x.ticks(6), yTicks: plot.y.ticks(5), xFormat: SVGFormat.integer, yFormat: SVGFormat.percent,
                  xLabel: "Участников в ОО", yLabel: "Доля отметок «4» и «5»")
        if f.target.isFinite {
            plot.canvas.line(x1: plot.left, y1: plot.y(f.target), x2: plot.right, y2: plot.y(f.target), class: "ln-target")
        }
        // Schools of one size have one limit each: a short level segment at that size.
        func curve(_ value: (FunnelPlot.Limit) -> Double) -> [(Double, Double)] {
            let points = f.limits.map { (plot.x(Double($0.participants)), plot.y(value($0))) }
            guard points.count == 1, let p = points.first else { return points }
            return [(p.0 - 30, p.1), (p.0 + 30, p.1)]
        }
        plot.canvas.polyline(curve(\.inner), class: "ln-l95")
        plot.canvas.polyline(curve(\.outer), class: "ln-l998")
        for p in f.points {
            // A school's dossier names no other school: only the region's list marks the risk group.
            let own = p.schoolID == highlight, risk = highlight == nil && p.riskGroup
            let cls = own ? "pt-self" : risk ? "pt-risk" : p.advancedStudy ? "pt-adv" : "pt"
            let x = plot.x(Double(p.participants)), y = plot.y(p.share)
            plot.canvas.circle(cx: x, cy: y, r: own ? 5 : 3.5, class: cls,
                               title: highlight == nil || own ? "\(p.schoolID): \(RussianFormat.percent(p.share)) из \(p.participants)"
                                   : "\(RussianFormat.percent(p.share)) из \(p.participants)")
            if own || (highlight == nil && (risk || p.aboveOuterLimit)) {
                plot.canvas.text(p.schoolID, x: x + 6, y: y - 4, class: "tick")
            }
        }
        plot.canvas.legend([("sw-pt", "ОО"), ("sw-adv", "гимназии и лицеи"), ("sw-risk", highlight == nil ? "в группе риска" : "эта ОО"),
                            ("sw-target", "ожидаемая доля"), ("sw-l95", "граница 95 %"), ("sw-l998", "граница 99,8 %")],
                           x: plot.left, y: 14)
        return figure(plot.canvas.render(label: title), caption: title)
    }

    /// Horizontal 100 % bars: lowered, confirmed and raised marks, the region's bar first.
    static func journalBars(_ bars: [JournalBar], title: String) -> String {
        let rowHeight = 16.0, left = 110.0, right = width - 16, top = 30.0
        var canvas = SVGCanvas(width: width, height: top + Double(bars.count) * rowHeight + 28)
        canvas.legend([("seg-low", "понизили (ВПР ниже журнала)"), ("seg-conf", "подтвердили"),
                       ("seg-raise", "повысили (ВПР выше журнала)")], x: left, y: 14)
        for (i, bar) in bars.enumerated() {
            let y = top + Double(i) * rowHeight
            let labelClass = bar.kind == .region ? "lbl-strong" : bar.kind == .highlightedSchool ? "lbl-risk" : "lbl"
            canvas.text(bar.kind == .classGroup ? "класс \(bar.label)" : bar.label, x: left - 6, y: y + 11,
                        anchor: .end, class: labelClass)
            guard bar.total > 0 else {
                canvas.text("нет отметок по журналу", x: left + 4, y: y + 11, class: "tick")
                continue
            }
            var x = left
            for (count, cls, name) in [(bar.lowered, "seg-low", "понизили"), (bar.confirmed, "seg-conf", "подтвердили"),
                                       (bar.raised, "seg-raise", "повысили")] {
                let share = Double(count) / Double(bar.total)
                let w = share * (right - left)
                canvas.rect(x: x, y: y + 1, width: w, height: rowHeight - 3, class: cls,
                            title: "\(bar.label): \(name) \(count) из \(bar.total) (\(RussianFormat.percent(share)))")
                if w > 30 { canvas.text(RussianFormat.percent(share), x: x + w / 2, y: y + 11, anchor: .middle, class: "seg-txt") }
                x += w
            }
            if bar.kind == .region {
                canvas.line(x1: left - 100, y1: y + rowHeight - 0.5, x2: right, y2: y + rowHeight - 0.5, class: "axis")
            }
        }
        return figure(canvas.render(label: title), caption: title)
    }

    /// Success on tasks of each level: the school's bar against the region's.
    static func levels(_ c: LevelComparison, title: String) -> String {
        let rowHeight = 18.0, left = 150.0, right = width - 60, top = 30.0
        var canvas = SVGCanvas(width: width, height: top + Double(c.rows.count) * rowHeight * 2.4 + 10)
        canvas.legend([("bar-obs", "ОО"), ("bar-region", "регион")], x: left, y: 14)
        let x = SVGScale(domain: 0, 1, range: left, right)
        for (i, row) in c.rows.enumerated() {
            let y = top + Double(i) * rowHeight * 2.4
            canvas.text(levelName(row.level), x: left - 6, y: y + rowHeight, anchor: .end, class: "lbl")
            for (j, (value, cls)) in [(row.school, "bar-obs"), (row.region, "bar-region")].enumerated() {
                let by = y + Double(j) * rowHeight
                canvas.rect(x: left, y: by + 1, width: x(value) - left, height: rowHeight - 3, class: cls)
                canvas.text(RussianFormat.percent(value), x: x(value) + 4, y: by + 13, class: "tick")
            }
        }
        for t in [0.0, 0.5, 1.0] {
            canvas.line(x1: x(t), y1: top - 2, x2: x(t), y2: canvas.height - 8, class: "grid")
        }
        return figure(canvas.render(label: title), caption: title)
    }

    static func levelName(_ level: TaskLevel) -> String {
        switch level {
        case .basic: return "базовый (Б)"
        case .advanced: return "повышенный (П)"
        case .high: return "высокий (В)"
        }
    }

    static func figure(_ svg: String, caption: String) -> String {
        "<figure class=\"chart\">\n" + svg + "<figcaption>\(SVGEscape.text(caption))</figcaption>\n</figure>\n"
    }
}
