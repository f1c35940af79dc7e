/// A self-contained Russian HTML page built section by section: inline stylesheet, no scripts, no links
/// outside the file. Text from the input goes through `SVGEscape.text`; the builder's own markup does not.
struct HTMLDocument {
    private(set) var body = ""

    mutating func raw(_ html: String) { body += html }

    mutating func heading(_ level: Int, _ text: String, id: String? = nil) {
        let anchor = id.map { " id=\"\(SVGEscape.text($0))\"" } ?? ""
        body += "<h\(level)\(anchor)>\(SVGEscape.text(text))</h\(level)>\n"
    }

    /// A section that starts on a new page when printed.
    mutating func section(_ title: String, id: String? = nil, _ content: (inout HTMLDocument) -> Void) {
        body += "<section class=\"page\">\n"
        heading(2, title, id: id)
        content(&self)
        body += "</section>\n"
    }

    /// A paragraph of already-escaped HTML.
    mutating func paragraph(html: String, class cls: String? = nil) {
        body += "<p\(cls.map { " class=\"\($0)\"" } ?? "")>\(html)</p>\n"
    }

    mutating func paragraph(_ text: String, class cls: String? = nil) { paragraph(html: SVGEscape.text(text), class: cls) }

    /// A list of already-escaped HTML items.
    mutating func list(html items: [String]) {
        guard !items.isEmpty else { return }
        body += "<ul>\n" + items.map { "<li>\($0)</li>\n" }.joined() + "</ul>\n"
    }

    /// A table of plain-text cells; `numeric` columns are right-aligned; `emphasis` rows are bold.
    mutating func table(_ header: [String], _ rows: [[String]], numeric: Set<Int> = [], emphasis: Set<Int> = [],
                        caption: String? = nil) {
        body += "<table>\n"
        if let caption { body += "<caption>\(SVGEscape.text(caption))</caption>\n" }
        body += "<thead><tr>" + header.map { "<th>\(SVGEscape.text($0))</th>" }.joined() + "</tr></thead>\n<tbody>\n"
        for (r, row) in rows.enumerated() {
            body += emphasis.contains(r) ? "<tr class=\"em\">" : "<tr>"
            for (i, cell) in row.enumerated() {
                body += numeric.contains(i) ? "<td class=\"num\">" : "<td>"
                body += SVGEscape.text(cell) + "</td>"
            }
            body += "</tr>\n"
        }
        body += "</tbody>\n</table>\n"
    }

    /// The whole page.
    func render(title: String) -> String {
        "<!DOCTYPE html>\n<html lang=\"ru\">\n<head>\n<meta charset=\"utf-8\">\n"
            + "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n"
            + "<title>\(SVGEscape.text(title))</title>\n<style>\n\(HTMLStyle.css)</style>\n</head>\n<body>\n<main>\n"
            + body + "</main>\n</body>\n</html>\n"
    }
}

/// The stylesheet of the HTML reports: screen and print (A4, a new page per section, rows and charts kept whole).
enum HTMLStyle {
    static let css = """
    :root { --ink: #1d2329; --muted: #5b6670; --line: #c9d0d6; --risk: #c0392b; --accent: #2c6fb7; }
    body { font: 14px/1.45 "PT Sans", "Segoe UI", Arial, sans-serif; color: var(--ink); margin: 0; background: #f4f6f8; }
    main { max-width: 760px; margin: 0 auto; padding: 24px 32px; background: #fff; }
    h1 { font-size: 22px; margin: 0 0 8px; }
    h2 { font-size: 18px; margin: 28px 0 10px; padding-bottom: 4px; border-bottom: 2px solid var(--accent); }
    h3 { font-size: 15px; margin: 20px 0 8px; }
    h4 { font-size: 14px; margin: 14px 0 6px; color: var(--muted); }
    p.meta { color: var(--muted); margin-top: 0; }
    table { border-collapse: collapse; width: 100%; margin: 8px 0 14px; font-size: 12.5px; }
    caption { text-align: left; font-weight: bold; padding: 4px 0; }
    th, td { border: 1px solid var(--line); padding: 3px 6px; vertical-align: top; text-align: left; }
    th { background: #eef2f5; font-weight: 600; }
    td.num { text-align: right; white-space: nowrap; font-variant-numeric: tabular-nums; }
    tr.em td { font-weight: bold; background: #f7f9fb; }
    .risk { color: var(--risk); font-weight: bold; }
    .note { color: var(--muted); font-size: 12.5px; }
    code { font-size: 12.5px; background: #f0f2f4; padding: 0 3px; }
    figure.chart { margin: 10px 0 18px; }
    figure.chart svg { max-width: 100%; height: auto; display: block; }
    figcaption { font-size: 12px; color: var(--muted); margin-top: 2px; }
    svg text { font-family: "PT Sans", Arial, sans-serif; }
    .lbl { font-size: 11px; fill: var(--ink); }
    .lbl-strong { font-size: 11px; font-weight: bold; fill: var(--ink); }
    .lbl-risk { font-size: 11px; font-weight: bold; fill: var(--risk); }
    .tick { font-size: 10px; fill: var(--muted); }
    .axlbl { font-size: 11px; fill: var(--muted); }
    .axis { stroke: #7b8690; stroke-width: 1; }
    .grid { stroke: #e3e7eb; stroke-width: 1; }
    .bar-obs { fill: #7fa7d4; }
    .bar-region { fill: #c3cad1; }
    .ln-region, .sw-region { fill: none; stroke: #5b6670; stroke-width: 1.5; stroke-dasharray: 4 3; }
    .sw-region { fill: #5b6670; }
    .ln-cf { fill: none; stroke: #e67e22; stroke-width: 2; }
    .sw-cf { fill: #e67e22; }
    .ln-boundary { stroke: var(--risk); stroke-width: 1.2; stroke-dasharray: 5 3; }
    .sw-boundary { fill: var(--risk); }
    .ln-target { stroke: #5b6670; stroke-width: 1; }
    .sw-target { fill: #5b6670; }
    .ln-l95 { fill: none; stroke: #e6a23c; stroke-width: 1.3; stroke-dasharray: 5 3; }
    .sw-l95 { fill: #e6a23c; }
    .ln-l998 { fill: none; stroke: var(--risk); stroke-width: 1.5; }
    .sw-l998 { fill: var(--risk); }
    .pt, .sw-pt { fill: #7fa7d4; stroke: #2c6fb7; stroke-width: 0.8; }
    .pt-adv, .sw-adv { fill: #b8d8b0; stroke: #3d8b37; stroke-width: 0.8; }
    .pt-risk, .sw-risk, .pt-self { fill: var(--risk); stroke: #7b1d13; stroke-width: 0.8; }
    .seg-low { fill: #5b8fd1; }
    .seg-conf { fill: #d5dadf; }
    .seg-raise { fill: #f0a04b; }
    .seg-txt { font-size: 9.5px; fill: #1d2329; }
    @media print {
      @page { size: A4; margin: 14mm 12mm; }
      body { background: #fff; font-size: 11pt; }
      main { max-width: none; padding: 0; }
      section.page { break-before: page; }
      section.page:first-of-type { break-before: auto; }
      h2, h3, h4 { break-after: avoid; }
      table, tr, figure.chart { break-inside: avoid; }
      thead { display: table-header-group; }
      .seg-low, .seg-conf, .seg-raise, .bar-obs, .bar-region { print-color-adjust: exact; -webkit-print-color-adjust: exact; }
    }

    """
}
