/// What a column of an input file means, whatever its header says.
enum ColumnRole: String, Sendable, Hashable, CaseIterable {
    case year, schoolID, schoolName, municipality, locality, schoolType
    case classLabel, grade, subject, studentID, variant
    case primaryScore, mark, journalMark, gender
    case maxScore, minMark3, minMark4, minMark5
    case task, maxPoints, level
    /// Aggregate tables: a count of participants, a percentage, the total participants of a row,
    /// counts (or percentages) of marks 2–5, and the journal comparison's three counts.
    case count, percent, participants, marks2, marks3, marks4, marks5, lowered, confirmed, raised

    /// The column named in Russian messages («в файле нет столбца …»).
    var russianName: String {
        switch self {
        case .year: return "год"
        case .schoolID: return "код ОО"
        case .schoolName: return "наименование ОО"
        case .municipality: return "муниципалитет"
        case .locality: return "тип населённого пункта"
        case .schoolType: return "тип ОО"
        case .classLabel: return "класс"
        case .grade: return "параллель"
        case .subject: return "предмет"
        case .studentID: return "код участника"
        case .variant: return "вариант"
        case .primaryScore: return "первичный балл"
        case .mark: return "отметка"
        case .journalMark: return "отметка по журналу"
        case .gender: return "пол"
        case .maxScore: return "максимальный балл"
        case .minMark3: return "минимальный балл на «3»"
        case .minMark4: return "минимальный балл на «4»"
        case .minMark5: return "минимальный балл на «5»"
        case .task: return "задание"
        case .maxPoints: return "максимальный балл задания"
        case .level: return "уровень"
        case .count: return "количество участников"
        case .percent: return "доля участников, %"
        case .participants: return "всего участников"
        case .marks2: return "отметка «2»"
        case .marks3: return "отметка «3»"
        case .marks4: return "отметка «4»"
        case .marks5: return "отметка «5»"
        case .lowered: return "понизили"
        case .confirmed: return "подтвердили"
        case .raised: return "повысили"
        }
    }
}
