import Foundation

/// Opens one input file: detects its dialect, maps its header, checks required columns and
/// streams its data rows. File-level problems become diagnostics; a nil result means unusable.
struct InputFileScanner {
    /// The dialect and header of a file whose rows were streamed.
    struct Header {
        var dialect: CSVDialect
        var mapping: HeaderMapping
        var line: Int
    }

    let url: URL
    let file: String
    let vocabulary: HeaderVocabulary
    var chunkSize: Int = 1 << 20
    /// `results.csv` needs task columns or a primary score column.
    var requiresScores = false

    /// Streams the rows to `row`; returns nil (with an error in `diagnostics`) when the file is unusable.
    func scan(diagnostics: inout [Diagnostic], row: (CSVRecord, Header) -> Void) -> Header? {
        let fileLocation = SourceLocation(file: file, line: 0)
        let dialect: CSVDialect
        do {
            guard let detected = try DialectDetector(chunkSize: chunkSize).detect(url: url) else {
                diagnostics.append(Diagnostic(.error, "файл \(file) пуст", at: fileLocation))
                return nil
            }
            dialect = detected
        } catch {
            diagnostics.append(Diagnostic(.error, "не удалось прочитать файл \(file): \(error.localizedDescription)", at: fileLocation))
            return nil
        }
        let decoder = FieldDecoder(encoding: dialect.encoding)
        var header: Header?
        var headerFailed = false
        var headerDiagnostics: [Diagnostic] = []
        do {
            try CSVByteReader(url: url, dialect: dialect, chunkSize: chunkSize).forEachRecord { record in
                if let header {
                    row(record, header)
                    return true
                }
                let names = (0..<record.count).map { decoder.text(record, $0) }
                let mapping = HeaderMapping(headers: names, vocabulary: vocabulary, file: file, line: record.line)
                headerDiagnostics.append(contentsOf: mapping.diagnostics)
                let missing = missingColumns(mapping, line: record.line)
                if !missing.isEmpty {
                    headerDiagnostics.append(contentsOf: missing)
                    headerFailed = true
                    return false
                }
                header = Header(dialect: dialect, mapping: mapping, line: record.line)
                return true
            }
        } catch {
            diagnostics.append(contentsOf: headerDiagnostics)
            diagnostics.append(Diagnostic(.error, "не удалось прочитать файл \(file): \(error.localizedDescription)", at: fileLocation))
            return nil
        }
        diagnostics.append(contentsOf: headerDiagnostics)
        if headerFailed { return nil }
        guard let header else {
            diagnostics.append(Diagnostic(.error, "файл \(file) пуст: в нём нет даже строки заголовков", at: fileLocation))
            return nil
        }
        return header
    }

    private func missingColumns(_ mapping: HeaderMapping, line: Int) -> [Diagnostic] {
        let location = SourceLocation(file: file, line: line)
        var errors: [Diagnostic] = []
        for role in vocabulary.required where mapping[role] == nil {
            errors.append(Diagnostic(.error,
                "в файле \(file) нет обязательного столбца «\(role.russianName)»; ожидается один из заголовков: \(Self.expected(role))",
                at: location))
        }
        if requiresScores && mapping[.primaryScore] == nil && mapping.taskColumns.isEmpty {
            errors.append(Diagnostic(.error,
                "в файле \(file) нет ни столбца первичного балла (\(Self.expected(.primaryScore))), ни столбцов заданий (task_1, «1», «К1», «1 (2б)», «Задание 1»)",
                at: location))
        }
        return errors
    }

    /// The headers shown to the user for a column.
    static func expected(_ role: ColumnRole) -> String {
        switch role {
        case .year: return "year, «Год»"
        case .schoolID: return "school_id, «Код ОО», «Логин ОО», «ОО»"
        case .classLabel: return "class, «Класс», «Наименование класса»"
        case .subject: return "subject, «Предмет»"
        case .studentID: return "student_id, «Код участника», «Код»"
        case .grade: return "grade, «Параллель», «Класс»"
        case .primaryScore: return "primary_score, «Первичный балл», «Сумма баллов»"
        case .maxScore: return "max_score, «Максимальный балл»"
        case .minMark3: return "min_mark3, «Мин. балл на 3»"
        case .minMark4: return "min_mark4, «Мин. балл на 4»"
        case .minMark5: return "min_mark5, «Мин. балл на 5»"
        case .task: return "task, «Задание», «Номер задания»"
        case .maxPoints: return "max_points, «Максимальный балл»"
        default: return role.rawValue
        }
    }
}
