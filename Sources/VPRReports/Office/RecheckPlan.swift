import Foundation
import VPRAnalysis

/// Which papers of a flagged (school, work) independent experts should re-mark: every paper at or one point
/// above a mark boundary (where pulled papers land), plus a seeded random control sample of the other papers,
/// so the re-check also measures how often papers were over-marked in general. Participant codes only.
public struct RecheckPlan: Sendable {
    /// Why a paper is on the list.
    public enum Reason: Hashable, Sendable {
        /// At or one point above the minimum score of these marks.
        case boundary(marks: [Int])
        /// Drawn into the control sample with this seed.
        case control(seed: UInt64)

        /// «граница «4»», «контрольная выборка (зерно …)».
        public var russian: String {
            switch self {
            case .boundary(let marks): return "граница " + marks.map { "«\($0)»" }.joined(separator: ", ")
            case .control(let seed): return "контрольная выборка (зерно \(seed))"
            }
        }
    }

    /// One paper to re-mark.
    public struct Paper: Hashable, Sendable {
        public var schoolID: String
        public var schoolName: String
        public var work: Work
        public var classLabel: String
        public var studentID: String
        public var primaryScore: Int
        public var mark: Int
        public var reason: Reason
    }

    /// One flagged (school, work): how many papers it has and how many were chosen for each reason.
    public struct Group: Hashable, Sendable {
        public var key: SchoolWorkKey
        public var seed: UInt64
        public var papers: Int
        public var boundaryPapers: Int
        public var controlPapers: Int
    }

    public var baseSeed: UInt64
    /// Share of the remaining papers drawn into the control sample, and its minimum size.
    public var controlShare: Double
    public var minimumControl: Int
    public var groups: [Group]
    /// Papers in list order: schools by risk, works, boundary papers by score then code, then the control sample.
    public var papers: [Paper]

    /// The plan for the risk-group schools' flagged works. Without a dataset the plan is empty.
    public init(analysis: Analysis, dataset: Dataset?, baseSeed: UInt64,
                controlShare: Double = 0.10, minimumControl: Int = 3) {
        self.baseSeed = baseSeed
        self.controlShare = controlShare
        self.minimumControl = minimumControl
        self.groups = []
        self.papers = []
        guard let dataset else { return }
        var byKey: [SchoolWorkKey: [StudentResult]] = [:]
        let wanted = Set(analysis.riskGroup.flatMap { s in s.flaggedWorks.map { SchoolWorkKey(schoolID: s.school.id, work: $0) } })
        // Participants rebuilt from aggregate tables have no code: there is no paper to name.
        for r in dataset.results where !r.studentID.isEmpty {
            let key = SchoolWorkKey(schoolID: r.schoolID, work: r.work)
            if wanted.contains(key) { byKey[key, default: []].append(r) }
        }
        for school in analysis.riskGroup {
            for work in school.flaggedWorks.sorted() {
                let key = SchoolWorkKey(schoolID: school.school.id, work: work)
                guard let results = byKey[key], let scale = dataset.works[work]?.scale
                        ?? analysis.works.first(where: { $0.work == work })?.scale else { continue }
                let sorted = results.sorted { ($0.studentID, $0.classLabel, $0.primaryScore) < ($1.studentID, $1.classLabel, $1.primaryScore) }
                var boundary: [(StudentResult, [Int])] = []
                var rest: [StudentResult] = []
                for r in sorted {
                    let marks = scale.boundaries.enumerated()
                        .filter { (r.primaryScore - $0.element) >= 0 && (r.primaryScore - $0.element) <= 1 }
                        .map { $0.offset + 3 }
                    if marks.isEmpty { rest.append(r) } else { boundary.append((r, marks)) }
                }
                let seed = Self.seed(base: baseSeed, key: key)
                let want = max(minimumControl, Int((Double(rest.count) * controlShare).rounded(.up)))
                let control = Self.sample(rest, count: min(want, rest.count), seed: seed)
                boundary.sort { ($0.0.primaryScore, $0.0.studentID) < ($1.0.primaryScore, $1.0.studentID) }
                func paper(_ r: StudentResult, _ reason: Reason) -> Paper {
                    Paper(schoolID: school.school.id, schoolName: school.school.name, work: work, classLabel: r.classLabel,
                          studentID: r.studentID, primaryScore: r.primaryScore, mark: r.mark, reason: reason)
                }
                papers += boundary.map { paper($0.0, .boundary(marks: $0.1)) }
                papers += control.map { paper($0, .control(seed: seed)) }
                groups.append(Group(key: key, seed: seed, papers: results.count,
                                    boundaryPapers: boundary.count, controlPapers: control.count))
            }
        }
    }

    /// The seed of one (school, work): SplitMix64 of the base seed mixed with the FNV-1a hash of the key,
    /// so each school's sample is reproducible from the base seed alone and independent of other schools.
    public static func seed(base: UInt64, key: SchoolWorkKey) -> UInt64 {
        var hash: UInt64 = 0xCBF2_9CE4_8422_2325
        let text = "\(key.schoolID)\u{1F}\(key.work.year)\u{1F}\(key.work.subject)\u{1F}\(key.work.grade)"
        for byte in text.utf8 { hash = (hash ^ UInt64(byte)) &* 0x0000_0100_0000_01B3 }
        var random = SplitMix64(state: base ^ hash)
        return random.next() >> 1   // below 2^63: prints and parses the same everywhere
    }

    /// `count` results drawn without replacement (partial Fisher–Yates), returned sorted by class and code.
    static func sample(_ items: [StudentResult], count: Int, seed: UInt64) -> [StudentResult] {
        var pool = items, random = SplitMix64(state: seed)
        for i in 0..<count {
            let j = i + Int(random.next() % UInt64(pool.count - i))
            pool.swapAt(i, j)
        }
        return pool.prefix(count).sorted { ($0.classLabel, $0.studentID) < ($1.classLabel, $1.studentID) }
    }
}

/// SplitMix64 (Steele, Lea, Flood 2014): a tiny generator that gives the same numbers on every platform.
struct SplitMix64 {
    var state: UInt64
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}

extension ReportModel {
    /// The re-marking plan for this run, seeded from `options.recheckSeed`.
    public var recheckPlan: RecheckPlan {
        RecheckPlan(analysis: analysis, dataset: ingest.dataset, baseSeed: options.recheckSeed)
    }
}
