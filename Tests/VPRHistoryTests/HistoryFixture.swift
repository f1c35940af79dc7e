import Foundation
@testable import VPRAnalysis
import VPRHistory
import VPRReports

/// Report models with a chosen risk group, built in code: three schools of a few participants on one work
/// of a given year (or on that work in several years), and a temporary history file.
enum HistoryFixture {
    static let schools = ["sch1", "sch2", "sch3"]

    static func model(year: Int, date: String, riskGroup: Set<String>, scoreShift: Int = 0,
                      schools: [String] = schools) -> ReportModel {
        model(years: [year], date: date, riskGroup: riskGroup, scoreShift: scoreShift, schools: schools)
    }

    /// One run over «Математика 5» of every year in `years`; a school of the risk group is flagged in the works of
    /// `flaggedYears[school]` (by default, of the latest year).
    static func model(years: [Int], date: String, riskGroup: Set<String>, flaggedYears: [String: [Int]] = [:],
                      scoreShift: Int = 0, schools: [String] = schools) -> ReportModel {
        let works = years.map { Work(year: $0, subject: "Математика", grade: 5) }
        let scale = MarkScale(maxScore: 10, minMark3: 3, minMark4: 6, minMark5: 9)
        var results: [StudentResult] = []
        for work in works {
            for (i, id) in schools.enumerated() {
                for k in 0..<10 {
                    let score = min(10, (k + i + scoreShift) % 11)
                    results.append(StudentResult(work: work, schoolID: id, classLabel: "5А", studentID: "\(id)-\(k)",
                                                 primaryScore: score, mark: scale.mark(for: score), journalMark: 4))
                }
            }
        }
        let dataset = Dataset(works: Dictionary(uniqueKeysWithValues: works.map { ($0, WorkSpec(work: $0, scale: scale)) }),
                              schools: Dictionary(uniqueKeysWithValues: schools.map { ($0, School(id: $0, name: "Школа \($0)")) }),
                              results: results)
        let latest = years.max()!
        let assessments = schools.map { id in
            let flagged = riskGroup.contains(id)
            let flaggedWorks = flagged ? (flaggedYears[id] ?? [latest]).sorted().map { Work(year: $0, subject: "Математика", grade: 5) } : []
            return SchoolAssessment(school: dataset.school(id), riskGroup: flagged, riskScore: flagged ? 80 : 10,
                                    categories: flagged ? [.vpr] : [], flaggedWorks: flaggedWorks,
                                    indicators: flagged ? [.boundary] : [], participants: 10 * years.count, schoolPValue: 0.5,
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
