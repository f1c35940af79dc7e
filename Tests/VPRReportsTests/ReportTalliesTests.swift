import XCTest
import VPRAnalysis
@testable import VPRReports

/// The report's counts are exactly what counting every row by hand gives, whatever the order of the rows:
/// per school and work, per municipality and for the region.
final class ReportTalliesTests: XCTestCase {
    private let maths = Work(year: 2025, subject: "Математика", grade: 5)
    private let russian = Work(year: 2025, subject: "Русский язык", grade: 5)

    private func dataset() -> Dataset {
        let scale = MarkScale(maxScore: 6, minMark3: 2, minMark4: 4, minMark5: 5)
        let tasks = [TaskSpec(id: "1", maxPoints: 1, level: .basic), TaskSpec(id: "2", maxPoints: 2, level: .advanced),
                     TaskSpec(id: "3", maxPoints: 3, level: .high), TaskSpec(id: "4", maxPoints: 1)]
        var random = ReportFixture.Random(state: 7)
        var results: [StudentResult] = []
        // Schools interleaved, so that a school's work is not one run of rows.
        for i in 0..<300 {
            let school = "sch\(i % 5)", work = i % 3 == 0 ? russian : maths
            var scores: [Int?] = tasks.map { Int(random.next() % UInt64($0.maxPoints + 1)) }
            if i % 7 == 0 { scores[1] = nil }
            if i % 11 == 0 { scores = Array(scores.prefix(2)) }     // a file with fewer task columns
            if i % 13 == 0 { scores.append(1) }                     // more task columns than the work has
            let total = scores.prefix(4).compactMap { $0 }.reduce(0, +)
            results.append(StudentResult(
                work: work, schoolID: school, classLabel: "5А", studentID: "P\(i)",
                primaryScore: i % 17 == 0 ? -1 : total, mark: i % 19 == 0 ? 0 : scale.mark(for: total),
                journalMark: i % 4 == 0 ? nil : 2 + Int(random.next() % 4), taskScores: TaskScores(scores)))
        }
        let schools = Dictionary(uniqueKeysWithValues: (0..<5).map { s in
            ("sch\(s)", School(id: "sch\(s)", municipality: s == 4 ? "" : s % 2 == 0 ? "Северный" : "Южный"))
        })
        return Dataset(works: [maths: WorkSpec(work: maths, scale: scale, tasks: tasks)], schools: schools,
                       results: results)
    }

    /// Counting row by row, as the reports define the counts.
    private func counted(_ rows: [StudentResult], spec: WorkSpec?) -> ResultTally {
        var t = ResultTally()
        for r in rows {
            t.participants += 1
            if (2...5).contains(r.mark) { t.marks[r.mark - 2] += 1 }
            if r.primaryScore >= 0 {
                if t.scores.count <= r.primaryScore { t.scores += [Int](repeating: 0, count: r.primaryScore + 1 - t.scores.count) }
                t.scores[r.primaryScore] += 1
            }
            t.journal.add(r)
            t.schools.insert(r.schoolID)
            for (task, score) in zip(spec?.tasks ?? [], r.taskScores) {
                guard let level = task.level, let score else { continue }
                let old = t.levelPoints[level] ?? (0, 0)
                t.levelPoints[level] = (old.scored + score, old.possible + task.maxPoints)
            }
        }
        return t
    }

    private func assertEqual(_ a: ResultTally?, _ b: ResultTally, _ what: String) {
        guard let a else { return XCTFail("no tally for \(what)") }
        XCTAssertEqual(a.participants, b.participants, what)
        XCTAssertEqual(a.marks, b.marks, what)
        XCTAssertEqual(a.scores, b.scores, what)
        XCTAssertEqual(a.journal, b.journal, what)
        XCTAssertEqual(a.schools, b.schools, what)
        XCTAssertEqual(a.levelPoints.mapValues { [$0.scored, $0.possible] }, b.levelPoints.mapValues { [$0.scored, $0.possible] },
                       what)
    }

    func testEveryCountIsTheCountOfItsRows() {
        let data = dataset()
        let tallies = ReportTallies(data)
        let rows = Array(data.results)
        XCTAssertEqual(tallies.bySchool.count, 10)
        for work in [maths, russian] {
            let spec = data.works[work]
            for s in 0..<5 {
                let id = "sch\(s)"
                assertEqual(tallies.school(id, work), counted(rows.filter { $0.schoolID == id && $0.work == work }, spec: spec),
                            "\(id) \(work.subject)")
            }
            for m in ["Северный", "Южный", ""] {
                let members = Set(data.schools.values.filter { $0.municipality == m }.map(\.id))
                assertEqual(tallies.municipality(m, work),
                            counted(rows.filter { members.contains($0.schoolID) && $0.work == work }, spec: spec), "«\(m)»")
            }
            assertEqual(tallies.region[work], counted(rows.filter { $0.work == work }, spec: spec), "region")
        }
        XCTAssertEqual(tallies.municipalities, ["Северный", "Южный", ""])
        XCTAssertNotNil(tallies.school("sch0", maths)?.levelSuccess(.high))
        XCTAssertNil(tallies.school("sch0", russian)?.levelSuccess(.basic), "no task levels without the work's tasks")
    }
}
