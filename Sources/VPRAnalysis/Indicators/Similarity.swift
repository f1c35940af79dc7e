import Foundation

/// `SIMILARITY`: identical or near-identical task-score profiles of students of one class beyond what their
/// abilities allow (answer copying, dictated answers) — a K-index/ω-type pair statistic for polytomous
/// tasks without distractors.
///
/// For a pair of classmates the statistic is the weighted number of tasks with equal scores, each match
/// weighted by how rare that score is for students of their total-score bands in the region
/// (`SimilarityModel`). Its exact null treats the two students as independent given their bands; strong
/// students who both get full marks match honestly and that is priced in. Pairs are combined per class
/// (`SimilarityClassScan`: smallest pair p with Šidák, and the «star» count of similar classmates),
/// per (school, work) by Šidák over classes, and for the school as a whole by Fisher over works.
public struct Similarity: Indicator {
    public let code = IndicatorCode.similarity

    public init() {}

    /// One (school, work) scanned: its classes and their clusters.
    struct Unit {
        var key: SchoolWorkKey
        var participants: Int
        var compared: Int
        var scans: [SimilarityClassScan]
        var clusters: [SimilarityCluster]
        var taskCount: Int
        var pValue: Double
        var eligible: Bool
    }

    /// One work's region model, fitted once and used for every unit of the work.
    struct WorkModel: Sendable {
        var work: Work
        var taskMax: [Int]
        /// nil when the region has too few papers for a model: nothing is tested.
        var model: SimilarityModel?
    }

    public func evaluation(_ context: AnalysisContext) -> IndicatorEvaluation {
        let config = context.config.similarity
        var tests: [IndicatorTest] = []
        var bySchool: [String: [Unit]] = [:]
        let models = context.works.compactMap { fitModel(work: $0, context: context) }
        for model in models {
            for unit in scan(model, schools: nil, context: context) {
                bySchool[unit.key.schoolID, default: []].append(unit)
                tests.append(schoolWorkTest(unit, config: config))
            }
        }
        for schoolID in context.schoolIDs {
            let units = bySchool[schoolID] ?? []
            guard units.count > 1 else { continue }
            tests.append(pooledTest(schoolID: schoolID, units: units, config: config))
        }
        return IndicatorEvaluation(tests: tests) { schools in
            models.flatMap { model in
                scan(model, schools: schools, context: context).flatMap { unit in
                    unit.scans.count > 1 ? unit.scans.map { classTest($0, unit: unit, config: config) } : []
                }
            }
        }
    }

    /// The clusters of near-identical papers of one school on every work (for reports), recomputed with the
    /// region's model; sorted by work, class and size.
    public func clusters(forSchool schoolID: String, in context: AnalysisContext) -> [SimilarityCluster] {
        context.works.compactMap { fitModel(work: $0, context: context) }
            .flatMap { scan($0, schools: [schoolID], context: context).flatMap(\.clusters) }
    }

    /// Fits the region's model of a work from every complete paper; nil when the work has no tasks.
    func fitModel(work: Work, context: AnalysisContext) -> WorkModel? {
        guard let spec = context.dataset.works[work], !spec.tasks.isEmpty else { return nil }
        let taskMax = spec.tasks.map(\.maxPoints)
        var all: [[Int]] = []
        for key in context.keys(of: work) {
            for r in context.results(key) {
                if let v = Self.completeScores(r, taskMax: taskMax) { all.append(v) }
            }
        }
        return WorkModel(work: work, taskMax: taskMax,
                         model: SimilarityModel(vectors: all, taskMax: taskMax, config: context.config.similarity))
    }

    /// Scans the (school, work) units of a work (all, or only the given schools) under the region's model.
    func scan(_ workModel: WorkModel, schools: Set<String>?, context: AnalysisContext) -> [Unit] {
        let config = context.config.similarity
        let work = workModel.work, taskMax = workModel.taskMax, model = workModel.model
        // The units are independent given the region's model: scanned on both cores, kept in key order.
        let selected = context.keys(of: work, among: schools)
        let slots = ResultSlots<Unit>(count: selected.count)
        DispatchQueue.concurrentPerform(iterations: selected.count) { i in
            let key = selected[i]
            var byClass: [String: [(code: String, scores: [Int])]] = [:]
            for r in context.results(key) {
                guard let v = Self.completeScores(r, taskMax: taskMax) else { continue }
                byClass[r.classLabel, default: []].append((r.studentID, v))
            }
            var scans: [SimilarityClassScan] = []
            if let model {
                for label in byClass.keys.sorted() where byClass[label]!.count >= config.minClassStudents {
                    scans.append(SimilarityClassScan(classLabel: label, students: byClass[label]!, model: model, config: config))
                }
            }
            let minClassP = scans.map(\.pValue).min() ?? 1
            let clusters = scans.flatMap { $0.clusters(schoolID: key.schoolID, work: work, taskCount: taskMax.count) }
            slots.set(i, Unit(key: key, participants: context.groups[key]?.count ?? 0,
                              compared: scans.reduce(0) { $0 + $1.codes.count }, scans: scans, clusters: clusters,
                              taskCount: taskMax.count, pValue: Sidak.adjust(minClassP, tests: scans.count),
                              eligible: model != nil && !scans.isEmpty))
        }
        return slots.values.compactMap { $0 }
    }

    /// Task scores when every task has a score within 0…max; nil otherwise (such papers are not compared).
    static func completeScores(_ r: StudentResult, taskMax: [Int]) -> [Int]? {
        guard r.taskScores.count == taskMax.count else { return nil }
        var v: [Int] = []
        v.reserveCapacity(taskMax.count)
        for (s, m) in zip(r.taskScores, taskMax) {
            guard let s, s >= 0, s <= m else { return nil }
            v.append(s)
        }
        return v
    }

