import Foundation
import XCTest
@testable import VPRReports

/// Text from the input never changes the shape of summary.md: no raw HTML, no broken tables, no markup.
final class ReportsMarkdownTests: XCTestCase {
    func testPipesInATableCellAreEscaped() {
        XCTAssertEqual(MarkdownText.escapeCell("СОШ | №1"), "СОШ \\| №1")
    }

    func testABackslashCannotUndoThePipeEscape() {
        // «\|» would become «\\|»: an escaped backslash followed by a live pipe.
        XCTAssertEqual(MarkdownText.escapeCell("a\\|b"), "a\\\\\\|b")
    }

    func testHTMLIsShownAsText() {
        XCTAssertEqual(MarkdownText.escapeText("<script>alert(1)</script>"), "&lt;script&gt;alert(1)&lt;/script&gt;")
        XCTAssertEqual(MarkdownText.escapeText("&lt;b&gt;"), "&amp;lt;b&amp;gt;")
    }

    func testMarkupAndLineBreaksAreNeutralised() {
        XCTAssertEqual(MarkdownText.escapeText("*жирный* [ссылка](x) `код` _курсив_"),
                       "\\*жирный\\* \\[ссылка\\](x) \\`код\\` \\_курсив\\_")
        XCTAssertEqual(MarkdownText.escapeText("две\r\nстроки\nи\rещё"), "две строки и ещё")
    }

    func testASchoolNameWithPipesAndScriptKeepsTheRiskTableIntact() throws {
        let summary = String(decoding: try SummaryMarkdownWriter().render(ReportFixture.model()), as: UTF8.self)
        XCTAssertFalse(summary.contains("<script>"), "raw HTML from the input in summary.md")
        let lines = summary.components(separatedBy: "\n")
        let header = try XCTUnwrap(lines.firstIndex { $0.hasPrefix("| № | Код ОО |") })
        let row = lines[header + 2]
        XCTAssertTrue(row.hasPrefix("| 1 | sch000 | "), row)
        XCTAssertEqual(Self.unescapedPipes(row), Self.unescapedPipes(lines[header]), "cells in \(row)")
        XCTAssertTrue(row.contains("СОШ \\| №1"), row)
        XCTAssertTrue(summary.contains("### 1. МБОУ \"СОШ | №1\" &lt;script&gt;"), "the heading shows the name as text")
    }

    func testSummaryIsRussianAndMentionsTheRejectedRowsFile() throws {
        let summary = String(decoding: try SummaryMarkdownWriter().render(ReportFixture.model()), as: UTF8.self)
        XCTAssertTrue(summary.hasPrefix("# Признаки необъективности результатов ВПР: краткая справка\n"))
        XCTAssertTrue(summary.contains("`rejected-rows.csv`"))
        let clean = String(decoding: try SummaryMarkdownWriter().render(ReportFixture.model(rejected: false)), as: UTF8.self)
        XCTAssertFalse(clean.contains("rejected-rows.csv"), "no rejected rows, no mention of the file")
        XCTAssertFalse(summary.contains(".."), "no doubled full stops")
    }

    /// Pipes that separate cells: not preceded by an odd number of backslashes.
    static func unescapedPipes(_ line: String) -> Int {
        var count = 0, backslashes = 0
        for c in line {
            if c == "|" && backslashes % 2 == 0 { count += 1 }
            backslashes = c == "\\" ? backslashes + 1 : 0
        }
        return count
    }
}
