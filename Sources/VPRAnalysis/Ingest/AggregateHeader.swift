/// The headers of aggregate tables: the counts, percentages, marks and journal signs they carry, and,
/// through the results vocabulary, the school, work and class columns they share with results tables.
enum AggregateHeader {
    /// The role of a header and whether its values are percentages, or nil when it is not recognised.
    static func role(of header: String) -> (ColumnRole, isPercent: Bool)? {
        let h = HeaderText.normalise(header)
        let isPercent = h.contains("%") || h.contains("доля") || h.contains("процент") || h.contains("percent")
        // The journal signs first: «Понизили (Отметка < Отметка по журналу)» names the journal too.
        for (prefixes, role) in [(["понизил", "lowered"], ColumnRole.lowered), (["подтвердил", "confirmed"], .confirmed),
                                 (["повысил", "raised"], .raised)] where prefixes.contains(where: { h.hasPrefix($0) }) {
            return (role, isPercent)
        }
        if let role = markCountRole(h) { return (role, isPercent) }
        if participants.contains(h) { return (.participants, false) }
        if counts.contains(h) { return (.count, false) }
        if percents.contains(h) || (isPercent && (h.contains("участник") || h.count <= 12)) { return (.count, true) }
        if scores.contains(h) { return (.primaryScore, false) }
        guard let role = HeaderVocabulary.results.role(of: header) else { return nil }
        switch role {
        case .year, .schoolID, .schoolName, .municipality, .classLabel, .grade, .subject, .primaryScore, .mark,
             .journalMark, .studentID:
            return (role, false)
        default:
            return nil
        }
    }

    private static let participants: Set<String> = [
        "participants", "всего участников", "всего", "участников всего", "кол-во участников всего", "число участников всего",
    ]
    private static let counts: Set<String> = [
        "count", "n", "количество", "кол-во", "число", "число участников", "количество участников", "кол-во участников",
        "кол-во уч.", "кол-во уч", "количество обучающихся", "число обучающихся",
    ]
    private static let percents: Set<String> = ["%", "percent", "доля", "процент", "% участников", "доля участников"]
    private static let scores: Set<String> = ["score", "балл", "баллы", "первичный балл", "primary score"]

    /// «mark_2», «Отметка 2», «"2"», «2», «% 2», «Доля «5»» → the role of that mark's count.
    private static func markCountRole(_ h: String) -> ColumnRole? {
        var rest = h
        for word in ["отметка", "отметки", "оценка", "mark", "percent", "доля", "кол-во", "количество", "count", "процент"] {
            rest = rest.replacingOccurrences(of: word, with: "")
        }
        rest = String(rest.filter { !" %«»\"'(),_:-".contains($0) })
        switch rest {
        case "2": return .marks2
        case "3": return .marks3
        case "4": return .marks4
        case "5": return .marks5
        default: return nil
        }
    }
}
