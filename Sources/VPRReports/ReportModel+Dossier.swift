import Foundation
import VPRAnalysis

/// A titled table of text cells, laid out by both the HTML and the Markdown dossier.
public struct ReportTable: Sendable {
    public var title: String
    public var header: [String]
    public var rows: [[String]]
    /// Columns holding numbers (right-aligned in HTML).
    public var numeric: Set<Int> = []
    /// Rows to emphasise (the region's; in the participants' table, papers on the re-check list).
    public var emphasis: Set<Int> = []
}

/// The director's view of one school: its decision, every test, and ФИС ОКО-style tables per work against
/// the municipality and the region.
public struct SchoolDossier: Sendable {
    public struct WorkPart: Sendable {
        public var work: Work
        public var title: String
        /// Статистика по отметкам: the school, its municipality, the region.
        public var marks: ReportTable
        /// Сравнение отметок с отметками по журналу: the school, its classes, its municipality, the region.
        public var journal: ReportTable
        /// The class-level `JOURNAL` tests: each class's shares against what the region's classes show.
        public var classes: ReportTable?
        /// Выполнение заданий по уровням: the school and the region.
        public var levels: ReportTable?
        /// `INVERSION`'s sentence for this work, when tested.
        public var inversion: String?
        /// The school's participants by code (never names), by class then code: class, variant, primary score,
        /// VPR mark, journal mark, how the two compare, and whether the paper is on the re-check list.
        public var students: ReportTable
    }

    public var assessment: SchoolAssessment
    /// «Наименование (код)».
    public var label: String
    /// Plain sentences of the decision.
    public var decision: [String]
    /// The school's deciding tests with a nominal deviation (p < 0,05) or a flag.
    public var tests: ReportTable
    /// Parallels: per grade, over every subject of that grade, the school's participants, marks and journal
    /// comparison, each followed by the region's line for the same works.
    public var grades: ReportTable
    public var works: [WorkPart]
}

extension ReportModel {
    /// The dossier of a school, or nil when the school has no results in this run.
    public func dossier(_ schoolID: String, tallies: ReportTallies) -> SchoolDossier? {
        guard let s = assessment(of: schoolID) else { return nil }
        let school = s.school
        var decision: [String] = []
        decision.append(s.riskGroup
            ? "ОО включена в группу риска: балл риска \(s.riskScore) из 100 (категории: "
                + s.categories.map(\.russianShort).joined(separator: ", ") + "; индикаторы: "
                + s.indicators.map(\.rawValue).joined(separator: ", ") + ")."
            : "ОО не включена в группу риска: балл риска \(s.riskScore) из 100 (порог включения — 50).")
        if !school.municipality.isEmpty { decision.append("Муниципалитет: \(school.municipality).") }
        if !school.schoolType.isEmpty || !school.locality.isEmpty {
            decision.append("Тип ОО: " + [school.schoolType, school.locality].filter { !$0.isEmpty }.joined(separator: ", ") + ".")
        }
        decision.append("Результатов участников: \(s.participants).")
        let eligible = analysis.tests(of: schoolID).filter { $0.scope.decides && $0.eligible }
        // The director reads the deviations; the rest is counted in a sentence.
        let deciding = eligible.filter { $0.significant || $0.pValue < 0.05 }
            .sorted { ($0.code, $0.work.map(title) ?? "", $0.direction) < ($1.code, $1.work.map(title) ?? "", $1.direction) }
        decision.append("Проверок показателей: \(eligible.count); без заметных отклонений (p ≥ 0,05): "
                        + "\(eligible.count - deciding.count).")
        let summary = SummaryMarkdownWriter()
        let tests = ReportTable(
            title: "Проверки с отклонениями (p < 0,05)",
            header: ["Показатель", "Работа", "Что проверялось", "Значение", "p", "Скорректированное p", "Признак"],
            rows: deciding.map { t in
                [t.code.rawValue, t.work.map(title) ?? "все работы", t.statisticName, Self.value(t),
                 RussianFormat.pValue(t.pValue), t.schoolAdjustedP.map { _ in summary.adjustedP(t) } ?? "—",
                 t.significant ? "да" : t.material ? "слабый" : "нет"]
            }, numeric: [3])
        let workList = self.works(of: schoolID, in: tallies)
        let results = ingest.dataset?.results.filter { $0.schoolID == schoolID && !$0.studentID.isEmpty } ?? []
        struct Paper: Hashable { var studentID: String; var work: Work }
        let recheck = Dictionary(recheckPlan.papers.filter { $0.schoolID == schoolID }.map { (Paper(studentID: $0.studentID, work: $0.work), $0.reason) },
                                 uniquingKeysWith: { a, _ in a })
        let works = workList.map { work in
            workPart(s, work, tallies: tallies,
                     students: studentTable(results.filter { $0.work == work }) { recheck[Paper(studentID: $0.studentID, work: work)] })
        }
        return SchoolDossier(assessment: s, label: schoolLabel(school), decision: decision, tests: tests,
                             grades: gradeTable(schoolID, workList, tallies: tallies), works: works)
    }

