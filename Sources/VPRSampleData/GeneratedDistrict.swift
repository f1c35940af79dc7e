import Foundation
import VPRAnalysis

/// A generated district: what the ingest would read, what really happened in each school, and a writer
/// that lays it out as a quality centre receives it.
public struct GeneratedDistrict: Sendable {
    /// What the ingest would produce from the written folder (all results, scales, tasks, schools);
    /// each result's `source` is its line in `results.csv`.
    public var dataset: Dataset
    /// One entry per school, sorted by school id; planted manipulations listed, honest schools with none.
    public var truth: [SchoolTruth]
    /// The config the district was generated from.
    public var config: GeneratorConfig
    /// Participants absent on the day, written as «отсутствовал» in `results.csv` but not in `dataset`.
    var absentees: [StudentResult]

    init(dataset: Dataset, truth: [SchoolTruth], absentees: [StudentResult], config: GeneratorConfig) {
        self.dataset = dataset
        self.truth = truth
        self.absentees = absentees
        self.config = config
    }

    /// Rows written as «отсутствовал» in `results.csv` (not in `dataset`).
    public var absentRows: Int { absentees.count }

    /// Schools with at least one planted manipulation.
    public var plantedSchoolIDs: [String] { truth.filter { !$0.isHonest }.map(\.schoolID) }

    /// Writes the folder the analyzer reads:
    /// - `results.csv`: Windows-1251, `;`, CRLF, Russian headers as in a ФИС ОКО export
    ///   (`Год;Код ОО;Класс;Предмет;Код участника;Вариант;1;2;…;Первичный балл;Отметка;Отметка по журналу;Пол`);
    ///   task columns are the union of all works' task ids, blank where a work has no such task;
    ///   absent participants carry «отсутствовал» in `Вариант` and no scores;
    /// - `schools.csv`, `scales.csv`, `tasks.csv`: UTF-8, `,`, LF, English headers per the contract;
    /// - `truth.json` (UTF-8 JSON array of `SchoolTruth`) when `includeTruth` is true.
    public func write(to folder: URL, includeTruth: Bool) throws {
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        try Data(CP1251.encode(resultsCSV())).write(to: folder.appendingPathComponent("results.csv"))
        try Data(schoolsCSV().utf8).write(to: folder.appendingPathComponent("schools.csv"))
        try Data(scalesCSV().utf8).write(to: folder.appendingPathComponent("scales.csv"))
        try Data(tasksCSV().utf8).write(to: folder.appendingPathComponent("tasks.csv"))
        let truthURL = folder.appendingPathComponent("truth.json")
        if includeTruth {
            try truthJSON().write(to: truthURL)
        } else if FileManager.default.fileExists(atPath: truthURL.path) {
            try FileManager.default.removeItem(at: truthURL)
        }
    }

    /// `truth.json`: pretty-printed, keys sorted, stable across runs.
    public func truthJSON() throws -> Data {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys]
        return try encoder.encode(truth)
    }

    private var sortedWorks: [Work] { dataset.works.keys.sorted() }

    /// The task columns of the long results file: every task id of any work, in natural order.
    var taskColumns: [String] {
        var ids = Set<String>()
        for spec in dataset.works.values { for t in spec.tasks { ids.insert(t.id) } }
        return ids.sorted(by: WorkCatalog.taskIDOrder)
    }

    /// The text of `results.csv` (before encoding to Windows-1251).
    public func resultsCSV() -> String {
        let columns = taskColumns
        var lines: [String] = []
        lines.append((["Год", "Код ОО", "Класс", "Предмет", "Код участника", "Вариант"] + columns
            + ["Первичный балл", "Отметка", "Отметка по журналу", "Пол"]).joined(separator: ";"))
        let all = (dataset.results + absentees).sorted { $0.source.line < $1.source.line }
        for r in all {
            let absent = absentees.isEmpty ? false : r.variant == "отсутствовал"
            var cells = [String(r.work.year), r.schoolID, r.classLabel, r.work.subject, r.studentID, r.variant]
            var byID: [String: Int] = [:]
            if !absent, let spec = dataset.works[r.work] {
                for (t, task) in spec.tasks.enumerated() { if let s = r.taskScores[t] { byID[task.id] = s } }
            }
            for id in columns { cells.append(byID[id].map(String.init) ?? "") }
            if absent {
                cells += ["", "", "", r.gender]
            } else {
                cells += [String(r.primaryScore), String(r.mark), r.journalMark.map(String.init) ?? "", r.gender]
            }
            lines.append(cells.joined(separator: ";"))
        }
        return lines.joined(separator: "\r\n") + "\r\n"
    }

    func schoolsCSV() -> String {
        var lines = ["school_id,school_name,municipality,locality,school_type"]
        for id in dataset.schools.keys.sorted() {
            let s = dataset.schools[id]!
            lines.append([s.id, s.name, s.municipality, s.locality, s.schoolType].map(Self.quoted).joined(separator: ","))
        }
        return lines.joined(separator: "\n") + "\n"
    }

    func scalesCSV() -> String {
        var lines = ["year,subject,grade,max_score,min_mark3,min_mark4,min_mark5"]
        for w in sortedWorks {
            let s = dataset.works[w]!.scale
            lines.append("\(w.year),\(w.subject),\(w.grade),\(s.maxScore),\(s.minMark3),\(s.minMark4),\(s.minMark5)")
        }
        return lines.joined(separator: "\n") + "\n"
    }

    func tasksCSV() -> String {
        var lines = ["year,subject,grade,task,max_points,level"]
        for w in sortedWorks {
            for t in dataset.works[w]!.tasks {
                lines.append("\(w.year),\(w.subject),\(w.grade),\(t.id),\(t.maxPoints),\(t.level?.rawValue ?? "")")
            }
        }
        return lines.joined(separator: "\n") + "\n"
    }

    static func quoted(_ field: String) -> String {
        if field.contains(",") || field.contains("\"") || field.contains("\n") {
            return "\"" + field.replacingOccurrences(of: "\"", with: "\"\"") + "\""
        }
        return field
    }
}
