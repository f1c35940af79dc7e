import Foundation
import VPRAnalysis

/// Builds small districts in code: students with a latent ability, honest scores and journal marks,
/// and helpers to plant one manipulation in one school.
struct FixtureDistrict {
    static let work = Work(year: 2025, subject: "Математика", grade: 5)
    static let scale = MarkScale(maxScore: 20, minMark3: 7, minMark4: 12, minMark5: 17)

    var random: TestRandom
    var results: [StudentResult] = []
    var schools: [String: School] = [:]

    init(seed: UInt64) { random = TestRandom(seed: seed) }

    /// Adds a school whose students' abilities are N(mean, 1) and whose term marks are `generosity` more generous.
    mutating func addSchool(_ id: String, students: Int, abilityMean: Double, generosity: Double = 0,
                            type: String = "СОШ", classes: Int = 1) {
        schools[id] = School(id: id, name: "Школа \(id)", municipality: "Район", schoolType: type)
        for i in 0..<students {
            let theta = abilityMean + random.normal()
            // Each of 20 one-point items solved with a logistic probability around the ability.
            var score = 0
            for item in 0..<20 {
                let difficulty = -1.5 + 3.0 * Double(item) / 19
                if random.bernoulli(1 / (1 + exp(-(theta - difficulty)))) { score += 1 }
            }
            let termLatent = theta + 0.6 * random.normal() + generosity
            let journal = termLatent < -1.3 ? 2 : termLatent < 0.0 ? 3 : termLatent < 1.1 ? 4 : 5
            results.append(StudentResult(
                work: Self.work, schoolID: id, classLabel: "5\(["А", "Б", "В"][i % max(1, min(classes, 3))])",
                studentID: "\(id)-\(i)", primaryScore: score, mark: Self.scale.mark(for: score), journalMark: journal))
        }
    }

    /// Adds `count` honest ordinary schools with abilities spread like a real district.
    mutating func addOrdinarySchools(_ count: Int, students: Int = 60) {
        for i in 0..<count {
            let mean = 0.6 * random.normal()
            let generosity = 0.25 * random.normal()
            addSchool(String(format: "s%03d", i), students: students, abilityMean: mean, generosity: generosity, classes: 2)
        }
    }

    /// Lifts papers 1–2 points below each boundary exactly to it with probability `rate`.
    mutating func pullBoundaries(school id: String, rate: Double) {
        for i in results.indices where results[i].schoolID == id {
            for b in Self.scale.boundaries {
                let gap = b - results[i].primaryScore
                if (1...2).contains(gap), random.bernoulli(rate) {
                    results[i].primaryScore = b
                    results[i].mark = Self.scale.mark(for: b)
                    break
                }
            }
        }
    }

    /// Raises the journal mark by one for a share of students whose mark is below 5.
    mutating func inflateJournal(school id: String, rate: Double) {
        for i in results.indices where results[i].schoolID == id {
            if let j = results[i].journalMark, j < 5, random.bernoulli(rate) { results[i].journalMark = j + 1 }
        }
    }

    /// Sets the journal mark equal to the VPR mark for a share of students.
    mutating func matchJournal(school id: String, rate: Double) {
        for i in results.indices where results[i].schoolID == id && random.bernoulli(rate) {
            results[i].journalMark = results[i].mark
        }
    }

    var dataset: Dataset {
        Dataset(works: [Self.work: WorkSpec(work: Self.work, scale: Self.scale)], schools: schools, results: results)
    }

    func analyze(_ config: AnalysisConfig = AnalysisConfig(), classTests: ClassTestSelection = .riskGroup()) -> Analysis {
        Pipeline(config: config, classTests: classTests).analyze(dataset)
    }
}

extension Analysis {
    func assessment(_ id: String) -> SchoolAssessment? { schools.first { $0.school.id == id } }

    func test(_ code: IndicatorCode, school: String, direction: String? = nil, scope: TestScope = .schoolWork) -> IndicatorTest? {
        tests.first { $0.code == code && $0.schoolID == school && $0.scope == scope && (direction == nil || $0.direction == direction) }
    }
}