    // MARK: Tests

    func schoolWorkTest(_ unit: Unit, config: SimilarityConfig) -> IndicatorTest {
        let place = "В работе «\(unit.key.work.title)»"
        return makeTest(scans: unit.scans, clusters: unit.clusters, pValue: unit.pValue, scope: .schoolWork,
                        schoolID: unit.key.schoolID, work: unit.key.work, classLabel: nil,
                        participants: unit.participants, compared: unit.compared, taskCount: unit.taskCount,
                        eligible: unit.eligible, place: place, config: config)
    }

    func classTest(_ scan: SimilarityClassScan, unit: Unit, config: SimilarityConfig) -> IndicatorTest {
        let clusters = unit.clusters.filter { $0.classLabel == scan.classLabel }
        let place = "В классе \(scan.classLabel) в работе «\(unit.key.work.title)»"
        return makeTest(scans: [scan], clusters: clusters, pValue: scan.pValue, scope: .classGroup,
                        schoolID: unit.key.schoolID, work: unit.key.work, classLabel: scan.classLabel,
                        participants: scan.codes.count, compared: scan.codes.count, taskCount: unit.taskCount,
                        eligible: unit.eligible, place: place, config: config)
    }

    /// The school as a whole: Fisher's combination of its (school, work) p-values (independent works under the null).
    func pooledTest(schoolID: String, units: [Unit], config: SimilarityConfig) -> IndicatorTest {
        let eligible = units.filter(\.eligible)
        let p = eligible.count > 1 ? PValueCombination.fisher(eligible.map(\.pValue)) : (eligible.first?.pValue ?? 1)
        var test = makeTest(scans: eligible.flatMap(\.scans), clusters: eligible.flatMap(\.clusters), pValue: p,
                            scope: .school, schoolID: schoolID, work: nil, classLabel: nil,
                            participants: units.reduce(0) { $0 + $1.participants },
                            compared: eligible.reduce(0) { $0 + $1.compared },
                            taskCount: eligible.first?.taskCount ?? 0, eligible: eligible.count > 1,
                            place: "По всем работам ОО", config: config)
        test.figures.append(Figure("works_tested", Double(eligible.count)))
        test.figures.append(Figure("works_with_clusters", Double(Set(eligible.filter { !$0.clusters.isEmpty }.map(\.key.work)).count)))
        return test
    }

    func makeTest(scans: [SimilarityClassScan], clusters: [SimilarityCluster], pValue: Double, scope: TestScope,
                  schoolID: String, work: Work?, classLabel: String?, participants: Int, compared: Int,
                  taskCount: Int, eligible: Bool, place: String, config: SimilarityConfig) -> IndicatorTest {
        let pairs = scans.reduce(0) { $0 + $1.pairs }
        let clustered = clusters.reduce(0) { $0 + $1.size }
        let largest = clusters.map(\.size).max() ?? 0
        let starSize = scans.map(\.starSize).max() ?? 0
        let best = scans.min { $0.minPairP < $1.minPairP }
        let share = compared > 0 ? Double(clustered) / Double(compared) : 0
        var figures = [
            Figure("students_compared", Double(compared)),
            Figure("classes_tested", Double(scans.count)),
            Figure("pairs_compared", Double(pairs)),
            Figure("smallest_pair_p", best?.minPairP ?? 1),
            Figure("smallest_pair_p_corrected", scans.map(\.pPair).min() ?? 1),
            Figure("smallest_star_p_corrected", scans.map(\.pStar).min() ?? 1),
            Figure("best_pair_matched_tasks", Double(best?.bestPairMatched ?? 0)),
            Figure("task_count", Double(taskCount)),
            Figure("best_star_classmates", Double(starSize)),
            Figure("clusters", Double(clusters.count)),
            Figure("students_in_clusters", Double(clustered)),
            Figure("largest_cluster", Double(largest)),
            Figure("share_in_clusters", share),
        ]
        for (n, c) in clusters.prefix(10).enumerated() {
            figures.append(Figure("cluster_\(n + 1)_size", Double(c.size)))
            figures.append(Figure("cluster_\(n + 1)_fewest_matched_tasks", Double(c.fewestMatchedTasks)))
            figures.append(Figure("cluster_\(n + 1)_strongest_pair_p", c.strongestPairPValue))
        }
        let explanation: Explanation
        if clusters.isEmpty {
            explanation = Explanation {
                "\(place) сходство баллов по заданиям у участников одного класса не выходит за пределы "
                    + "ожидаемого при их уровне подготовки (\(RussianFormat.pValue(pValue)))."
            }
        } else {
            let shown = clusters.prefix(5).map(\.russianDescription).joined(separator: "; ")
            let more = clusters.count > 5 ? "; и ещё \(clusters.count - 5)" : ""
            let noun = RussianFormat.plural(clusters.count, "группа", "группы", "групп")
            explanation = Explanation(text: "\(place) \(clusters.count) \(noun) участников с почти одинаковыми баллами по заданиям — "
                + "\(shown)\(more); при их уровне подготовки такое сходство случайно "
                + "маловероятно (\(RussianFormat.pValue(pValue))).")
        }
        return IndicatorTest(
            code: code, direction: "similar", category: .vpr, scope: scope, schoolID: schoolID, work: work,
            classLabel: classLabel, participants: participants, eligible: eligible,
            statisticName: "размер наибольшей группы почти одинаковых работ",
            statistic: Double(largest), pValue: pValue,
            effectName: "доля участников в группах почти одинаковых работ", effectSize: share,
            material: largest >= config.minClusterSize, explanation: explanation, figures: figures)
    }
}
