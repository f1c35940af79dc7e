import Foundation
import XCTest
import VPRAnalysis
import VPRSampleData
import VPRSpreadsheet

/// The same district given as the contract's CSV and as Ф1 XLSX exports (one file per work) gives the same
/// risk list: the layout of the input does not change the analysis.
final class SpreadsheetSameListTests: XCTestCase {
    func testTheContractsCSVAndF1WorkbooksGiveTheSameRiskList() throws {
        let district = DistrictGenerator(config: .district(seed: 31)).generate()
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("same-list-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: root) }
        let csvFolder = root.appendingPathComponent("csv"), xlsxFolder = root.appendingPathComponent("xlsx")
        try district.write(to: csvFolder, includeTruth: false)
        try FileManager.default.createDirectory(at: xlsxFolder, withIntermediateDirectories: true)
        for name in ["schools.csv", "scales.csv"] {
            try FileManager.default.copyItem(at: csvFolder.appendingPathComponent(name), to: xlsxFolder.appendingPathComponent(name))
        }
        let dataset = district.dataset
        for work in dataset.works.keys.sorted() {
            let spec = dataset.works[work]!
            let students = dataset.results.filter { $0.work == work }.map { r in
                (school: r.schoolID, cls: r.classLabel, code: r.studentID,
                 scores: r.taskScores.map { $0.map { FixtureCell.number(String($0)) } ?? .empty },
                 mark: FixtureCell.number(String(r.mark)), journal: r.journalMark.map { FixtureCell.number(String($0)) } ?? .empty)
            }
            let sheet = XLSXFixture.individualResults(
                year: work.year, subject: work.subject, grade: work.grade, school: "sch-all", schoolName: "Район",
                tasks: spec.tasks.map { (id: $0.id, max: $0.maxPoints, level: $0.level?.rawValue ?? "Б") }, students: students)
            try XLSXFixture.write([sheet], to: xlsxFolder.appendingPathComponent("\(work.subject) \(work.grade).xlsx"))
        }

        let fromCSV = try XCTUnwrap(Pipeline().run(folder: csvFolder).analysis)
        let xlsxOutcome = InputFolderReader.withSpreadsheets.read(folder: xlsxFolder)
        let xlsxDataset = try XCTUnwrap(xlsxOutcome.dataset, xlsxOutcome.diagnostics.map(\.description).joined(separator: "\n"))
        XCTAssertEqual(xlsxDataset.results.count, dataset.results.count)
        let fromXLSX = Pipeline().analyze(xlsxDataset)

        func list(_ a: Analysis) -> [String] { a.schools.map { "\($0.school.id);\($0.riskGroup);\($0.riskScore);\($0.indicators)" } }
        XCTAssertFalse(fromCSV.riskGroup.isEmpty)
        XCTAssertEqual(list(fromXLSX), list(fromCSV))
    }
}
