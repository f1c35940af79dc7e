/// The headers one kind of input file may carry for each column, in English (the contract) and
/// in Russian (as exports write them), plus the generous rules for the less regular ones.
struct HeaderVocabulary: Sendable {
    /// Column roles with their accepted headers, already normalised (see `HeaderText`).
    let names: [(role: ColumnRole, headers: [String])]
    /// Columns that must be present; the file is unusable without them.
    let required: [ColumnRole]
    /// Whether bare task headers (`1`, `К1`, `task_9.1`) are task-score columns.
    let hasTaskColumns: Bool

    /// The role of a header, or nil when it is not recognised.
    func role(of header: String) -> ColumnRole? {
        let h = HeaderText.normalise(header)
        for entry in names where entry.headers.contains(h) { return entry.role }
        return ruleBasedRole(h)
    }

    /// Headers shown to the user when a required column is missing.
    func expectedHeaders(for role: ColumnRole) -> [String] {
        names.first { $0.role == role }?.headers ?? []
    }

    private func ruleBasedRole(_ h: String) -> ColumnRole? {
        let roles = Set(names.map(\.role))
        if roles.contains(.journalMark) {
            if h.contains("журнал") { return .journalMark }
            if h.hasPrefix("отметка за") || h.hasPrefix("оценка за") {
                for period in ["триместр", "четверт", "полугоди", "период"] where h.contains(period) { return .journalMark }
            }
        }
        if roles.contains(.minMark3) {
            let digits = h.filter { $0 == "3" || $0 == "4" || $0 == "5" }
            let hints = ["мин", "min", "порог", "отметк", "оценк", "балл на", "на «", "на \""]
            if digits.count == 1 && hints.contains(where: { h.contains($0) }) {
                switch digits {
                case "3": return .minMark3
                case "4": return .minMark4
                default: return .minMark5
                }
            }
            if h.contains("макс") || h.contains("max") { return .maxScore }
        }
        if roles.contains(.maxPoints) && (h.contains("макс") || h.contains("max")) { return .maxPoints }
        if roles.contains(.level) && h.contains("уровень") { return .level }
        return nil
    }
}

extension HeaderVocabulary {
    private static let year: [String] = ["year", "год", "год проведения"]
    private static let schoolID: [String] = ["school id", "код оо", "логин оо", "оо", "код образовательной организации",
                                             "логин", "код школы", "id оо"]
    private static let subject: [String] = ["subject", "предмет", "учебный предмет", "наименование предмета", "название предмета"]
    private static let gradeForWorks: [String] = ["grade", "параллель", "класс", "класс (параллель)"]
    private static let municipality: [String] = ["municipality", "муниципалитет", "мо", "муниципальный район",
                                                 "муниципальное образование", "район", "городской округ",
                                                 "муниципальный район (городской округ)", "муниципальный район/городской округ"]
    private static let schoolName: [String] = ["school name", "наименование оо", "название оо", "наименование образовательной организации",
                                               "полное наименование оо", "краткое наименование оо", "школа", "название школы"]

    /// `results.csv`: one row per student and work.
    static let results = HeaderVocabulary(
        names: [
            (.year, year),
            // «Пользователь»: the school's login in the collection form.
            (.schoolID, schoolID + ["пользователь", "логин пользователя"]),
            (.schoolName, schoolName),
            (.municipality, municipality),
            (.classLabel, ["class", "класс", "наименование класса", "класс (литера)"]),
            (.grade, ["grade", "параллель", "класс (параллель)"]),
            (.subject, subject),
            (.studentID, ["student id", "код участника", "код", "код ученика", "код обучающегося", "id участника",
                          "номер участника"]),
            (.variant, ["variant", "вариант", "номер варианта"]),
            (.primaryScore, ["primary score", "первичный балл", "сумма баллов", "сумма первичных баллов",
                             "первичный балл за работу", "итоговый балл"]),
            (.mark, ["mark", "отметка", "отметка за работу", "оценка", "оценка за работу", "отметка за впр", "отметка впр"]),
            (.journalMark, ["journal mark", "отметка по журналу", "оценка по журналу", "отметка за предыдущий период"]),
            (.gender, ["gender", "пол"]),
        ],
        required: [.year, .schoolID, .classLabel, .subject, .studentID],
        hasTaskColumns: true)

    /// `schools.csv`: one row per school.
    static let schools = HeaderVocabulary(
        names: [
            (.schoolID, schoolID),
            (.schoolName, schoolName),
            (.municipality, municipality),
            (.locality, ["locality", "тип населенного пункта", "местность", "тип местности", "город/село",
                         "тип поселения"]),
            (.schoolType, ["school type", "тип оо", "вид оо", "тип школы", "вид организации", "тип организации"]),
        ],
        required: [.schoolID],
        hasTaskColumns: false)

    /// `scales.csv`: the conversion scale of each work.
    static let scales = HeaderVocabulary(
        names: [
            (.year, year),
            (.subject, subject),
            (.grade, gradeForWorks),
            (.maxScore, ["max score", "максимальный балл", "макс. балл", "максимальный первичный балл", "максимум"]),
            (.minMark3, ["min mark3", "min mark 3", "мин. балл на 3", "минимальный балл на 3", "мин. балл на «3»",
                         "минимальный балл на «3»", "отметка 3", "«3»", "3"]),
            (.minMark4, ["min mark4", "min mark 4", "мин. балл на 4", "минимальный балл на 4", "мин. балл на «4»",
                         "минимальный балл на «4»", "отметка 4", "«4»", "4"]),
            (.minMark5, ["min mark5", "min mark 5", "мин. балл на 5", "минимальный балл на 5", "мин. балл на «5»",
                         "минимальный балл на «5»", "отметка 5", "«5»", "5"]),
        ],
        required: [.year, .subject, .grade, .maxScore, .minMark3, .minMark4, .minMark5],
        hasTaskColumns: false)

    /// `tasks.csv`: the tasks of each work, in order.
    static let tasks = HeaderVocabulary(
        names: [
            (.year, year),
            (.subject, subject),
            (.grade, gradeForWorks),
            (.task, ["task", "задание", "номер задания", "задание №", "№ задания", "task id", "№"]),
            (.maxPoints, ["max points", "максимальный балл", "макс. балл", "балл", "баллы", "максимум"]),
            (.level, ["level", "уровень", "уровень сложности"]),
        ],
        required: [.year, .subject, .grade, .task, .maxPoints],
        hasTaskColumns: false)
}
