import Foundation

/// A small WordprocessingML writer: paragraphs, headings, tables whose header row repeats on every page,
/// inline PNG pictures (`word/media/imageN.png`) for charts, an A4 page with Russian office margins (30/10/20/20 mm)
/// and page numbers in the footer. Every text passes through `XMLText.escape`.
struct WordDocument {
    /// Text width of the page in twips: 210 mm − 30 mm − 10 mm.
    static let textWidth = 9638

    private(set) var body = ""
    var title = ""
    /// Embedded pictures in order: `word/media/imageN.png`, relationship `rIdImageN`.
    private(set) var media: [Data] = []

    /// One table cell: text in the table style, or paragraph content already in WordprocessingML.
    enum Cell {
        case text(String, bold: Bool = false, alignment: Alignment? = nil)
        case paragraphs(String)
    }

    enum Alignment: String { case left, center, right, both }

    /// A paragraph of plain text in a style; line breaks in the text become `w:br`.
    mutating func paragraph(_ text: String, style: String? = nil, alignment: Alignment? = nil, bold: Bool = false,
                            indentLeft: Int? = nil, firstLine: Int? = nil, keepNext: Bool = false, spaceAfter: Int? = nil) {
        body += Self.paragraphXML([(text, bold)], style: style, alignment: alignment, indentLeft: indentLeft,
                                  firstLine: firstLine, keepNext: keepNext, spaceAfter: spaceAfter)
    }

    /// A paragraph of several runs, each bold or not.
    mutating func paragraph(runs: [(String, Bool)], style: String? = nil, alignment: Alignment? = nil) {
        body += Self.paragraphXML(runs, style: style, alignment: alignment)
    }

    mutating func heading1(_ text: String) { paragraph(text, style: "Heading1") }
    mutating func heading2(_ text: String) { paragraph(text, style: "Heading2") }

    /// «– text» with a hanging indent, for lists without a numbering part.
    mutating func bullet(_ runs: [(String, Bool)]) {
        body += Self.paragraphXML([("–\t", false)] + runs, style: "ListText")
    }

    mutating func pageBreak() { body += "<w:p><w:r><w:br w:type=\"page\"/></w:r></w:p>" }

    static func paragraphXML(_ runs: [(String, Bool)], style: String? = nil, alignment: Alignment? = nil,
                             indentLeft: Int? = nil, firstLine: Int? = nil, keepNext: Bool = false,
                             spaceAfter: Int? = nil, size: Int? = nil) -> String {
        var ppr = ""
        if let style { ppr += "<w:pStyle w:val=\"\(style)\"/>" }
        if keepNext { ppr += "<w:keepNext/>" }
        if let spaceAfter { ppr += "<w:spacing w:after=\"\(spaceAfter)\"/>" }
        if indentLeft != nil || firstLine != nil {
            ppr += "<w:ind w:left=\"\(indentLeft ?? 0)\" w:firstLine=\"\(firstLine ?? 0)\"/>"
        }
        if let alignment { ppr += "<w:jc w:val=\"\(alignment.rawValue)\"/>" }
        var xml = "<w:p>" + (ppr.isEmpty ? "" : "<w:pPr>\(ppr)</w:pPr>")
        for (text, bold) in runs { xml += run(text, bold: bold, size: size) }
        return xml + "</w:p>"
    }

    /// Runs of text: tabs become `w:tab`, line breaks `w:br`.
    static func run(_ text: String, bold: Bool = false, size: Int? = nil) -> String {
        var rpr = bold ? "<w:b/>" : ""
        if let size { rpr += "<w:sz w:val=\"\(size)\"/><w:szCs w:val=\"\(size)\"/>" }
        var xml = "<w:r>" + (rpr.isEmpty ? "" : "<w:rPr>\(rpr)</w:rPr>")
        let lines = text.replacingOccurrences(of: "\r\n", with: "\n").split(separator: "\n", omittingEmptySubsequences: false)
        for (i, line) in lines.enumerated() {
            if i > 0 { xml += "<w:br/>" }
            let pieces = line.split(separator: "\t", omittingEmptySubsequences: false)
            for (j, piece) in pieces.enumerated() {
                if j > 0 { xml += "<w:tab/>" }
                if !piece.isEmpty { xml += "<w:t xml:space=\"preserve\">\(XMLText.escape(String(piece)))</w:t>" }
            }
        }
        return xml + "</w:r>"
    }

