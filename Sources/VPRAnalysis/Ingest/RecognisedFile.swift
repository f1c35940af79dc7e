/// What the reader recognised in one file of the input folder: its layout and what it holds, or
/// why it is not used. `vpr-analyzer validate` prints one line per file from it.
public struct RecognisedFile: Sendable, Hashable {
    public var file: String
    /// «Ф1», «таблица результатов»; nil when the file is not a results table.
    public var layout: String?
    /// The sheet read, for a workbook.
    public var sheet: String?
    /// Works with at least one used row from this file.
    public var works: [Work]
    public var schools: Int
    /// Used rows (participant × work) from this file.
    public var participants: Int
    /// Why the file is not used, in Russian; nil when it is used.
    public var problem: String?

    public init(file: String, layout: String? = nil, sheet: String? = nil, works: [Work] = [], schools: Int = 0,
                participants: Int = 0, problem: String? = nil) {
        self.file = file
        self.layout = layout
        self.sheet = sheet
        self.works = works
        self.schools = schools
        self.participants = participants
        self.problem = problem
    }

    /// «results-mat5.xlsx: Ф1, Математика 5 (2025), 3 ОО, 212 участников», or the reason it is not used.
    public var russianDescription: String {
        if let problem { return "\(file): не используется — \(problem)" }
        var parts: [String] = [layout ?? "таблица"]
        if let sheet, !sheet.isEmpty { parts.append("лист «\(sheet)»") }
        if !works.isEmpty { parts.append(works.map { "\($0.title) (\($0.year))" }.joined(separator: "; ")) }
        parts.append("\(schools) ОО")
        parts.append("\(participants) \(Self.participantsWord(participants))")
        return "\(file): " + parts.joined(separator: ", ")
    }

    /// «участник», «участника», «участников».
    static func participantsWord(_ n: Int) -> String {
        let lastTwo = n % 100, last = n % 10
        if (11...14).contains(lastTwo) { return "участников" }
        if last == 1 { return "участник" }
        if (2...4).contains(last) { return "участника" }
        return "участников"
    }
}
