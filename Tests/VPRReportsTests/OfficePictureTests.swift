import Foundation
import XCTest
import VPRAnalysis
@testable import VPRReports

/// The charts of `report.docx`: a PNG encoder whose checksums match zlib's, painted histograms and journal
/// bars, and pictures embedded as `word/media/imageN.png` with their relationships.
final class OfficePictureTests: XCTestCase {
    func testChecksumsMatchZlib() {
        // python3 -c 'import zlib; print(hex(zlib.crc32(b"123456789")))'  → 0xcbf43926
        XCTAssertEqual(PNGImage.crc32(Array("123456789".utf8)), 0xCBF4_3926)
        // python3 -c 'import zlib; print(hex(zlib.adler32(b"Wikipedia")))'  → 0x11e60398
        XCTAssertEqual(PNGImage.adler32(Array("Wikipedia".utf8)), 0x11E6_0398)
        XCTAssertEqual(PNGImage.crc32([UInt8]()), 0)
        XCTAssertEqual(PNGImage.adler32([UInt8]()), 1)
        // python3 -c 'import zlib; print(hex(zlib.adler32(bytes(100000*[255]))))'  → 0x149a302c: the modulo is taken in time
        XCTAssertEqual(PNGImage.adler32([UInt8](repeating: 255, count: 100_000)), 0x149A_302C)
    }

    func testStoredBlocksSplitAt65535BytesAndEndWithTheFinalFlag() {
        let data = [UInt8](repeating: 7, count: 70_000)
        let z = PNGImage.zlibStored(data)
        XCTAssertEqual(Array(z.prefix(2)), [0x78, 0x01])
        XCTAssertEqual((UInt16(z[0]) << 8 | UInt16(z[1])) % 31, 0, "zlib header check bits")
        XCTAssertEqual(z[2], 0, "first block is not final")
        XCTAssertEqual(Array(z[3..<7]), [0xFF, 0xFF, 0x00, 0x00])
        let second = 2 + 5 + 65_535
        XCTAssertEqual(z[second], 1, "last block is final")
        XCTAssertEqual(Int(z[second + 1]) | Int(z[second + 2]) << 8, 70_000 - 65_535)
        XCTAssertEqual(z.count, 2 + 2 * 5 + 70_000 + 4)
        XCTAssertEqual(Array(z.suffix(4)), PNGImage.bigEndian(PNGImage.adler32(data)))
    }

    func testThePNGHasItsChunksWithValidChecksums() throws {
        var image = PNGImage(width: 3, height: 2)
        image.set(1, 1, PNGImage.Color(hex: 0x123456))
        let png = [UInt8](image.pngData())
        XCTAssertEqual(Array(png.prefix(8)), [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A])
        var i = 8, types: [String] = []
        while i < png.count {
            let length = png[i..<i + 4].reduce(0) { $0 << 8 | Int($1) }
            let typeAndBody = Array(png[(i + 4)..<(i + 8 + length)])
            let crc = png[(i + 8 + length)..<(i + 12 + length)].reduce(UInt32(0)) { $0 << 8 | UInt32($1) }
            XCTAssertEqual(PNGImage.crc32(typeAndBody), crc)
            types.append(String(decoding: typeAndBody.prefix(4), as: UTF8.self))
            i += 12 + length
        }
        XCTAssertEqual(types, ["IHDR", "IDAT", "IEND"])
        XCTAssertEqual(Array(png[16..<24]), [0, 0, 0, 3, 0, 0, 0, 2], "width 3, height 2")
    }