    /// A bordered table in 12 pt whose header row repeats on each page; widths are relative weights.
    mutating func table(header: [String], rows: [[String]], weights: [Int], rightAligned: Set<Int> = []) {
        table(header: header, cells: rows.map { row in
            row.indices.map { .text(row[$0], alignment: rightAligned.contains($0) ? .right : nil) }
        }, weights: weights)
    }

    /// A bordered table of cells that may hold pictures; `keepTogether` keeps its rows on one page.
    mutating func table(header: [String], cells rows: [[Cell]], weights: [Int], keepTogether: Bool = false) {
        let widths = Self.widths(weights)
        var xml = "<w:tbl><w:tblPr><w:tblStyle w:val=\"TableGrid\"/><w:tblW w:w=\"\(Self.textWidth)\" w:type=\"dxa\"/>"
            + "<w:tblLayout w:type=\"fixed\"/><w:tblLook w:val=\"04A0\" w:firstRow=\"1\" w:lastRow=\"0\" w:firstColumn=\"0\" "
            + "w:lastColumn=\"0\" w:noHBand=\"0\" w:noVBand=\"1\"/></w:tblPr><w:tblGrid>"
        for w in widths { xml += "<w:gridCol w:w=\"\(w)\"/>" }
        xml += "</w:tblGrid><w:tr><w:trPr><w:cantSplit/><w:tblHeader/></w:trPr>"
        for (i, text) in header.enumerated() {
            xml += "<w:tc><w:tcPr><w:tcW w:w=\"\(widths[i])\" w:type=\"dxa\"/>"
                + "<w:shd w:val=\"clear\" w:color=\"auto\" w:fill=\"D9E1F2\"/><w:vAlign w:val=\"center\"/></w:tcPr>"
                + Self.paragraphXML([(text, true)], style: "TableText", alignment: .center, keepNext: keepTogether) + "</w:tc>"
        }
        xml += "</w:tr>"
        for row in rows {
            let pictures = row.contains { if case .paragraphs = $0 { return true }; return false }
            xml += "<w:tr><w:trPr><w:cantSplit/></w:trPr>"
            for i in widths.indices {
                var content: String
                switch i < row.count ? row[i] : .text("") {
                case let .text(text, bold, alignment):
                    content = Self.paragraphXML([(text, bold)], style: "TableText", alignment: alignment, keepNext: keepTogether)
                case let .paragraphs(xml): content = xml
                }
                xml += "<w:tc><w:tcPr><w:tcW w:w=\"\(widths[i])\" w:type=\"dxa\"/>"
                    + (pictures ? "<w:vAlign w:val=\"center\"/>" : "") + "</w:tcPr>"
                    + content + "</w:tc>"
            }
            xml += "</w:tr>"
        }
        body += xml + "</w:tbl>"
        // Word needs a paragraph between two tables and after a table that ends a cell or the body.
        body += "<w:p><w:pPr><w:pStyle w:val=\"TableText\"/></w:pPr></w:p>"
    }

    static func widths(_ weights: [Int]) -> [Int] {
        let total = max(weights.reduce(0, +), 1)
        var widths = weights.map { $0 * textWidth / total }
        widths[widths.count - 1] += textWidth - widths.reduce(0, +)
        return widths
    }

    /// Twips to EMU (English metric units of DrawingML): 1 twip = 635 EMU.
    static let emuPerTwip = 635

