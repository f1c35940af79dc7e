import Foundation
@testable import VPRAnalysis
import VPRHistory
import VPRReports

/// Report models with a chosen risk group, built in code: three schools of a few participants on one work
/// of a given year, and a temporary history file.
enum HistoryFixture {
    static let schools = ["sch1", "sch2", "sch3"]

    static func model(year: Int, date: String, riskGroup: Set<String>, scoreShift: Int = 0) -> ReportModel {
        let work = Work(year: year, subject: "Математика", grade: 5)
        let scale = MarkScale(maxScore: 10, minMark3: 3, minMark4: 6, minMark5: 9)
        var results: [StudentResult] = []
        for (i, id) in schools.enumerated() {
            for k in 0..<10 {
                let score = min(10, (k + i + scoreShift) % 11)
                results.append(StudentResult(work: work, schoolID: id, classLabel: "5А", studentID: "\(id)-\(k)",
                                             primaryScore: score, mark: scale.mark(for: score), journalMark: 4))
            }
        }
        let dataset = Dataset(works: [work: WorkSpec(work: work, scale: scale)],
                              schools: Dictionary(uniqueKeysWithValues: schools.map { ($0, School(id: $0, name: "Школа \($0)")) }),
                              results: results)
        let assessments = schools.map { id in
            SchoolAssessment(school: dataset.school(id), riskGroup: riskGroup.contains(id), riskScore: riskGroup.contains(id) ? 80 : 10,
                             categories: riskGroup.contains(id) ? [.vpr] : [], flaggedWorks: riskGroup.contains(id) ? [work] : [],
                             indicators: riskGroup.contains(id) ? [.boundary] : [], participants: 10, schoolPValue: 0.5,
                             schoolQValue: 0.5, evidence: [])
        }.sorted { ($0.riskScore, $1.school.id) > ($1.riskScore, $0.school.id) }
        let analysis = Analysis(config: AnalysisConfig(), works: [], schools: assessments, tests: [])
        let files = [FileSummary(file: "results.csv", encoding: .utf8, delimiter: ";", rowsRead: 30, rowsUsed: 30, rowsRejected: 0)]
        return ReportModel(ingest: IngestOutcome(dataset: dataset, files: files), analysis: analysis,
                           options: ReportOptions(date: date, inputName: "input", engineVersion: "test"))
    }

    static func manifest(_ model: ReportModel) -> RunManifest {
        RunManifest(options: model.options, config: AnalysisConfig(), inputFolder: "input", dossierSchool: nil,
                    files: [RunManifest.InputFile(name: "results.csv", sha256: String(repeating: "0", count: 64), size: 1,
                                                  rowsRead: 30, rowsUsed: 30, rowsRejected: 0)])
    }

    /// A fresh history file in a temporary folder (removed with the folder).
    static func temporaryFolder() throws -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("vpr-history-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }

    /// Records a model and returns its run number and the view the reports were written with.
    @discardableResult
    static func record(_ store: HistoryStore, _ model: ReportModel) throws -> (Int64, HistoryView) {
        var seen: HistoryView?
        let id = try store.record(manifest(model), model: model, outputFolder: "out") { seen = $0 }
        return (id, seen!)
    }
}