    static func value(_ t: IndicatorTest) -> String {
        let x = t.statistic
        if t.statisticName.contains("доля") { return RussianFormat.percent(x) }
        return x == x.rounded() && abs(x) < 1e9 ? String(Int(x)) : RussianFormat.number(x, digits: 2)
    }

    /// Student level: one row per participant code, by class then code (numbers in codes compared as numbers).
    func studentTable(_ results: [StudentResult], recheck: (StudentResult) -> RecheckPlan.Reason?) -> ReportTable {
        let sorted = results.sorted { a, b in
            if a.classLabel != b.classLabel { return a.classLabel.compare(b.classLabel, options: .numeric) == .orderedAscending }
            let order = a.studentID.compare(b.studentID, options: .numeric)
            return order == .orderedSame ? a.studentID < b.studentID : order == .orderedAscending
        }
        var emphasis = Set<Int>()
        let rows = sorted.enumerated().map { i, r -> [String] in
            let sign: String
            if let j = r.journalMark, (2...5).contains(j), (2...5).contains(r.mark) {
                sign = r.mark < j ? "понизил" : r.mark > j ? "повысил" : "подтвердил"
            } else { sign = "—" }
            let reason = recheck(r)
            if reason != nil { emphasis.insert(i) }
            return [r.classLabel, r.studentID, r.variant.isEmpty ? "—" : r.variant,
                    r.primaryScore >= 0 ? "\(r.primaryScore)" : "—", (2...5).contains(r.mark) ? "\(r.mark)" : "—",
                    r.journalMark.map { "\($0)" } ?? "—", sign, reason.map { "да: \($0.russian)" } ?? ""]
        }
        return ReportTable(title: "Участники (по кодам): отметка ВПР и отметка по журналу",
                           header: ["Класс", "Код участника", "Вариант", "Первичный балл", "Отметка ВПР", "Отметка по журналу",
                                    "ВПР против журнала", "Перепроверка"],
                           rows: rows, numeric: [3, 4, 5], emphasis: emphasis)
    }

    /// Parallel level: works are per subject × grade, so a grade's line adds up every subject of that grade.
    func gradeTable(_ schoolID: String, _ works: [Work], tallies: ReportTallies) -> ReportTable {
        func sum(_ parts: [ResultTally]) -> ResultTally {
            var t = ResultTally()
            for p in parts { t.merge(p) }
            return t
        }
        func row(_ name: String, _ subjects: String, _ t: ResultTally) -> [String] {
            let j = t.journal, n = Double(max(j.total, 1))
            return [name, subjects, "\(t.participants)"] + (2...5).map { RussianFormat.percent(t.markShare($0)) }
                + (j.total > 0 ? [j.lowered, j.confirmed, j.raised].map { RussianFormat.percent(Double($0) / n) } : ["—", "—", "—"])
        }
        var rows: [[String]] = [], emphasis = Set<Int>()
        for grade in Set(works.map(\.grade)).sorted() {
            let own = works.filter { $0.grade == grade }
            let subjects = own.map { multiYear ? "\($0.subject) (\($0.year))" : $0.subject }.joined(separator: ", ")
            rows.append(row("\(grade) классы: ОО", subjects, sum(own.compactMap { tallies.school(schoolID, $0) })))
            rows.append(row("\(grade) классы: регион", subjects, sum(own.compactMap { tallies.region[$0] })))
            emphasis.insert(rows.count - 1)
        }
        return ReportTable(title: "Параллели: все предметы параллели вместе, ОО и регион по тем же работам",
                           header: ["Параллель", "Предметы", "Результатов", "«2»", "«3»", "«4»", "«5»",
                                    "Понизили", "Подтвердили", "Повысили"],
                           rows: rows, numeric: Set(2...9), emphasis: emphasis)
    }