    /// Adds a PNG to the package and returns the run that shows it inline, `width` × `height` twips;
    /// `description` is the picture's alternative text.
    mutating func picture(_ png: Data, width: Int, height: Int, description: String) -> String {
        media.append(png)
        let n = media.count, cx = width * Self.emuPerTwip, cy = height * Self.emuPerTwip
        let alt = XMLText.escape(description)
        return "<w:r><w:drawing><wp:inline distT=\"0\" distB=\"0\" distL=\"0\" distR=\"0\">"
            + "<wp:extent cx=\"\(cx)\" cy=\"\(cy)\"/><wp:effectExtent l=\"0\" t=\"0\" r=\"0\" b=\"0\"/>"
            + "<wp:docPr id=\"\(n)\" name=\"Рисунок \(n)\" descr=\"\(alt)\"/>"
            + "<wp:cNvGraphicFramePr><a:graphicFrameLocks xmlns:a=\"\(Self.a)\" noChangeAspect=\"1\"/></wp:cNvGraphicFramePr>"
            + "<a:graphic xmlns:a=\"\(Self.a)\"><a:graphicData uri=\"\(Self.pic)\">"
            + "<pic:pic xmlns:pic=\"\(Self.pic)\"><pic:nvPicPr><pic:cNvPr id=\"\(n)\" name=\"image\(n).png\" descr=\"\(alt)\"/>"
            + "<pic:cNvPicPr/></pic:nvPicPr><pic:blipFill><a:blip r:embed=\"\(Self.imageRelationship(n))\"/>"
            + "<a:stretch><a:fillRect/></a:stretch></pic:blipFill><pic:spPr><a:xfrm><a:off x=\"0\" y=\"0\"/>"
            + "<a:ext cx=\"\(cx)\" cy=\"\(cy)\"/></a:xfrm><a:prstGeom prst=\"rect\"><a:avLst/></a:prstGeom></pic:spPr>"
            + "</pic:pic></a:graphicData></a:graphic></wp:inline></w:drawing></w:r>"
    }

    static func imageRelationship(_ n: Int) -> String { "rIdImage\(n)" }

    /// A centred paragraph holding one picture, kept with the next paragraph (its labels or caption).
    mutating func pictureParagraph(_ png: Data, width: Int, height: Int, description: String) {
        let run = picture(png, width: width, height: height, description: description)
        body += "<w:p><w:pPr><w:pStyle w:val=\"Picture\"/><w:keepNext/><w:jc w:val=\"center\"/></w:pPr>\(run)</w:p>"
    }

    /// A borderless row of equal cells `column` twips wide under a chart, one label each, centred like the picture.
    mutating func chartLabels(_ labels: [String], column: Int) {
        var xml = "<w:tbl><w:tblPr><w:tblW w:w=\"\(column * labels.count)\" w:type=\"dxa\"/><w:jc w:val=\"center\"/>"
            + "<w:tblBorders><w:top w:val=\"nil\"/><w:left w:val=\"nil\"/><w:bottom w:val=\"nil\"/><w:right w:val=\"nil\"/>"
            + "<w:insideH w:val=\"nil\"/><w:insideV w:val=\"nil\"/></w:tblBorders><w:tblLayout w:type=\"fixed\"/>"
            + "<w:tblCellMar><w:top w:w=\"0\" w:type=\"dxa\"/><w:left w:w=\"0\" w:type=\"dxa\"/>"
            + "<w:bottom w:w=\"0\" w:type=\"dxa\"/><w:right w:w=\"0\" w:type=\"dxa\"/></w:tblCellMar></w:tblPr><w:tblGrid>"
        for _ in labels { xml += "<w:gridCol w:w=\"\(column)\"/>" }
        xml += "</w:tblGrid><w:tr><w:trPr><w:cantSplit/></w:trPr>"
        for label in labels {
            xml += "<w:tc><w:tcPr><w:tcW w:w=\"\(column)\" w:type=\"dxa\"/></w:tcPr>"
                + Self.paragraphXML([(label, false)], style: "ChartLabel") + "</w:tc>"
        }
        body += xml + "</w:tr></w:tbl>"
    }

