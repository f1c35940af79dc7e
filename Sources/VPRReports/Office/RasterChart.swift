import Foundation

/// The charts of `report.docx` painted as PNG rasters from the view model's numbers: no text in the image —
/// score labels, legends and scales are Word text around it, so they print in the document's font.
enum RasterChart {
    static let schoolBar = PNGImage.Color(hex: 0x4F81BD)
    static let boundaryBar = PNGImage.Color(hex: 0xC0504D)
    static let boundaryLine = PNGImage.Color(hex: 0xC0504D)
    static let counterfactual = PNGImage.Color(hex: 0x000000)
    static let region = PNGImage.Color(hex: 0x7F7F7F)
    static let grid = PNGImage.Color(hex: 0xD9D9D9)
    static let axis = PNGImage.Color(hex: 0x404040)
    static let lowered = PNGImage.Color(hex: 0x5B8FD1)
    static let confirmed = PNGImage.Color(hex: 0xD5DADF)
    static let raised = PNGImage.Color(hex: 0xF0A04B)

    /// A primary-score histogram: one column of `columnWidth` pixels per score 0…max spanning the whole image
    /// width (so a row of Word cells of equal width labels the scores exactly), bars of the school's shares,
    /// the minimum scores of marks «3», «4», «5» in red with a dashed red line before them, the region's
    /// distribution as a grey dashed line, `BOUNDARY`'s counterfactual as a black line, horizontal grid
    /// lines every `gridStep` of the share, and the base line.
    static func histogram(_ h: ScoreHistogram, columnWidth: Int, height: Int, gridStep: Double) -> PNGImage {
        let n = h.observed.count
        var image = PNGImage(width: max(n, 1) * columnWidth, height: height)
        let top = histogramTop(h, gridStep: gridStep)
        let base = height - 2, usable = Double(height - 8)
        func y(_ share: Double) -> Double { Double(base) - share / top * usable }
        func x(_ score: Int) -> Double { (Double(score) + 0.5) * Double(columnWidth) }
        var g = gridStep
        while g < top - 1e-9 {
            image.line(0, y(g), Double(image.width - 1), y(g), grid)
            g += gridStep
        }
        let boundaries = Set(h.scale.boundaries)
        let gap = max(columnWidth / 8, 1)
        for (score, share) in h.observed.enumerated() where share > 0 {
            let x0 = score * columnWidth + gap
            image.fill(x0: x0, y0: Int(y(share).rounded()), x1: x0 + columnWidth - 2 * gap, y1: base,
                       boundaries.contains(score) ? boundaryBar : schoolBar)
        }
        for b in h.scale.boundaries where b > 0 && b < n {
            let bx = Double(b * columnWidth)
            image.line(bx, 0, bx, Double(base), boundaryLine, thickness: 3, dash: (10, 6))
        }
        image.polyline(h.region.indices.map { (x($0), y(h.region[$0])) }, region, thickness: 3, dash: (8, 6))
        if let cf = h.counterfactual {
            image.polyline(cf.indices.map { (x($0), y(cf[$0])) }, counterfactual, thickness: 4)
        }
        image.fill(x0: 0, y0: base, x1: image.width, y1: height, axis)
        return image
    }

    /// The share at the top edge of a histogram: the largest share drawn, rounded up to the grid.
    static func histogramTop(_ h: ScoreHistogram, gridStep: Double) -> Double {
        let largest = (h.observed + (h.counterfactual ?? []) + h.region).max() ?? 0
        return max((largest / gridStep).rounded(.up), 1) * gridStep
    }

    /// A grid step for shares up to `largest`: 5 %, 10 % or 2 %, whichever gives three to eight lines.
    static func gridStep(forLargest largest: Double) -> Double {
        largest > 0.4 ? 0.10 : largest > 0.12 ? 0.05 : 0.02
    }

    /// A 100 % bar: lowered, confirmed and raised marks left to right.
    static func stackedBar(_ bar: JournalBar, width: Int, height: Int) -> PNGImage {
        var image = PNGImage(width: width, height: height)
        guard bar.total > 0 else { return image }
        var x = 0.0
        for (count, colour) in [(bar.lowered, lowered), (bar.confirmed, confirmed), (bar.raised, raised)] {
            let w = Double(count) / Double(bar.total) * Double(width)
            image.fill(x0: Int(x.rounded()), y0: 2, x1: Int((x + w).rounded()), y1: height - 2, colour)
            x += w
        }
        return image
    }
}

extension RasterChart {
    static let trendColours = [PNGImage.Color(hex: 0x4F81BD), PNGImage.Color(hex: 0xC0504D), PNGImage.Color(hex: 0x9BBB59),
                               PNGImage.Color(hex: 0x8064A2), PNGImage.Color(hex: 0xF79646), PNGImage.Color(hex: 0x4BACC6)]
    static let trendColourNames = ["синяя", "красная", "зелёная", "фиолетовая", "оранжевая", "голубая"]

    /// Lines of the share of marks «4» and «5» over `years`, one colour per series, grid every 25 %.
    static func trend(_ series: [[TrendPoint]], years: ClosedRange<Int>, width: Int, height: Int) -> PNGImage {
        var image = PNGImage(width: width, height: height)
        let margin = 24.0, base = Double(height - 2)
        let span = Double(max(years.upperBound - years.lowerBound, 1))
        func x(_ year: Int) -> Double { margin + Double(year - years.lowerBound) / span * (Double(width) - 2 * margin) }
        func y(_ share: Double) -> Double { base - share * (base - 8) }
        for g in [0.25, 0.5, 0.75, 1.0] { image.line(0, y(g), Double(width - 1), y(g), grid) }
        for year in years { image.line(x(year), 0, x(year), base, grid) }
        for (i, line) in series.enumerated() {
            let colour = trendColours[i % trendColours.count]
            image.polyline(line.map { (x($0.work.year), y($0.share45)) }, colour, thickness: 4)
            for p in line {
                let cx = Int(x(p.work.year).rounded()), cy = Int(y(p.share45).rounded())
                image.fill(x0: cx - 6, y0: cy - 6, x1: cx + 6, y1: cy + 6, colour)
            }
        }
        image.fill(x0: 0, y0: Int(base), x1: width, y1: height, axis)
        return image
    }
}
