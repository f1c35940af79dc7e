import Foundation
import VPRAnalysis

/// Where independent observers should sit at the next round: each risk-group school's flagged works with
/// the classes that wrote them, schools in risk order. The classes move up a grade, so the next round's
/// parallel is named as well («5 классы → 6 классы в следующем году»).
public struct ObserverPlan: Sendable {
    /// One (school, work) to observe.
    public struct Visit: Hashable, Sendable {
        public var schoolID: String
        public var schoolName: String
        public var municipality: String
        public var riskScore: Int
        public var work: Work
        /// Classes that wrote the flagged work («5А», «5Б»), sorted.
        public var classes: [String]
        /// Indicators that flagged this work or the school as a whole.
        public var indicators: [IndicatorCode]

        /// «5 классы (5А, 5Б) → 6 классы (6А, 6Б) в следующем году».
        public var nextRound: String {
            let grade = work.grade
            if grade >= 11 { return "\(grade) классы — выпускные; наблюдать другие параллели ОО" }
            let now = classes.isEmpty ? "" : " (" + classes.joined(separator: ", ") + ")"
            let moved = classes.compactMap { Self.promoted($0, from: grade) }
            let next = moved.count == classes.count && !moved.isEmpty ? " (" + moved.joined(separator: ", ") + ")" : ""
            return "\(grade) классы\(now) → \(grade + 1) классы\(next) в следующем году"
        }

        /// «5А» → «6А» when the label starts with the grade; nil otherwise.
        static func promoted(_ label: String, from grade: Int) -> String? {
            let digits = label.prefix { $0.isASCII && $0.isNumber }
            guard let n = Int(digits), n == grade else { return nil }
            return "\(grade + 1)" + label.dropFirst(digits.count)
        }
    }

    public var visits: [Visit]

    public init(analysis: Analysis, dataset: Dataset?) {
        var classes: [SchoolWorkKey: Set<String>] = [:]
        if let dataset {
            let wanted = Set(analysis.riskGroup.flatMap { s in s.flaggedWorks.map { SchoolWorkKey(schoolID: s.school.id, work: $0) } })
            for r in dataset.results {
                let key = SchoolWorkKey(schoolID: r.schoolID, work: r.work)
                if wanted.contains(key) { classes[key, default: []].insert(r.classLabel) }
            }
        }
        visits = analysis.riskGroup.flatMap { s in
            s.flaggedWorks.sorted().map { work in
                let codes = Set(s.evidence.filter { $0.work == nil || $0.work == work }.map(\.code)).sorted()
                return Visit(schoolID: s.school.id, schoolName: s.school.name, municipality: s.school.municipality,
                             riskScore: s.riskScore, work: work,
                             classes: (classes[SchoolWorkKey(schoolID: s.school.id, work: work)] ?? []).sorted(),
                             indicators: codes)
            }
        }
    }
}

extension ReportModel {
    /// The observer plan for this run.
    public var observerPlan: ObserverPlan { ObserverPlan(analysis: analysis, dataset: ingest.dataset) }
}