    /// The `.docx` bytes.
    func data() throws -> Data {
        var package = OfficePackage()
        package.add("[Content_Types].xml", XMLText.declaration + """
            <Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">\
            <Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>\
            <Default Extension="xml" ContentType="application/xml"/>\
            <Default Extension="png" ContentType="image/png"/>\
            <Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/>\
            <Override PartName="/word/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.styles+xml"/>\
            <Override PartName="/word/settings.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.settings+xml"/>\
            <Override PartName="/word/footer1.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.footer+xml"/>\
            <Override PartName="/docProps/core.xml" ContentType="application/vnd.openxmlformats-package.core-properties+xml"/>\
            <Override PartName="/docProps/app.xml" ContentType="application/vnd.openxmlformats-officedocument.extended-properties+xml"/>\
            </Types>
            """)
        package.add("_rels/.rels", XMLText.declaration + """
            <Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">\
            <Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/>\
            <Relationship Id="rId2" Type="http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties" Target="docProps/core.xml"/>\
            <Relationship Id="rId3" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/extended-properties" Target="docProps/app.xml"/>\
            </Relationships>
            """)
        package.add("docProps/core.xml", XMLText.declaration
            + "<cp:coreProperties xmlns:cp=\"http://schemas.openxmlformats.org/package/2006/metadata/core-properties\" "
            + "xmlns:dc=\"http://purl.org/dc/elements/1.1/\" xmlns:dcterms=\"http://purl.org/dc/terms/\" "
            + "xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\">"
            + "<dc:title>\(XMLText.escape(title))</dc:title><dc:creator>vpr-analyzer</dc:creator><dc:language>ru-RU</dc:language>"
            + "</cp:coreProperties>")
        package.add("docProps/app.xml", XMLText.declaration
            + "<Properties xmlns=\"http://schemas.openxmlformats.org/officeDocument/2006/extended-properties\">"
            + "<Application>vpr-analyzer</Application></Properties>")
        let images = media.indices.map { i in
            "<Relationship Id=\"\(Self.imageRelationship(i + 1))\" "
                + "Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/image\" Target=\"media/image\(i + 1).png\"/>"
        }.joined()
        package.add("word/_rels/document.xml.rels", XMLText.declaration + """
            <Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">\
            <Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/>\
            <Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/settings" Target="settings.xml"/>\
            <Relationship Id="rId3" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/footer" Target="footer1.xml"/>
            """ + images + "</Relationships>")
        package.add("word/document.xml", XMLText.declaration
            + "<w:document xmlns:w=\"\(Self.w)\" xmlns:r=\"\(Self.r)\" xmlns:wp=\"\(Self.wp)\"><w:body>" + body
            + "<w:sectPr><w:footerReference w:type=\"default\" r:id=\"rId3\"/>"
            + "<w:pgSz w:w=\"11906\" w:h=\"16838\"/>"
            + "<w:pgMar w:top=\"1134\" w:right=\"567\" w:bottom=\"1134\" w:left=\"1701\" w:header=\"709\" w:footer=\"567\" w:gutter=\"0\"/>"
            + "</w:sectPr></w:body></w:document>")
        for (i, png) in media.enumerated() { package.add("word/media/image\(i + 1).png", data: png) }
        package.add("word/styles.xml", Self.styles)
        package.add("word/settings.xml", XMLText.declaration
            + "<w:settings xmlns:w=\"\(Self.w)\"><w:zoom w:percent=\"100\"/><w:defaultTabStop w:val=\"709\"/>"
            + "<w:characterSpacingControl w:val=\"doNotCompress\"/><w:compat><w:compatSetting w:name=\"compatibilityMode\" "
            + "w:uri=\"http://schemas.microsoft.com/office/word\" w:val=\"15\"/></w:compat></w:settings>")
        package.add("word/footer1.xml", XMLText.declaration
            + "<w:ftr xmlns:w=\"\(Self.w)\" xmlns:r=\"\(Self.r)\"><w:p><w:pPr><w:pStyle w:val=\"Footer\"/><w:jc w:val=\"center\"/></w:pPr>"
            + "<w:r><w:fldChar w:fldCharType=\"begin\"/></w:r><w:r><w:instrText xml:space=\"preserve\"> PAGE </w:instrText></w:r>"
            + "<w:r><w:fldChar w:fldCharType=\"separate\"/></w:r><w:r><w:t>1</w:t></w:r><w:r><w:fldChar w:fldCharType=\"end\"/></w:r>"
            + "</w:p></w:ftr>")
        return try package.archive()
    }

