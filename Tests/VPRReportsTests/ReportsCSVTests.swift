import Foundation
import XCTest
import VPRAnalysis
@testable import VPRReports

/// CSV as a Russian-locale Excel reads it: `;`, quotes doubled, line breaks kept inside quotes,
/// and text that would start a formula made inert.
final class ReportsCSVTests: XCTestCase {
    func testCellsWithSemicolonsQuotesOrLineBreaksAreQuoted() {
        XCTAssertEqual(CSVText.cell("СОШ № 1"), "СОШ № 1")
        XCTAssertEqual(CSVText.cell("Школа; филиал"), "\"Школа; филиал\"")
        XCTAssertEqual(CSVText.cell("МБОУ \"СОШ\""), "\"МБОУ \"\"СОШ\"\"\"")
        XCTAssertEqual(CSVText.cell("две\nстроки"), "\"две\nстроки\"")
        XCTAssertEqual(CSVText.cell("две\r\nстроки"), "\"две\r\nстроки\"")
        XCTAssertEqual(CSVText.cell(""), "")
    }

    func testTextThatWouldStartAFormulaIsNeutralised() {
        XCTAssertEqual(CSVText.cell("=HYPERLINK(\"http://evil.example\";\"Нажмите\")"),
                       "\"'=HYPERLINK(\"\"http://evil.example\"\";\"\"Нажмите\"\")\"")
        XCTAssertEqual(CSVText.cell("=1+2"), "'=1+2")
        XCTAssertEqual(CSVText.cell("+7 (900) 000-00-00"), "'+7 (900) 000-00-00")
        XCTAssertEqual(CSVText.cell("-2+3+cmd|' /C calc'!A0"), "'-2+3+cmd|' /C calc'!A0")
        XCTAssertEqual(CSVText.cell("@SUM(A1:A9)"), "'@SUM(A1:A9)")
        XCTAssertEqual(CSVText.cell("\t=1+2"), "'\t=1+2")
        XCTAssertEqual(CSVText.cell("\r=1+2"), "\"'\r=1+2\"")
    }

    func testNumbersWithASignStayNumbers() {
        XCTAssertEqual(CSVText.cell("-5"), "-5")
        XCTAssertEqual(CSVText.cell("+1.5"), "+1.5")
        XCTAssertEqual(CSVText.cell("42"), "42")
    }

    func testDocumentsStartWithABOMAndEndLinesWithCRLF() {
        let data = CSVText.document(header: ["a", "b"], rows: [["1", "2"]])
        XCTAssertEqual(Array(data.prefix(3)), [0xEF, 0xBB, 0xBF])
        XCTAssertEqual(String(decoding: data.dropFirst(3), as: UTF8.self), "a;b\r\n1;2\r\n")
    }

    func testRiskListHasTheContractHeaderAndOneRowPerSchool() throws {
        let model = ReportFixture.model()
        let rows = ReportsCSV.parse(try RiskListCSVWriter().render(model))
        XCTAssertEqual(rows.first, ["school_id", "school_name", "municipality", "risk_group", "risk_score",
                                    "categories", "flagged_works", "indicators", "participants", "repeat"])
        XCTAssertEqual(rows.count - 1, model.analysis.schools.count)
        XCTAssertTrue(rows.dropFirst().allSatisfy { $0.count == 10 }, "\(rows)")
        XCTAssertTrue(rows.dropFirst().allSatisfy { $0[9] == "" }, "without a history, repeat is unknown: empty")
    }

    func testSchoolNamesSurviveTheRoundTripAndFormulasAreInert() throws {
        let rows = ReportsCSV.parse(try RiskListCSVWriter().render(ReportFixture.model()))
        let names = Dictionary(uniqueKeysWithValues: rows.dropFirst().map { ($0[0], $0[1]) })
        XCTAssertEqual(names["sch000"], ReportFixture.pullingSchoolName)
        XCTAssertEqual(names["sch001"], "'" + ReportFixture.formulaSchoolName)
        for row in rows { for cell in row { XCTAssertFalse("=+@".contains(cell.first ?? " "), "live formula \(cell)") } }
    }

