import VPRAnalysis

/// The crude rule most regions use today: a class with almost no «2» and a large share of «4» and «5»
/// on the VPR is suspicious. A class is one school × work × class label; a school is flagged when any of
/// its classes with at least `minClassSize` participants trips the rule. No test, no peer group, no size
/// adjustment — the study runs it on the same districts as the engine to show what it costs.
public struct MarksShareScreen: Sendable {
    /// The rule's definition (Rosobrnadzor-style screen): share of «2» at most 5 %…
    public static let maxShareOfTwos = 0.05
    /// …and share of «4» + «5» at least 75 %…
    public static let minShareOfFoursAndFives = 0.75
    /// …in a class of at least 5 participants.
    public static let minClassSize = 5

    public init() {}

    /// Schools with at least one class that trips the screen.
    public func flaggedSchools(_ dataset: Dataset) -> Set<String> {
        struct ClassKey: Hashable { var school: String; var work: Work; var label: String }
        var counts: [ClassKey: (n: Int, twos: Int, high: Int)] = [:]
        for r in dataset.results {
            let key = ClassKey(school: r.schoolID, work: r.work, label: r.classLabel)
            var c = counts[key] ?? (0, 0, 0)
            c.n += 1
            if r.mark <= 2 { c.twos += 1 }
            if r.mark >= 4 { c.high += 1 }
            counts[key] = c
        }
        var flagged = Set<String>()
        for (key, c) in counts where c.n >= Self.minClassSize {
            let twos = Double(c.twos) / Double(c.n), high = Double(c.high) / Double(c.n)
            if twos <= Self.maxShareOfTwos && high >= Self.minShareOfFoursAndFives { flagged.insert(key.school) }
        }
        return flagged
    }
}

/// The crude comparison of task levels: on some work the school's mean success on basic tasks (Б) is below
/// the region's while its mean success on advanced and high tasks (П, В) is above the region's. Raw means,
/// no test, no allowance for the school's level or size.
public struct RawInversionRule: Sendable {
    public init() {}

    /// Schools with at least one work where basic success is below the region's and advanced/high above it.
    public func flaggedSchools(_ dataset: Dataset) -> Set<String> {
        struct Key: Hashable { var school: String; var work: Work }
        /// Sums of per-student success shares (points / maximum points over the level's tasks).
        struct Sums { var n = 0; var basic = 0.0; var hard = 0.0 }
        var levelMax: [Work: (basic: [Int], hard: [Int], basicMax: Int, hardMax: Int)] = [:]
        for (work, spec) in dataset.works {
            var basic: [Int] = [], hard: [Int] = [], bm = 0, hm = 0
            for (t, task) in spec.tasks.enumerated() {
                switch task.level {
                case .basic?: basic.append(t); bm += task.maxPoints
                case .advanced?, .high?: hard.append(t); hm += task.maxPoints
                case nil: break
                }
            }
            levelMax[work] = (basic, hard, bm, hm)
        }
        var schools: [Key: Sums] = [:], region: [Work: Sums] = [:]
        for r in dataset.results {
            guard let levels = levelMax[r.work], levels.basicMax > 0, levels.hardMax > 0 else { continue }
            let b = Double(levels.basic.reduce(0) { $0 + (r.taskScores.indices.contains($1) ? r.taskScores[$1] ?? 0 : 0) })
                / Double(levels.basicMax)
            let h = Double(levels.hard.reduce(0) { $0 + (r.taskScores.indices.contains($1) ? r.taskScores[$1] ?? 0 : 0) })
                / Double(levels.hardMax)
            let key = Key(school: r.schoolID, work: r.work)
            schools[key, default: Sums()].n += 1
            schools[key]!.basic += b; schools[key]!.hard += h
            region[r.work, default: Sums()].n += 1
            region[r.work]!.basic += b; region[r.work]!.hard += h
        }
        var flagged = Set<String>()
        for (key, s) in schools where s.n > 0 {
            guard let reg = region[key.work], reg.n > 0 else { continue }
            let n = Double(s.n), rn = Double(reg.n)
            if s.basic / n < reg.basic / rn && s.hard / n > reg.hard / rn { flagged.insert(key.school) }
        }
        return flagged
    }
}
