import Foundation

/// How a results table is laid out, recognised from its first rows: where the header row is, and
/// what the rows above it (the title and metadata of a ФИС ОКО export) say about the work.
struct ResultsLayout: Sendable {
    /// The kinds of results tables the analyzer recognises.
    enum Kind: String, Sendable {
        /// The contract's table: a header row on top, one row per student and work.
        case contract
        /// The «Индивидуальные результаты» export (form Ф1): title, metadata, levels, header.
        case individualResults
        /// The school collection form (sheet «Протокол»): Логин / Пользователь, Код, Пол, Вариант,
        /// tasks, Наименование класса, Отметка за предыдущий период; the work is named by the file
        /// name, the sheet name or a title row.
        case collectionForm

        /// How `validate` names the layout.
        var russianName: String {
            switch self {
            case .contract: return "таблица результатов"
            case .individualResults: return "Ф1"
            case .collectionForm: return "Протокол"
            }
        }
    }

    /// A value read from the metadata rows, with where it was found.
    struct Located<Value: Sendable>: Sendable {
        var value: Value
        var location: SourceLocation
    }

    var kind: Kind
    /// Row number (1-based, as in the file) of the header row.
    var headerRow: Int
    var mapping: HeaderMapping
    var year: Located<Int>?
    var subject: Located<String>?
    var grade: Located<Int>?
    var schoolID: Located<String>?
    var schoolName: String?
    var maxScore: Located<Int>?
    var declaredParticipants: Int?
    /// Task levels from the row of «Б» / «П» above the header, by task id.
    var levels: [String: TaskLevel] = [:]

    /// The work the metadata names, when it names all of year, subject and grade.
    var work: Work? {
        guard let year, let subject, let grade else { return nil }
        return Work(year: year.value, subject: subject.value, grade: grade.value)
    }

    /// Rows looked at to find the header.
    static let rowsToSniff = 40

    /// Recognises the layout from the first rows of a sheet; nil when no row looks like the
    /// header of a results table (it must name the participant code and the class, the school or scores).
    /// `sheet` is the name of the workbook sheet the rows come from (nil for CSV).
    static func recognise(_ rows: [TableRow], file: String, sheet: String? = nil) -> ResultsLayout? {
        var found: (index: Int, mapping: HeaderMapping)?
        for (index, row) in rows.enumerated() where !row.isBlank {
            let headers = row.cells.map { $0.trimmingWhitespaceAndNBSP() }
            let mapping = HeaderMapping(headers: headers, vocabulary: .results, file: file, line: row.number)
            guard mapping[.studentID] != nil else { continue }
            let support = [mapping[.classLabel], mapping[.schoolID], mapping[.primaryScore], mapping[.mark]]
                .compactMap { $0 }.count + (mapping.taskColumns.isEmpty ? 0 : 1)
            if support >= 2 {
                found = (index, mapping)
                break
            }
        }
        guard let found else { return nil }
        let headerRow = rows[found.index]
        var layout = ResultsLayout(kind: .contract, headerRow: headerRow.number, mapping: found.mapping)
        let above = rows[..<found.index]
        for row in above { layout.readMetadata(row, file: file) }
        if let levelRow = above.last(where: { !$0.isBlank }) {
            var levels: [String: TaskLevel] = [:]
            for column in found.mapping.taskColumns {
                let text = levelRow[column.index]
                if let level = TaskLevel(label: text) { levels[column.id] = level }
            }
            if !levels.isEmpty && levels.count * 2 >= found.mapping.taskColumns.count { layout.levels = levels }
        }
        if found.index > 0 || !layout.levels.isEmpty || layout.work != nil {
            layout.kind = .individualResults
        }
        if Self.isCollectionFormHeader(found.mapping) {
            layout.kind = .collectionForm
            layout.readWorkOfCollectionForm(file: file, sheet: sheet, above: above)
        }
        return layout
    }

    /// The header of the school collection form: the participant code, the variant, task columns
    /// and «Наименование класса».
    static func isCollectionFormHeader(_ mapping: HeaderMapping) -> Bool {
        guard mapping[.studentID] != nil, mapping[.variant] != nil, !mapping.taskColumns.isEmpty,
              let classColumn = mapping[.classLabel] else { return false }
        return HeaderText.normalise(mapping.headers[classColumn]) == "наименование класса"
    }