    func workPart(_ s: SchoolAssessment, _ work: Work, tallies: ReportTallies, students: ReportTable) -> SchoolDossier.WorkPart {
        let id = s.school.id, m = s.school.municipality
        let own = tallies.school(id, work), municipality = tallies.municipality(m, work), region = tallies.region[work]
        let groups: [(String, ResultTally?)] = [("ОО", own), (m.isEmpty ? "Муниципалитет" : m, municipality), ("Регион", region)]
        func markRow(_ name: String, _ t: ResultTally) -> [String] {
            [name, "\(t.participants)"] + (2...5).map { "\(t.marks[$0 - 2]) (\(RussianFormat.percent(t.markShare($0))))" }
        }
        let markRows = groups.compactMap { name, t in t.map { markRow(name, $0) } }
        let marks = ReportTable(title: "Статистика по отметкам", header: ["", "Участников", "«2»", "«3»", "«4»", "«5»"],
                                rows: markRows, numeric: [1, 2, 3, 4, 5], emphasis: [markRows.count - 1])
        func journalRow(_ name: String, _ j: JournalComparison) -> [String] {
            let n = Double(max(j.total, 1))
            return [name, "\(j.total)"] + [j.lowered, j.confirmed, j.raised].map {
                "\($0) (\(RussianFormat.percent(Double($0) / n)))"
            }
        }
        var journalRows: [[String]] = []
        if let own { journalRows.append(journalRow("ОО", own.journal)) }
        let byClass = classJournalTests(id, work)
        for label in byClass.keys.sorted() {
            guard let t = byClass[label]!.first, let l = t.figure("lowered"), let c = t.figure("confirmed"),
                  let r = t.figure("raised") else { continue }
            var j = JournalComparison()
            j.lowered = Int(l); j.confirmed = Int(c); j.raised = Int(r)
            journalRows.append(journalRow("класс \(label)", j))
        }
        if let municipality { journalRows.append(journalRow(m.isEmpty ? "Муниципалитет" : m, municipality.journal)) }
        if let region { journalRows.append(journalRow("Регион", region.journal)) }
        let journal = ReportTable(title: "Сравнение отметок с отметками по журналу",
                                  header: ["", "Учеников с обеими отметками", "Понизили", "Подтвердили", "Повысили"],
                                  rows: journalRows, numeric: [1, 2, 3, 4], emphasis: [journalRows.count - 1])
        var classes: ReportTable?
        if !byClass.isEmpty {
            let rows = byClass.keys.sorted().map { label -> [String] in
                let tests = byClass[label]!
                var row = [label, "\(tests.first?.participants ?? 0)"]
                for d in [JournalDirection.lowered, .matched, .raised] {
                    guard let t = tests.first(where: { $0.direction == d.rawValue }) else { row += ["—", "—"]; continue }
                    let share = t.figure("share").map { RussianFormat.percent($0) } ?? "—"
                    let expected = t.figure("expected_share").map { RussianFormat.percent($0) } ?? "—"
                    row += ["\(share) (ожид. \(expected))", t.eligible ? RussianFormat.pValue(t.pValue) : "мало учеников"]
                }
                return row
            }
            classes = ReportTable(title: "Классы: расхождение с журналом против обычного для классов региона",
                                  header: ["Класс", "Учеников", "Понизили", "p", "Подтвердили", "p", "Повысили", "p"],
                                  rows: rows, numeric: [1, 2, 3, 4, 5, 6, 7])
        }
        var levels: ReportTable?
        var inversion: String?
        if let c = levelComparison(id, work, tallies: tallies) {
            levels = ReportTable(title: "Выполнение заданий по уровням сложности (доля набранных баллов от максимума)",
                                 header: ["Уровень", "ОО", "Регион", "Разница, п. п."],
                                 rows: c.rows.map { r in
                                     [HTMLCharts.levelName(r.level), RussianFormat.percent(r.school), RussianFormat.percent(r.region),
                                      RussianFormat.number((r.school - r.region) * 100)]
                                 }, numeric: [1, 2, 3])
            inversion = c.inversion.map(\.explanation)
        }
        return SchoolDossier.WorkPart(work: work, title: title(work), marks: marks, journal: journal, classes: classes,
                                      levels: levels, inversion: inversion, students: students)
    }
}