    /// Python's zlib (when python3 is there) inflates the stream and finds the pixel that was set.
    func testPythonDecodesThePNG() throws {
        guard let python = ["/usr/bin/python3", "/usr/local/bin/python3"].first(where: FileManager.default.isExecutableFile)
        else { throw XCTSkip("python3 is not installed") }
        var image = PNGImage(width: 300, height: 250)
        image.set(299, 249, PNGImage.Color(1, 2, 3))
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("vpr-\(UUID().uuidString).png")
        defer { try? FileManager.default.removeItem(at: url) }
        try image.pngData().write(to: url)
        let script = """
            import sys, zlib, struct
            d = open(sys.argv[1], 'rb').read(); i = 8; idat = b''
            while i < len(d):
                n = struct.unpack('>I', d[i:i+4])[0]
                if d[i+4:i+8] == b'IDAT': idat += d[i+8:i+8+n]
                i += 12 + n
            raw = zlib.decompress(idat); row = 1 + 300 * 3
            print(len(raw), list(raw[-3:]), raw[0], raw[row])
            """
        let process = Process()
        process.executableURL = URL(fileURLWithPath: python)
        process.arguments = ["-c", script, url.path]
        let pipe = Pipe()
        process.standardOutput = pipe
        try process.run()
        let out = String(decoding: pipe.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        XCTAssertEqual(process.terminationStatus, 0)
        XCTAssertEqual(out.trimmingCharacters(in: .whitespacesAndNewlines), "\(250 * (1 + 300 * 3)) [1, 2, 3] 0 0")
    }

    /// A chart of flat colours is deflated: a journal bar as the report draws it (460 × 255) takes a small part of
    /// its raw 352 KB, and its stream inflates back to the rows (checked by zlib through Python above).
    func testAFlatChartIsDeflatedToAFewKilobytes() {
        let bar = JournalBar(label: "5А", kind: .classGroup, lowered: 3, confirmed: 20, raised: 7)
        let image = RasterChart.stackedBar(bar, width: 460, height: 255)
        let raw = (460 * 3 + 1) * 255
        let png = image.pngData()
        XCTAssertLessThan(png.count, raw / 20)
        XCTAssertEqual(PNGImage.zlibDeflated([UInt8](repeating: 9, count: 1000))?.first, 0x78, "a zlib header")
    }

    func testTheHistogramPaintsBoundaryScoresRedAndTheCounterfactualBlack() throws {
        let model = ReportFixture.model()
        let h = try XCTUnwrap(model.scoreHistogram("sch000", ReportFixture.work, tallies: model.tallies()))
        XCTAssertNotNil(h.counterfactual)
        let image = RasterChart.histogram(h, columnWidth: 20, height: 200, gridStep: 0.05)
        XCTAssertEqual(image.width, 21 * 20)
        let minMark4 = ReportFixture.scale.minMark4
        XCTAssertGreaterThan(h.observed[minMark4], 0)
        // Just above the base line, in the middle of the column's bar (between the dashed boundary line and the curve).
        XCTAssertEqual(image.pixel(minMark4 * 20 + 6, 195), RasterChart.boundaryBar)
        let ordinary = try XCTUnwrap((0..<21).first { !ReportFixture.scale.boundaries.contains($0) && h.observed[$0] > 0.05 })
        XCTAssertEqual(image.pixel(ordinary * 20 + 6, 195), RasterChart.schoolBar)
        XCTAssertTrue((0..<image.height).contains { image.pixel(10 * 20 + 10, $0) == RasterChart.counterfactual })
        XCTAssertEqual(image.pixel(0, 199), RasterChart.axis)
    }

    func testTheStackedBarSplitsItsWidthByShares() {
        let bar = JournalBar(label: "5А", kind: .classGroup, lowered: 1, confirmed: 2, raised: 1)
        let image = RasterChart.stackedBar(bar, width: 100, height: 10)
        XCTAssertEqual(image.pixel(10, 5), RasterChart.lowered)
        XCTAssertEqual(image.pixel(50, 5), RasterChart.confirmed)
        XCTAssertEqual(image.pixel(90, 5), RasterChart.raised)
    }

    func testTheReportEmbedsItsChartsAsPNGPictures() throws {
        let data = try ReportDOCXWriter().render(ReportFixture.model())
        try OfficeCheck.assertValidPackage(data, name: "report.docx")
        let parts = try OfficeCheck.parts(data)
        let media = parts.keys.filter { $0.hasPrefix("word/media/") }.sorted()
        XCTAssertFalse(media.isEmpty)
        XCTAssertTrue(media.allSatisfy { $0.hasSuffix(".png") })
        XCTAssertTrue(try OfficeCheck.part(data, "[Content_Types].xml").contains("<Default Extension=\"png\" ContentType=\"image/png\"/>"))
        let rels = try OfficeCheck.part(data, "word/_rels/document.xml.rels")
        let document = try OfficeCheck.part(data, "word/document.xml")
        for (i, path) in media.enumerated() {
            XCTAssertTrue(rels.contains("Target=\"\(path.dropFirst("word/".count))\""), path)
            XCTAssertTrue(document.contains("r:embed=\"\(WordDocument.imageRelationship(i + 1))\""), path)
        }
        // One histogram for the flagged BOUNDARY work, one bar per row of the journal table (region, school, 2 classes).
        XCTAssertEqual(media.count, 1 + 4)
        XCTAssertEqual(HTMLReportTests.count("<wp:inline ", in: document), media.count)
        XCTAssertEqual(HTMLReportTests.count("<wp:docPr id=", in: document), Set(document.components(separatedBy: "<wp:docPr id=\"").dropFirst()
            .map { $0.prefix { $0 != "\"" } }).count, "drawing ids are unique")
        XCTAssertTrue(document.contains("Распределение первичных баллов: Математика 5"))
        XCTAssertTrue(document.contains("Сравнение отметок ВПР с отметками по журналу: Математика 5"))
        XCTAssertFalse(document.contains("w:fill=\"C0504D\""), "no histogram of shaded cells is left")
    }

    func testScoreLabelsThinOutOnLongScalesButKeepTheBoundaries() {
        XCTAssertEqual(ReportDOCXWriter.scoreLabels(count: 5, boundaries: [1, 2, 3]), ["0", "1", "2", "3", "4"])
        let labels = ReportDOCXWriter.scoreLabels(count: 40, boundaries: [14, 24, 33])
        XCTAssertEqual(labels.enumerated().filter { !$0.element.isEmpty }.map(\.offset), [0, 5, 10, 14, 20, 24, 30, 33, 35])
    }
}
