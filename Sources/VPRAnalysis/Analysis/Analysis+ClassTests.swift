extension Analysis {
    /// Adds class-level tests built after the decision to `classTests`. Each school's list (`tests(of:)`) shows a (school, work)'s
    /// class tests right after that indicator's own tests of the (school, work), as if they had been built with them.
    mutating func insertClassTests(_ added: [IndicatorTest]) {
        guard !added.isEmpty else { return }
        struct Unit: Hashable { var code: IndicatorCode; var work: Work? }
        var bySchool: [String: [Unit: [Int]]] = [:]
        for (offset, t) in added.enumerated() {
            bySchool[t.schoolID, default: [:]][Unit(code: t.code, work: t.work), default: []].append(tests.count + classTests.count + offset)
        }
        classTests += added
        for (schoolID, var pending) in bySchool {
            let old = positions[schoolID] ?? []
            var merged: [Int] = []
            merged.reserveCapacity(old.count + pending.values.reduce(0) { $0 + $1.count })
            for (n, i) in old.enumerated() {
                merged.append(i)
                let t = test(at: i)
                guard t.scope == .schoolWork else { continue }
                if n + 1 < old.count {
                    let next = test(at: old[n + 1])
                    if next.scope == .schoolWork && next.code == t.code && next.work == t.work { continue }
                }
                merged += pending.removeValue(forKey: Unit(code: t.code, work: t.work)) ?? []
            }
            // A class test whose (school, work) has no test of its own indicator goes last, in the order built.
            merged += pending.values.flatMap { $0 }.sorted()
            positions[schoolID] = merged
        }
    }
}