    func testRejectedRowsListPlaceReasonAndTheRowAsRead() throws {
        let rows = ReportsCSV.parse(try RejectedRowsCSVWriter().render(ReportFixture.model()))
        XCTAssertEqual(Array(rows[0].prefix(4)), ["Файл", "Строка", "Столбец", "Причина"])
        XCTAssertEqual(rows[1], ["results.csv", "17", "8", "балл за задание 1 не число: «два»",
                                 "2025", "sch001", "5А", "'=1+2", "два; три"])
        XCTAssertEqual(rows[2].prefix(4), ["results.csv", "40", "6", "участник отсутствовал"])
    }

    func testRejectedRowsFileIsWrittenOnlyWhenRowsWereRejected() {
        XCTAssertTrue(RejectedRowsCSVWriter().applies(to: ReportFixture.model(rejected: true)))
        XCTAssertFalse(RejectedRowsCSVWriter().applies(to: ReportFixture.model(rejected: false)))
    }

    func testResultsJSONParsesAndCarriesTheRowAccounting() throws {
        let data = try ResultsJSONWriter().render(ReportFixture.model())
        let object = try XCTUnwrap(try JSONSerialization.jsonObject(with: data) as? [String: Any])
        let input = try XCTUnwrap(object["input"] as? [String: Any])
        let read = try XCTUnwrap(input["rowsRead"] as? Int), used = try XCTUnwrap(input["rowsUsed"] as? Int)
        XCTAssertEqual(read, used + (input["rowsRejected"] as? Int ?? -1))
        XCTAssertEqual(object["date"] as? String, "2025-05-20")
    }

    func testResultsJSONGivesRiskGroupSchoolsEveryTestAndOthersTheirNotableTestsInBrief() throws {
        let model = ReportFixture.model()
        let data = try ResultsJSONWriter().render(model)
        let object = try XCTUnwrap(try JSONSerialization.jsonObject(with: data) as? [String: Any])
        XCTAssertEqual(object["format"] as? String, "vpr-analyzer/results/3")
        let schools = try XCTUnwrap(object["schools"] as? [[String: Any]])
        XCTAssertEqual(schools.count, model.analysis.schools.count)
        var sawOther = false
        for (entry, assessment) in zip(schools, model.analysis.schools) {
            let id = assessment.school.id
            if assessment.riskGroup {
                let tests = try XCTUnwrap(entry["tests"] as? [[String: Any]], id)
                XCTAssertEqual(tests.count, model.analysis.tests(of: id).count)
                XCTAssertTrue(tests.allSatisfy { $0["figures"] != nil && $0["explanation"] != nil })
                XCTAssertNil(entry["notableTests"])
            } else {
                sawOther = true
                XCTAssertNil(entry["tests"])
                let notable = try XCTUnwrap(entry["notableTests"] as? [[String: Any]], id)
                XCTAssertEqual(notable.count, model.analysis.tests(of: id).filter { $0.pValue < 0.05 }.count, id)
                XCTAssertTrue(notable.allSatisfy { $0["figures"] == nil && ($0["pValue"] as? Double ?? 1) < 0.05 })
                XCTAssertFalse(notable.contains { $0["scope"] as? String == "classGroup" }, "class tests are built for the risk group only")
            }
        }
        XCTAssertTrue(sawOther)
        XCTAssertFalse(model.analysis.riskGroup.isEmpty)
    }
}

/// A minimal reader of the writers' CSV: BOM, `;`, RFC 4180 quotes, CRLF.
enum ReportsCSV {
    static func parse(_ data: Data) -> [[String]] {
        var text = String(decoding: data, as: UTF8.self)
        if text.hasPrefix("\u{FEFF}") { text.removeFirst() }
        let scalars = Array(text.unicodeScalars)
        var rows: [[String]] = [], row: [String] = [], field = "", quoted = false, i = 0
        while i < scalars.count {
            let c = scalars[i]
            if quoted {
                if c == "\"" {
                    if i + 1 < scalars.count && scalars[i + 1] == "\"" { field.unicodeScalars.append(c); i += 1 } else { quoted = false }
                } else { field.unicodeScalars.append(c) }
            } else if c == "\"" { quoted = true }
            else if c == ";" { row.append(field); field = "" }
            else if c == "\r" && i + 1 < scalars.count && scalars[i + 1] == "\n" {}
            else if c == "\n" { row.append(field); rows.append(row); row = []; field = "" }
            else { field.unicodeScalars.append(c) }
            i += 1
        }
        if !field.isEmpty || !row.isEmpty { row.append(field); rows.append(row) }
        return rows
    }
}