    /// The work of a collection form: the file name first, then the sheet name, then the rows
    /// above the header (keyed metadata such as «Предмет: …» before free titles such as
    /// «Математика 5 класс»). Each of year, subject and grade is taken from the first place
    /// that names it; the grade may also come later from the class names.
    private mutating func readWorkOfCollectionForm(file: String, sheet: String?, above: ArraySlice<TableRow>) {
        let fileStart = SourceLocation(file: file, line: 0)
        let stem = ((file as NSString).lastPathComponent as NSString).deletingPathExtension
        var named: [(WorkWords, SourceLocation)] = [(WorkWords(stem), fileStart)]
        if let sheet { named.append((WorkWords(sheet), fileStart)) }
        var titles: [(WorkWords, SourceLocation)] = []
        for row in above where !row.isBlank {
            for (index, cell) in row.cells.enumerated() {
                let text = cell.trimmingWhitespaceAndNBSP()
                if !text.isEmpty {
                    titles.append((WorkWords(text), SourceLocation(file: file, line: row.number, column: index + 1)))
                }
            }
        }
        func first<T>(_ sources: [(WorkWords, SourceLocation)], _ key: KeyPath<WorkWords, T?>) -> Located<T>? {
            for (words, location) in sources {
                if let value = words[keyPath: key] { return Located(value: value, location: location) }
            }
            return nil
        }
        year = first(named, \.year) ?? year ?? first(titles, \.year)
        subject = first(named, \.subject) ?? subject ?? first(titles, \.subject)
        grade = first(named, \.grade) ?? grade ?? first(titles, \.grade)
    }

    // MARK: - Metadata

    mutating func readMetadata(_ row: TableRow, file: String) {
        let texts = row.cells.enumerated().compactMap { index, text -> (Int, String)? in
            let t = text.trimmingWhitespaceAndNBSP()
            return t.isEmpty ? nil : (index, t)
        }
        guard let (firstColumn, first) = texts.first else { return }
        let location = SourceLocation(file: file, line: row.number, column: firstColumn + 1)
        // «Ключ: значение» in one cell, or «Ключ» and the value in the next non-empty cell.
        var key = first
        var value = texts.count > 1 ? texts[1].1 : ""
        if let colon = first.firstIndex(of: ":") {
            key = String(first[..<colon])
            let rest = String(first[first.index(after: colon)...]).trimmingWhitespaceAndNBSP()
            if !rest.isEmpty { value = rest }
        }
        let k = HeaderText.normalise(key)
        for text in texts.map(\.1) { readTitle(text, location: location) }
        for text in texts.map(\.1) { readSchoolLine(text, location: location) }
        switch k {
        case "предмет", "учебный предмет":
            if subject == nil, !value.isEmpty { subject = Located(value: HeaderText.subjectName(value), location: location) }
        case "год", "год проведения":
            if year == nil, let y = CellParser.leadingInteger(of: value), (1990...2100).contains(y) {
                year = Located(value: y, location: location)
            }
        case "класс", "параллель":
            if grade == nil, let g = CellParser.leadingInteger(of: value), (1...11).contains(g) {
                grade = Located(value: g, location: location)
            }
        case "дата", "дата проведения":
            if year == nil, let y = Self.yearInDate(value) { year = Located(value: y, location: location) }
        default:
            if k.hasPrefix("максимальный") && k.contains("балл"), maxScore == nil,
               case .integer(let v) = CellParser.value(of: value), v > 0 {
                maxScore = Located(value: v, location: location)
            }
        }
    }

    /// «ВПР 2025 Математика 5 класс», «ВПР 2025. Русский язык. 4 класс».
    private mutating func readTitle(_ text: String, location: SourceLocation) {
        let words = text.replacingOccurrences(of: ".", with: " ").replacingOccurrences(of: ",", with: " ")
            .split(whereSeparator: { $0 == " " || $0 == "\u{A0}" }).map(String.init)
        guard let vpr = words.firstIndex(where: { HeaderText.normalise($0) == "впр" }),
              vpr + 1 < words.count, let y = Int(words[vpr + 1]), (1990...2100).contains(y) else { return }
        var rest = Array(words[(vpr + 2)...])
        var g: Int?
        if let last = rest.last, HeaderText.normalise(last) == "класс" || HeaderText.normalise(last) == "класса" {
            rest.removeLast()
            if let number = rest.last.flatMap({ CellParser.leadingInteger(of: $0) }) {
                g = number
                rest.removeLast()
            }
        } else if let last = rest.last, let number = CellParser.leadingInteger(of: last), (1...11).contains(number) {
            g = number
            rest.removeLast()
        }
        if year == nil { year = Located(value: y, location: location) }
        if let g, (1...11).contains(g), grade == nil { grade = Located(value: g, location: location) }
        if !rest.isEmpty, subject == nil {
            subject = Located(value: HeaderText.subjectName(rest.joined(separator: " ")), location: location)
        }
    }

