/// The validated student results of a run, stored compactly: repeated texts (school, class, variant, gender,
/// file) and the work once per distinct value, marks and lines as numbers, every paper's task scores in one
/// shared buffer. 64 bytes per row plus two per task, where an array of `StudentResult` took about 250
/// (a national run holds millions of rows). It reads and writes as a collection of `StudentResult`: an element
/// is rebuilt on access, so keep the element rather than reading the table twice in a hot loop.
public struct ResultTable: Sendable, RandomAccessCollection, MutableCollection, RangeReplaceableCollection,
                           ExpressibleByArrayLiteral {
    /// One row: positions into the interned columns and the numbers of the result, in 64 bytes. The numbers are
    /// narrower than `StudentResult`'s and saturate beyond their range, which no validated row reaches (a score
    /// is at most its work's maximum, a mark 0…5, a line and a column below 2³¹).
    struct Row: Sendable {
        var studentID: String
        var taskStart: UInt32
        var taskCount: UInt32
        var work: UInt32
        var schoolID: UInt32
        var classLabel: UInt32
        var variant: UInt32
        var gender: UInt32
        var file: UInt32
        var primaryScore: Int32
        var line: Int32
        var column: Int32
        var mark: Int16
        var journalMark: Int16
    }

    /// The columns, behind one reference so that a slice or a copy of the table costs one retain; copied
    /// before a mutation when shared.
    final class Columns: @unchecked Sendable {
        var rows: [Row] = []
        var taskScores: [UInt16] = []
        var works = InternedValues<Work>()
        var schools = InternedValues<String>()
        var classes = InternedValues<String>()
        var variants = InternedValues<String>()
        var genders = InternedValues<String>()
        var files = InternedValues<String>()

        init() {}

        init(copying other: Columns) {
            rows = other.rows
            taskScores = other.taskScores
            works = other.works
            schools = other.schools
            classes = other.classes
            variants = other.variants
            genders = other.genders
            files = other.files
        }
    }

    private(set) var columns = Columns()

    /// The columns, copied first when another table shares them.
    private var unique: Columns {
        mutating get {
            if !isKnownUniquelyReferenced(&columns) { columns = Columns(copying: columns) }
            return columns
        }
    }

    public init() {}

    public init(arrayLiteral results: StudentResult...) { self.init(results) }

    public var startIndex: Int { 0 }
    public var endIndex: Int { columns.rows.count }

    public subscript(position: Int) -> StudentResult {
        get { columns.result(columns.rows[position]) }
        set {
            let c = unique
            c.rows[position] = c.row(newValue, reusing: c.rows[position])
        }
    }

    public mutating func reserveCapacity(_ n: Int) {
        unique.rows.reserveCapacity(n)
    }

    /// Reserves room for `n` rows with `tasks` task scores in all.
    public mutating func reserveCapacity(rows n: Int, taskScores tasks: Int) {
        let c = unique
        c.rows.reserveCapacity(n)
        c.taskScores.reserveCapacity(tasks)
    }

    /// Replaces every row's task scores: row `i` gets its old scores at the positions `layout(i)` lists (nil: a
    /// missing score), or keeps them when `layout(i)` is nil. The scores go into a new buffer of exactly their size,
    /// so room reserved for scores no row kept is given back.
    mutating func remapTaskScores(_ layout: (Int) -> [Int?]?) {
        let c = unique
        var total = 0
        for i in c.rows.indices { total += layout(i)?.count ?? Int(c.rows[i].taskCount) }
        var scores: [UInt16] = []
        scores.reserveCapacity(total)
        for i in c.rows.indices {
            let start = Int(c.rows[i].taskStart), count = Int(c.rows[i].taskCount), newStart = scores.count
            if let positions = layout(i) {
                for k in positions {
                    guard let k, k < count else { scores.append(TaskScores.missing); continue }
                    scores.append(c.taskScores[start + k])
                }
            } else {
                scores.append(contentsOf: c.taskScores[start..<(start + count)])
            }
            precondition(scores.count <= Int(UInt32.max), "too many task scores")
            c.rows[i].taskStart = UInt32(newStart)
            c.rows[i].taskCount = UInt32(scores.count - newStart)
        }
        c.taskScores = scores
    }

    public mutating func append(_ result: StudentResult) {
        let c = unique
        c.rows.append(c.row(result, reusing: nil))
    }

    public mutating func replaceSubrange<C: Collection>(_ subrange: Range<Int>, with results: C)
    where C.Element == StudentResult {
        let c = unique
        var replacement: [Row] = []
        replacement.reserveCapacity(results.count)
        for r in results { replacement.append(c.row(r, reusing: nil)) }
        c.rows.replaceSubrange(subrange, with: replacement)
    }
}

extension ResultTable.Columns {
    private static let none = Int16.min
    private static let noColumn = Int32.min

    static func journal(_ raw: Int16) -> Int? { raw == none ? nil : Int(raw) }

    // MARK: Encoding

    func result(_ row: ResultTable.Row) -> StudentResult {
        let start = Int(row.taskStart)
        return StudentResult(
            work: works[row.work], schoolID: schools[row.schoolID], classLabel: classes[row.classLabel],
            studentID: row.studentID, variant: variants[row.variant], primaryScore: Int(row.primaryScore),
            mark: Int(row.mark), journalMark: Self.journal(row.journalMark),
            gender: genders[row.gender],
            taskScores: TaskScores(encoded: taskScores[start..<(start + Int(row.taskCount))]),
            source: SourceLocation(file: files[row.file], line: Int(row.line),
                                   column: row.column == Self.noColumn ? nil : Int(row.column)))
    }

    /// The row of `result`; its task scores overwrite those of `old` when they fit, so rewriting a row in place
    /// does not grow the shared buffer.
    func row(_ result: StudentResult, reusing old: ResultTable.Row?) -> ResultTable.Row {
        let encoded = result.taskScores.encoded
        var start = taskScores.count
        if let old, encoded.count <= Int(old.taskCount) {
            start = Int(old.taskStart)
            if !taskScores[start..<(start + encoded.count)].elementsEqual(encoded) {
                taskScores.replaceSubrange(start..<(start + encoded.count), with: encoded)
            }
        } else {
            precondition(taskScores.count + encoded.count <= Int(UInt32.max), "too many task scores")
            taskScores.append(contentsOf: encoded)
        }
        return ResultTable.Row(studentID: result.studentID, taskStart: UInt32(start),
                   taskCount: UInt32(encoded.count), work: works.position(of: result.work),
                   schoolID: schools.position(of: result.schoolID), classLabel: classes.position(of: result.classLabel),
                   variant: variants.position(of: result.variant), gender: genders.position(of: result.gender),
                   file: files.position(of: result.source.file), primaryScore: Int32(clamping: result.primaryScore),
                   line: Int32(clamping: result.source.line),
                   column: result.source.column.map { Int32(clamping: max($0, Int(Int32.min) + 1)) } ?? Self.noColumn,
                   mark: Int16(clamping: result.mark),
                   journalMark: result.journalMark.map { Int16(clamping: max($0, Int(Int16.min) + 1)) } ?? Self.none)
    }
}

/// The rows of one (school, work), or any run of a `ResultTable`.
public typealias ResultRows = Slice<ResultTable>

extension ResultTable: Equatable {
    /// Equal when they hold equal results in the same order, however each is stored.
    public static func == (lhs: ResultTable, rhs: ResultTable) -> Bool {
        lhs.count == rhs.count && lhs.elementsEqual(rhs)
    }
}
