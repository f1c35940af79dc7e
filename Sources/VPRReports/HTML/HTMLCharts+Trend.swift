import VPRAnalysis

extension HTMLCharts {
    /// A school's figures over the years, one line per subject and grade: the share of marks «4» and «5»
    /// (solid) and BOUNDARY's share of pulled borderline papers (dashed), each point labelled.
    static func trend(_ points: [TrendPoint]) -> String {
        let years = points.map(\.work.year)
        guard let first = years.min(), let last = years.max(), last > first else { return "" }
        var plot = SVGPlot(width: width, height: 220, x: (Double(first) - 0.3, Double(last) + 0.6), y: (0, 1),
                           margin: (52, 16, 34, 40))
        plot.axes(xTicks: (first...last).map(Double.init), yTicks: [0, 0.25, 0.5, 0.75, 1], xFormat: SVGFormat.integer,
                  yFormat: SVGFormat.percent, xLabel: "Год", yLabel: "Доля")
        let series = Dictionary(grouping: points) { "\($0.work.subject) \($0.work.grade)" }
        for name in series.keys.sorted() {
            let line = series[name]!.sorted { $0.work.year < $1.work.year }
            guard line.count > 1 else { continue }
            plot.canvas.polyline(line.map { (plot.x(Double($0.work.year)), plot.y($0.share45)) }, class: "ln-cf")
            let pulled = line.compactMap { p in p.pulledShare.map { (plot.x(Double(p.work.year)), plot.y($0)) } }
            if pulled.count > 1 { plot.canvas.polyline(pulled, class: "ln-l95") }
            for p in line {
                plot.canvas.circle(cx: plot.x(Double(p.work.year)), cy: plot.y(p.share45), r: 3.5, class: "pt",
                                   title: "\(name), \(p.work.year): «4» и «5» — \(RussianFormat.percent(p.share45))")
            }
            let end = line.last!
            plot.canvas.text(name, x: plot.x(Double(end.work.year)) + 6, y: plot.y(end.share45) + 4, class: "tick")
        }
        plot.canvas.legend([("sw-cf", "доля «4» и «5»"), ("sw-l95", "доля «дотянутых» пограничных работ")], x: plot.left, y: 14)
        let title = "Динамика по годам"
        return figure(plot.canvas.render(label: title), caption: title)
    }
}