    static let w = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
    static let r = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
    static let wp = "http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing"
    static let a = "http://schemas.openxmlformats.org/drawingml/2006/main"
    static let pic = "http://schemas.openxmlformats.org/drawingml/2006/picture"

    /// Times New Roman 14 pt, 1.15 lines, justified with a 1.25 cm first-line indent; tables in 12 pt.
    static let styles = XMLText.declaration + """
        <w:styles xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">\
        <w:docDefaults><w:rPrDefault><w:rPr><w:rFonts w:ascii="Times New Roman" w:hAnsi="Times New Roman" \
        w:eastAsia="Times New Roman" w:cs="Times New Roman"/><w:sz w:val="28"/><w:szCs w:val="28"/>\
        <w:lang w:val="ru-RU" w:eastAsia="ru-RU" w:bidi="ar-SA"/></w:rPr></w:rPrDefault>\
        <w:pPrDefault><w:pPr><w:spacing w:after="0" w:line="276" w:lineRule="auto"/></w:pPr></w:pPrDefault></w:docDefaults>\
        <w:style w:type="paragraph" w:default="1" w:styleId="Normal"><w:name w:val="Normal"/><w:qFormat/>\
        <w:pPr><w:ind w:firstLine="709"/><w:jc w:val="both"/></w:pPr></w:style>\
        <w:style w:type="paragraph" w:styleId="Title"><w:name w:val="Title"/><w:basedOn w:val="Normal"/><w:next w:val="Normal"/><w:qFormat/>\
        <w:pPr><w:keepNext/><w:spacing w:before="240" w:after="240"/><w:ind w:firstLine="0"/><w:jc w:val="center"/></w:pPr>\
        <w:rPr><w:b/><w:bCs/></w:rPr></w:style>\
        <w:style w:type="paragraph" w:styleId="Heading1"><w:name w:val="heading 1"/><w:basedOn w:val="Normal"/><w:next w:val="Normal"/><w:qFormat/>\
        <w:pPr><w:keepNext/><w:keepLines/><w:spacing w:before="240" w:after="120"/><w:ind w:firstLine="0"/><w:jc w:val="left"/>\
        <w:outlineLvl w:val="0"/></w:pPr><w:rPr><w:b/><w:bCs/></w:rPr></w:style>\
        <w:style w:type="paragraph" w:styleId="Heading2"><w:name w:val="heading 2"/><w:basedOn w:val="Normal"/><w:next w:val="Normal"/><w:qFormat/>\
        <w:pPr><w:keepNext/><w:keepLines/><w:spacing w:before="180" w:after="60"/><w:ind w:firstLine="0"/><w:jc w:val="left"/>\
        <w:outlineLvl w:val="1"/></w:pPr><w:rPr><w:b/><w:bCs/><w:i/><w:iCs/></w:rPr></w:style>\
        <w:style w:type="paragraph" w:styleId="ListText"><w:name w:val="List Text"/><w:basedOn w:val="Normal"/>\
        <w:pPr><w:tabs><w:tab w:val="left" w:pos="1069"/></w:tabs><w:ind w:left="1069" w:hanging="360"/></w:pPr></w:style>\
        <w:style w:type="paragraph" w:styleId="TableText"><w:name w:val="Table Text"/><w:basedOn w:val="Normal"/>\
        <w:pPr><w:spacing w:line="240" w:lineRule="auto"/><w:ind w:firstLine="0"/><w:jc w:val="left"/></w:pPr>\
        <w:rPr><w:sz w:val="24"/><w:szCs w:val="24"/></w:rPr></w:style>\
        <w:style w:type="paragraph" w:styleId="Picture"><w:name w:val="Chart Picture"/><w:basedOn w:val="Normal"/>\
        <w:pPr><w:keepNext/><w:spacing w:line="240" w:lineRule="auto"/><w:ind w:firstLine="0"/></w:pPr>\
        <w:rPr><w:sz w:val="2"/><w:szCs w:val="2"/></w:rPr></w:style>\
        <w:style w:type="paragraph" w:styleId="ChartLabel"><w:name w:val="Chart Label"/><w:basedOn w:val="Normal"/>\
        <w:pPr><w:keepNext/><w:spacing w:line="240" w:lineRule="auto"/><w:ind w:firstLine="0"/><w:jc w:val="center"/></w:pPr>\
        <w:rPr><w:sz w:val="16"/><w:szCs w:val="16"/></w:rPr></w:style>\
        <w:style w:type="paragraph" w:styleId="Caption"><w:name w:val="caption"/><w:basedOn w:val="Normal"/><w:next w:val="Normal"/>\
        <w:pPr><w:spacing w:before="60" w:after="120"/><w:ind w:firstLine="0"/><w:jc w:val="center"/></w:pPr>\
        <w:rPr><w:i/><w:iCs/><w:sz w:val="24"/><w:szCs w:val="24"/></w:rPr></w:style>\
        <w:style w:type="paragraph" w:styleId="Legend"><w:name w:val="Chart Legend"/><w:basedOn w:val="Normal"/>\
        <w:pPr><w:spacing w:after="60" w:line="240" w:lineRule="auto"/><w:ind w:firstLine="0"/><w:jc w:val="both"/></w:pPr>\
        <w:rPr><w:sz w:val="22"/><w:szCs w:val="22"/></w:rPr></w:style>\
        <w:style w:type="paragraph" w:styleId="Footer"><w:name w:val="footer"/><w:basedOn w:val="Normal"/>\
        <w:pPr><w:ind w:firstLine="0"/><w:jc w:val="center"/></w:pPr><w:rPr><w:sz w:val="24"/><w:szCs w:val="24"/></w:rPr></w:style>\
        <w:style w:type="table" w:default="1" w:styleId="TableNormal"><w:name w:val="Normal Table"/><w:uiPriority w:val="99"/>\
        <w:semiHidden/><w:tblPr><w:tblInd w:w="0" w:type="dxa"/><w:tblCellMar><w:top w:w="0" w:type="dxa"/>\
        <w:left w:w="108" w:type="dxa"/><w:bottom w:w="0" w:type="dxa"/><w:right w:w="108" w:type="dxa"/></w:tblCellMar></w:tblPr></w:style>\
        <w:style w:type="table" w:styleId="TableGrid"><w:name w:val="Table Grid"/><w:basedOn w:val="TableNormal"/>\
        <w:tblPr><w:tblBorders><w:top w:val="single" w:sz="4" w:space="0" w:color="auto"/>\
        <w:left w:val="single" w:sz="4" w:space="0" w:color="auto"/><w:bottom w:val="single" w:sz="4" w:space="0" w:color="auto"/>\
        <w:right w:val="single" w:sz="4" w:space="0" w:color="auto"/><w:insideH w:val="single" w:sz="4" w:space="0" w:color="auto"/>\
        <w:insideV w:val="single" w:sz="4" w:space="0" w:color="auto"/></w:tblBorders>\
        <w:tblCellMar><w:left w:w="57" w:type="dxa"/><w:right w:w="57" w:type="dxa"/></w:tblCellMar></w:tblPr></w:style>\
        </w:styles>
        """
}
