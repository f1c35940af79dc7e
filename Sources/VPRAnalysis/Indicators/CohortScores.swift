import Foundation

/// Each participant's result as a region-standardised normal score: per work, the mid-rank percentile
/// of the primary score among all the region's participants, mapped through Φ⁻¹.
///
/// Scores of different works (grade 4 and grade 5, different maxima and difficulty) become comparable
/// standings in the region: 0 is the region's median, ±1 about a standard deviation of students.
struct CohortScores {
    /// Normal score per (school, work), keyed by participant code. Participants without a code, or whose
    /// code repeats within the work, get a key that can never match another year.
    private(set) var byKey: [SchoolWorkKey: [String: Double]] = [:]

    init(_ context: AnalysisContext) {
        for work in context.works {
            let keys = context.keys(of: work)
            let groups = keys.map { context.results($0) }
            var histogram = [Int](repeating: 0, count: context.scale(work).maxScore + 1)
            var total = 0
            for results in groups {
                for r in results where histogram.indices.contains(r.primaryScore) {
                    histogram[r.primaryScore] += 1
                    total += 1
                }
            }
            guard total > 0 else { continue }
            var normal = [Double](repeating: .nan, count: histogram.count)
            var below = 0
            for s in histogram.indices {
                let p = (Double(below) + 0.5 * Double(histogram[s])) / Double(total)
                normal[s] = Normal.quantile(p)
                below += histogram[s]
            }
            for (key, results) in zip(keys, groups) {
                var map: [String: Double] = [:]
                var duplicates: Set<String> = []
                for (i, r) in results.enumerated() where normal.indices.contains(r.primaryScore) {
                    let z = normal[r.primaryScore]
                    let code = r.studentID.trimmingCharacters(in: .whitespaces)
                    if code.isEmpty || duplicates.contains(code) || map[code] != nil {
                        if !code.isEmpty, let first = map.removeValue(forKey: code) {
                            duplicates.insert(code)
                            map[Self.unmatchable(code, 0)] = first
                        }
                        map[Self.unmatchable(code, i + 1)] = z
                    } else {
                        map[code] = z
                    }
                }
                byKey[key] = map
            }
        }
    }

    /// A key no participant code can equal, so the participant counts but is never paired.
    private static func unmatchable(_ code: String, _ index: Int) -> String { "\u{0}\(code)#\(index)" }

    func scores(_ key: SchoolWorkKey) -> [String: Double] { byKey[key] ?? [:] }

    /// Per participant, the mean normal score over several works of the same school and year (subjects pooled).
    func pooled(_ keys: [SchoolWorkKey]) -> [String: Double] {
        var sum: [String: Double] = [:]
        var count: [String: Int] = [:]
        for key in keys {
            for (code, z) in scores(key) {
                sum[code, default: 0] += z
                count[code, default: 0] += 1
            }
        }
        return sum.reduce(into: [:]) { $0[$1.key] = $1.value / Double(count[$1.key]!) }
    }
}