    /// «Название ОО (sch123456) | Кол-во участников: 25».
    private mutating func readSchoolLine(_ text: String, location: SourceLocation) {
        let parts = text.split(separator: "|").map { String($0).trimmingWhitespaceAndNBSP() }
        for part in parts {
            let n = HeaderText.normalise(part)
            if n.hasPrefix("кол-во участников") || n.hasPrefix("количество участников") {
                if let colon = part.lastIndex(of: ":") {
                    declaredParticipants = CellParser.leadingInteger(of: String(part[part.index(after: colon)...]))
                }
            } else if parts.count > 1 || n.contains("(sch"), part.hasSuffix(")"), let open = part.lastIndex(of: "("),
                      schoolID == nil {
                let code = String(part[part.index(after: open)..<part.index(before: part.endIndex)]).trimmingWhitespaceAndNBSP()
                guard !code.isEmpty, !code.contains(" ") else { continue }
                schoolID = Located(value: code, location: location)
                let name = String(part[..<open]).trimmingWhitespaceAndNBSP()
                if !name.isEmpty { schoolName = name }
            }
        }
    }

    /// The year of «15.04.2025», «2025-04-15», «15 апреля 2025 г.».
    static func yearInDate(_ text: String) -> Int? {
        var digits = ""
        for ch in text + " " {
            if ch.isASCII && ch.isNumber {
                digits.append(ch)
                continue
            }
            if digits.count == 4, let y = Int(digits), (1990...2100).contains(y) { return y }
            digits = ""
        }
        return nil
    }
}

/// What a free text (a file name, a sheet name, a title) says about a work: «Математика 5»,
/// «ВПР 2025 Русский язык 4», «протокол_математика_5кл_2025». The subject is one of the ВПР
/// subjects, or the words after «ВПР 2025»; the grade is a number from 1 to 11 («5», «5 класс», «5кл»).
struct WorkWords: Sendable {
    var year: Int?
    var subject: String?
    var grade: Int?

    static let subjects = ["русский язык", "математика", "окружающий мир", "история", "биология", "география",
                           "обществознание", "физика", "химия", "английский язык", "немецкий язык",
                           "французский язык", "иностранный язык", "литература", "информатика"]
    private static let classWords: Set<String> = ["класс", "класса", "классы", "кл"]

    init(_ text: String) {
        var cleaned = ""
        for ch in HeaderText.normalise(text) {
            cleaned.append(ch.isLetter || ch.isNumber ? ch : " ")
        }
        let words = cleaned.split(separator: " ").map(String.init)
        let joined = " " + words.joined(separator: " ") + " "
        for name in Self.subjects where joined.contains(" \(name) ") {
            subject = HeaderText.subjectName(name)
            break
        }
        var gradeFound: Int?
        for word in words {
            if word.count == 4, let y = Int(word), (2000...2100).contains(y) {
                if year == nil { year = y }
                continue
            }
            if let n = Int(word), (1...11).contains(n) {
                gradeFound = n
                continue
            }
            // «5кл», «5класс»
            let digits = word.prefix { $0.isASCII && $0.isNumber }
            if !digits.isEmpty, Self.classWords.contains(String(word.dropFirst(digits.count))),
               let n = Int(digits), (1...11).contains(n) {
                gradeFound = n
            }
        }
        grade = gradeFound
        // No known subject: the words after «ВПР 2025», as in the title of a Ф1 export.
        if subject == nil, let vpr = words.firstIndex(of: "впр"), vpr + 1 < words.count, let y = Int(words[vpr + 1]),
           (2000...2100).contains(y) {
            let rest = words[(vpr + 2)...].filter { w in
                !Self.classWords.contains(w) && !w.contains(where: { $0.isNumber })
            }
            if !rest.isEmpty { subject = HeaderText.subjectName(rest.joined(separator: " ")) }
        }
    }
}
