import Foundation
import VPRAnalysis
@testable import VPRReports

/// A small district built in code and analysed by the real pipeline: twelve ordinary schools, one that
/// pulls papers up to the mark boundaries (with a name full of characters that break CSV and Markdown),
/// and one whose name would be a spreadsheet formula.
enum ReportFixture {
    static let work = Work(year: 2025, subject: "Математика", grade: 5)
    static let scale = MarkScale(maxScore: 20, minMark3: 7, minMark4: 12, minMark5: 17)
    static let pullingSchoolName = "МБОУ \"СОШ | №1\" <script>alert(1)</script>; *звезда* [ссылка](x)"
    static let formulaSchoolName = "=HYPERLINK(\"http://evil.example\";\"Нажмите\")"

    /// SplitMix64: the same numbers on every platform.
    struct Random {
        var state: UInt64
        mutating func next() -> UInt64 {
            state &+= 0x9E37_79B9_7F4A_7C15
            var z = state
            z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
            z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
            return z ^ (z >> 31)
        }
        mutating func uniform() -> Double { Double(next() >> 11) / Double(1 << 53) }
        mutating func normal() -> Double {
            let u = max(uniform(), 1e-12), v = uniform()
            return (-2 * log(u)).squareRoot() * cos(2 * .pi * v)
        }
    }

    static func dataset() -> Dataset {
        var random = Random(state: 20250520)
        var schools: [String: School] = [:]
        var results: [StudentResult] = []
        for s in 0..<14 {
            let id = String(format: "sch%03d", s)
            let name = s == 0 ? pullingSchoolName : s == 1 ? formulaSchoolName : "МБОУ СОШ № \(s + 1)"
            schools[id] = School(id: id, name: name, municipality: s % 2 == 0 ? "Северный район" : "Южный район")
            let mean = 0.5 * random.normal()
            for i in 0..<70 {
                let theta = mean + random.normal()
                var score = 0
                for item in 0..<20 {
                    let difficulty = -1.5 + 3.0 * Double(item) / 19
                    if random.uniform() < 1 / (1 + exp(-(theta - difficulty))) { score += 1 }
                }
                if s == 0 {
                    // Boundary pulling: 80 % of papers one or two points short of a boundary are lifted to it.
                    for b in [scale.minMark3, scale.minMark4, scale.minMark5] where (1...2).contains(b - score) {
                        if random.uniform() < 0.8 { score = b }
                        break
                    }
                }
                let term = theta + 0.6 * random.normal()
                let journal = term < -1.3 ? 2 : term < 0 ? 3 : term < 1.1 ? 4 : 5
                results.append(StudentResult(work: work, schoolID: id, classLabel: i % 2 == 0 ? "5А" : "5Б",
                                             studentID: "\(id)-\(i)", primaryScore: score, mark: scale.mark(for: score),
                                             journalMark: journal))
            }
        }
        return Dataset(works: [work: WorkSpec(work: work, scale: scale)], schools: schools, results: results)
    }

    /// The model the writers render, with two rejected rows (one absent participant) in the ingest summary.
    static func model(rejected: Bool = true) -> ReportModel {
        let dataset = dataset()
        let analysis = Pipeline(indicators: [BoundarySpike(), JournalGap()]).analyze(dataset)
        let rows = rejected ? [
            RejectedRow(location: SourceLocation(file: "results.csv", line: 17, column: 8),
                        reason: "балл за задание 1 не число: «два»", fields: ["2025", "sch001", "5А", "=1+2", "два; три"]),
            RejectedRow(location: SourceLocation(file: "results.csv", line: 40, column: 6),
                        reason: "участник отсутствовал", fields: ["2025", "sch002", "5Б", "отсутствовал"], isAbsence: true),
        ] : []
        let used = dataset.results.count
        let files = [FileSummary(file: "results.csv", encoding: .windows1251, delimiter: ";",
                                 rowsRead: used + rows.count, rowsUsed: used, rowsRejected: rows.count,
                                 rowsAbsent: rows.filter(\.isAbsence).count)]
        let ingest = IngestOutcome(dataset: dataset, files: files, rejected: rows)
        return ReportModel(ingest: ingest, analysis: analysis,
                           options: ReportOptions(date: "2025-05-20", inputName: "sample-data", engineVersion: "test"))
    }
}
