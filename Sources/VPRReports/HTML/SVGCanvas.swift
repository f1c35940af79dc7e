/// An inline SVG image built element by element. Colours come from CSS classes of the page's stylesheet,
/// so a chart prints the same as it shows; every text is escaped.
struct SVGCanvas {
    let width: Double
    let height: Double
    private(set) var body = ""

    init(width: Double, height: Double) {
        self.width = width
        self.height = height
    }

    private static func n(_ v: Double) -> String { SVGEscape.number(v) }

    private static func tooltip(_ title: String?) -> String {
        title.map { "<title>\(SVGEscape.text($0))</title>" } ?? ""
    }

    mutating func rect(x: Double, y: Double, width: Double, height: Double, class cls: String, title: String? = nil) {
        let w = max(width, 0), h = max(height, 0)
        let open = "<rect x=\"\(Self.n(x))\" y=\"\(Self.n(y))\" width=\"\(Self.n(w))\" height=\"\(Self.n(h))\" class=\"\(cls)\""
        body += title == nil ? open + "/>\n" : open + ">\(Self.tooltip(title))</rect>\n"
    }

    mutating func line(x1: Double, y1: Double, x2: Double, y2: Double, class cls: String) {
        body += "<line x1=\"\(Self.n(x1))\" y1=\"\(Self.n(y1))\" x2=\"\(Self.n(x2))\" y2=\"\(Self.n(y2))\" class=\"\(cls)\"/>\n"
    }

    mutating func polyline(_ points: [(Double, Double)], class cls: String) {
        guard points.count > 1 else { return }
        let text = points.map { "\(Self.n($0.0)),\(Self.n($0.1))" }.joined(separator: " ")
        body += "<polyline points=\"\(text)\" class=\"\(cls)\"/>\n"
    }

    mutating func circle(cx: Double, cy: Double, r: Double, class cls: String, title: String? = nil) {
        let open = "<circle cx=\"\(Self.n(cx))\" cy=\"\(Self.n(cy))\" r=\"\(Self.n(r))\" class=\"\(cls)\""
        body += title == nil ? open + "/>\n" : open + ">\(Self.tooltip(title))</circle>\n"
    }

    enum Anchor: String { case start, middle, end }

    mutating func text(_ s: String, x: Double, y: Double, anchor: Anchor = .start, class cls: String = "lbl",
                       rotate: Bool = false) {
        let transform = rotate ? " transform=\"rotate(-90 \(Self.n(x)) \(Self.n(y)))\"" : ""
        body += "<text x=\"\(Self.n(x))\" y=\"\(Self.n(y))\" text-anchor=\"\(anchor.rawValue)\" class=\"\(cls)\"\(transform)>"
            + "\(SVGEscape.text(s))</text>\n"
    }

    /// A row of legend entries (swatch class, label) starting at (x, y).
    mutating func legend(_ entries: [(cls: String, label: String)], x: Double, y: Double, line: Bool = false) {
        var cx = x
        for e in entries {
            rect(x: cx, y: y - 9, width: 12, height: 10, class: e.cls)
            text(e.label, x: cx + 16, y: y, class: "lbl")
            cx += 24 + Double(e.label.count) * 6.2
        }
    }

    /// The finished `<svg>` element; `label` is read by screen readers and shown where SVG is not.
    func render(label: String) -> String {
        "<svg viewBox=\"0 0 \(Self.n(width)) \(Self.n(height))\" "
            + "width=\"\(Self.n(width))\" height=\"\(Self.n(height))\" role=\"img\" aria-label=\"\(SVGEscape.text(label))\">\n"
            + body + "</svg>\n"
    }
}
