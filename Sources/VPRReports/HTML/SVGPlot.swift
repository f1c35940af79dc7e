/// A chart frame: margins, the x and y scales over the plot area, and axes with ticks and labels.
struct SVGPlot {
    var canvas: SVGCanvas
    let left: Double, right: Double, top: Double, bottom: Double
    var x: SVGScale
    var y: SVGScale

    init(width: Double, height: Double, x: (Double, Double), y: (Double, Double),
         margin: (left: Double, right: Double, top: Double, bottom: Double) = (52, 16, 28, 40)) {
        canvas = SVGCanvas(width: width, height: height)
        left = margin.left
        right = width - margin.right
        top = margin.top
        bottom = height - margin.bottom
        self.x = SVGScale(domain: x.0, x.1, range: left, right)
        self.y = SVGScale(domain: y.0, y.1, range: bottom, top)
    }

    /// Both axes with grid lines at the ticks; `xFormat` and `yFormat` write tick values.
    mutating func axes(xTicks: [Double], yTicks: [Double], xFormat: (Double) -> String, yFormat: (Double) -> String,
                       xLabel: String, yLabel: String) {
        for t in yTicks {
            let py = y(t)
            canvas.line(x1: left, y1: py, x2: right, y2: py, class: "grid")
            canvas.text(yFormat(t), x: left - 5, y: py + 4, anchor: .end, class: "tick")
        }
        for t in xTicks {
            let px = x(t)
            canvas.line(x1: px, y1: bottom, x2: px, y2: bottom + 4, class: "axis")
            canvas.text(xFormat(t), x: px, y: bottom + 16, anchor: .middle, class: "tick")
        }
        canvas.line(x1: left, y1: bottom, x2: right, y2: bottom, class: "axis")
        canvas.line(x1: left, y1: top, x2: left, y2: bottom, class: "axis")
        canvas.text(xLabel, x: (left + right) / 2, y: bottom + 32, anchor: .middle, class: "axlbl")
        canvas.text(yLabel, x: 12, y: (top + bottom) / 2, anchor: .middle, class: "axlbl", rotate: true)
    }
}

/// Tick labels the Russian way.
enum SVGFormat {
    static func integer(_ v: Double) -> String { String(Int(v.rounded())) }
    static func percent(_ share: Double) -> String { "\(Int((share * 100).rounded())) %" }
}
