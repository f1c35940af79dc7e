import Foundation
import XCTest
@testable import VPRSpreadsheet

/// The XML reader of workbook parts: what it reports, that chunk boundaries do not matter, and that damaged or
/// hostile XML is refused with a reason instead of trapping.
final class XMLStreamReaderTests: XCTestCase {
    /// Records events as text: «<a k=v>», «"text"», «</a>».
    final class Recorder: XMLEventHandler {
        var events: [String] = []
        var stopAfter: Int?
        func startElement(_ name: String, attributes: [String: String]) {
            events.append("<\(name)" + attributes.sorted { $0.key < $1.key }.map { " \($0.key)=\($0.value)" }.joined() + ">")
        }
        func endElement(_ name: String) { events.append("</\(name)>") }
        func characters(_ text: String) { events.append("\"\(text)\"") }
        var shouldStop: Bool { stopAfter.map { events.count >= $0 } ?? false }
    }

    private func events(_ xml: String, chunkSize: Int = 1 << 20) throws -> [String] {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("xml-\(UUID().uuidString).xml")
        defer { try? FileManager.default.removeItem(at: url) }
        try Data(xml.utf8).write(to: url)
        let recorder = Recorder()
        var reader = XMLStreamReader()
        reader.chunkSize = chunkSize
        try reader.read(contentsOf: url, into: recorder)
        return recorder.events
    }

    private func refusal(_ xml: String) -> String? {
        do { _ = try events(xml); return nil } catch let e as XMLStreamError { return e.reason } catch { return "\(error)" }
    }

    func testElementsAttributesTextEntitiesCDATAAndComments() throws {
        let xml = """
            \u{FEFF}<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
            <x:row r='1' t="a&amp;b"><!-- комментарий --><c>5 &lt; 6 &#1071;&#x44F;</c><d/><![CDATA[<сырой> & текст]]></x:row>
            """
        XCTAssertEqual(try events(xml), [
            "<x:row r=1 t=a&b>", "<c>", "\"5 < 6 Яя\"", "</c>", "<d>", "</d>", "\"<сырой> & текст\"", "</x:row>",
        ])
    }

    func testChunkBoundariesAnywhereGiveTheSameEvents() throws {
        let xml = "<?xml version=\"1.0\"?><sheet><row r=\"1\"><c t=\"s\"><v>12</v></c><c><is><t>Пример &amp; текст</t></is></c></row><!-- x --><![CDATA[a]]></sheet>"
        let whole = try events(xml)
        for size in 1...17 { XCTAssertEqual(try events(xml, chunkSize: size), whole, "chunk size \(size)") }
    }

    func testReadingStopsWhenTheHandlerAsks() throws {
        let recorder = Recorder()
        recorder.stopAfter = 2
        try XMLStreamReader().read(Data("<a><b/><c/><d/></a>".utf8), into: recorder)
        XCTAssertEqual(recorder.events, ["<a>", "<b>", "</b>"], "a self-closing tag is one token: it ends before the stop")
    }

    func testDamagedXMLIsRefusedWithAReason() {
        XCTAssertEqual(refusal("<a><b></a>"), "тег <b> закрыт тегом </a>")
        XCTAssertEqual(refusal("<a><b>"), "XML обрывается: не закрыт элемент <b>")
        XCTAssertEqual(refusal("<a>&bogus;</a>"), "неизвестная ссылка «&bogus;»")
        XCTAssertEqual(refusal("<a>&#0;</a>"), "неизвестная ссылка «&#0;»")
        XCTAssertEqual(refusal("<a x=1/>"), "значение атрибута x тега <a> не в кавычках")
        XCTAssertEqual(refusal("<a x=\"1\" x=\"2\"/>"), "атрибут x тега <a> повторён")
        XCTAssertEqual(refusal("<a></a><b/>"), "второй корневой элемент <b>")
        XCTAssertEqual(refusal("текст"), "текст вне корневого элемента")
        XCTAssertEqual(refusal(""), "в части нет ни одного элемента")
        XCTAssertEqual(refusal("<a><b"), "XML обрывается внутри разметки")
        XCTAssertEqual(refusal("<?xml version=\"1.0\" encoding=\"windows-1251\"?><a/>"), "часть книги в кодировке «windows-1251»; ожидается UTF-8")
        XCTAssertTrue(refusal("<!DOCTYPE a [<!ENTITY e \"x\">]><a>&e;</a>")?.contains("DTD") ?? false)
        XCTAssertEqual(refusal(String(repeating: "<a>", count: 300) + String(repeating: "</a>", count: 300)),
                       "слишком глубокая вложенность элементов")
    }

    func testBytesThatAreNotUTF8AreRefused() throws {
        let recorder = Recorder()
        XCTAssertThrowsError(try XMLStreamReader().read(Data([0x3C, 0x61, 0x3E, 0xC0, 0xAF, 0x3C, 0x2F, 0x61, 0x3E]), into: recorder)) { error in
            XCTAssertEqual((error as? XMLStreamError)?.reason, "часть книги не в кодировке UTF-8")
        }
    }

    func testATokenBeyondTheLimitIsRefusedWithoutReadingItAll() throws {
        var reader = XMLStreamReader()
        reader.maxTokenSize = 1000
        reader.chunkSize = 100
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("xml-\(UUID().uuidString).xml")
        defer { try? FileManager.default.removeItem(at: url) }
        try Data(("<a>" + String(repeating: "x", count: 5000) + "</a>").utf8).write(to: url)
        XCTAssertThrowsError(try reader.read(contentsOf: url, into: Recorder())) { error in
            XCTAssertTrue((error as? XMLStreamError)?.reason.hasPrefix("слишком длинный") ?? false, "\(error)")
        }
    }
}
