import Foundation
import VPRSampleData

/// Small input folders built in code: a scale for «Математика 5» and a results table in the
/// encoding and dialect a test asks for.
enum InputFolderFixture {
    static let scalesCSV = "year,subject,grade,max_score,min_mark3,min_mark4,min_mark5\n2025,Математика,5,20,7,12,17\n"

    /// Results of three schools, ten students each, in the contract's English headers (UTF-8, `;`).
    static func cleanResultRows() -> [String] {
        var rows: [String] = []
        for school in 1...3 {
            for student in 1...10 {
                let score = (school * 7 + student * 3) % 21
                let mark = score >= 17 ? 5 : score >= 12 ? 4 : score >= 7 ? 3 : 2
                let journal = min(5, max(2, mark + (student % 3 == 0 ? 1 : 0)))
                rows.append("2025;sch\(school);5А;Математика;\(school)\(student);\(score);\(mark);\(journal)")
            }
        }
        return rows
    }

    static let englishHeader = "year;school_id;class;subject;student_id;primary_score;mark;journal_mark"

    /// Writes `results.csv` (UTF-8 with English headers) and `scales.csv`; extra rows are appended as given.
    static func writeEnglish(to folder: URL, extraRows: [String] = [], scales: String = scalesCSV) throws {
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let text = ([englishHeader] + cleanResultRows() + extraRows).joined(separator: "\n") + "\n"
        try Data(text.utf8).write(to: folder.appendingPathComponent("results.csv"))
        try Data(scales.utf8).write(to: folder.appendingPathComponent("scales.csv"))
    }

    /// One row of the Russian export, with what the test expects of it.
    struct RussianRow {
        var text: String
        /// Nil when the row must be used; otherwise the 1-based column and a fragment of the reason.
        var rejectedAt: (column: Int, reason: String)?
        var isAbsence = false
    }

    static let russianHeader = "Год;Код ОО;Наименование ОО;Класс;Предмет;Код участника;Вариант;1;2;3;Первичный балл;Отметка;Отметка по журналу"

    /// The rows of a ФИС ОКО-like export: clean rows of three schools, then one broken row of each kind.
    static func russianRows() -> [RussianRow] {
        var rows: [RussianRow] = []
        for school in 1...3 {
            for student in 1...10 {
                let t1 = (school + student) % 6, t2 = (school * student) % 8, t3 = student % 7
                let score = t1 + t2 + t3
                let mark = score >= 17 ? 5 : score >= 12 ? 4 : score >= 7 ? 3 : 2
                let journal = min(5, max(2, mark + (student % 4 == 0 ? 1 : 0)))
                rows.append(RussianRow(text: "2025;\(school);Школа \(school);5Б;Математика;\(school)0\(student);1;\(t1);\(t2);\(t3);\(score);\(mark);\(journal)"))
            }
        }
        // A quoted name with the delimiter inside is a well-formed row and is used.
        rows.append(RussianRow(text: "2025;4;\"МБОУ «Школа; № 4»\";5Б;Математика;4001;2;3;4;5;12;4;4"))
        rows.append(RussianRow(text: "2025;4;\"МБОУ «Школа; № 4»\";5Б;Математика;4002;2;1;2;3;6;2;3"))
        rows.append(RussianRow(text: "2025;1;Школа 1;5Б;Математика;1090;1;два;2;3;;;4", rejectedAt: (8, "не число")))
        rows.append(RussianRow(text: "2025;2;Школа 2;5Б;Математика;2090;1;;;;25;5;5", rejectedAt: (11, "больше максимального")))
        rows.append(RussianRow(text: "2025;;Школа 3;5Б;Математика;3090;1;1;1;1;3;2;3", rejectedAt: (2, "кода ОО")))
        rows.append(RussianRow(text: "2025;3;Школа 3;5Б;Математика;3091;1;1;1", rejectedAt: (10, "не хватает полей")))
        rows.append(RussianRow(text: "2025;3;Школа 3;5Б;Математика;3092;отсутствовал;;;;;;4", rejectedAt: (7, "отсутствовал"),
                               isAbsence: true))
        return rows
    }

    /// Writes the Russian export as a Windows-1251, `;`-separated, CRLF `results.csv` and a UTF-8 `scales.csv`.
    static func writeRussianCP1251(to folder: URL) throws -> [RussianRow] {
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let rows = russianRows()
        let text = ([russianHeader] + rows.map(\.text)).joined(separator: "\r\n") + "\r\n"
        try Data(CP1251.encode(text)).write(to: folder.appendingPathComponent("results.csv"))
        try Data(scalesCSV.utf8).write(to: folder.appendingPathComponent("scales.csv"))
        return rows
    }
}

/// A minimal reader of the analyzer's own CSV output: BOM, `;`, RFC 4180 quotes, CRLF.
enum OutputCSV {
    static func parse(_ data: Data) -> [[String]] {
        var text = String(decoding: data, as: UTF8.self)
        if text.hasPrefix("\u{FEFF}") { text.removeFirst() }
        var rows: [[String]] = [], row: [String] = [], field = ""
        var quoted = false, i = 0
        let iterator = Array(text.unicodeScalars)
        while i < iterator.count {
            let c = iterator[i]
            if quoted {
                if c == "\"" {
                    if i + 1 < iterator.count && iterator[i + 1] == "\"" { field.unicodeScalars.append("\""); i += 1 }
                    else { quoted = false }
                } else { field.unicodeScalars.append(c) }
            } else if c == "\"" {
                quoted = true
            } else if c == ";" {
                row.append(field); field = ""
            } else if c == "\r" {
            } else if c == "\n" {
                row.append(field); rows.append(row); row = []; field = ""
            } else {
                field.unicodeScalars.append(c)
            }
            i += 1
        }
        if !field.isEmpty || !row.isEmpty { row.append(field); rows.append(row) }
        return rows
    }
}
