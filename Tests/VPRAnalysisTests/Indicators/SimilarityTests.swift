import XCTest
@testable import VPRAnalysis
import VPRSampleData

/// SIMILARITY: near-identical task-score profiles within a class beyond what the students' levels allow.
final class SimilarityTests: XCTestCase {
    func evaluate(_ dataset: Dataset) -> [IndicatorTest] {
        Similarity().evaluate(AnalysisContext(dataset: dataset, config: AnalysisConfig()))
    }

    func schools(_ kind: SchoolKind, seed: UInt64, count: Int) -> [String] {
        DistrictGenerator.schoolKinds(seed: seed, schoolCount: count).filter { $0.kind == kind }.map(\.schoolID)
    }

    /// Participant codes whose task scores the manipulation changed (the copiers), per work.
    func changedCodes(honest: Dataset, planted: Dataset, schoolID: String) -> [Work: Set<String>] {
        var before: [String: TaskScores] = [:]
        for r in honest.results where r.schoolID == schoolID { before["\(r.work.title)|\(r.studentID)"] = r.taskScores }
        var out: [Work: Set<String>] = [:]
        for r in planted.results where r.schoolID == schoolID && before["\(r.work.title)|\(r.studentID)"] != r.taskScores {
            out[r.work, default: []].insert(r.studentID)
        }
        return out
    }

    func testPlantedCopyingGroupIsDetectedWithItsCopiedParticipantCodesInTheCluster() {
        let seed: UInt64 = 21, count = 24
        let id = schools(.city, seed: seed, count: count)[0]
        let config = GeneratorConfig(seed: seed, schoolCount: count,
                                     manipulations: [PlantedManipulation(schoolID: id, scheme: .copying, strength: .moderate)])
        let planted = DistrictGenerator(config: config).generate().dataset
        let honest = DistrictGenerator(config: .honest(seed: seed, schoolCount: count)).generate().dataset
        let copiers = changedCodes(honest: honest, planted: planted, schoolID: id)
        let context = AnalysisContext(dataset: planted, config: AnalysisConfig())
        let tests = Similarity().evaluate(context).filter { $0.schoolID == id }

        let pooled = tests.first { $0.scope == .school }!
        XCTAssertTrue(pooled.eligible && pooled.material)
        XCTAssertLessThan(pooled.pValue, 1e-6)
        let detected = tests.filter { $0.scope == .schoolWork && $0.pValue < 0.001 && $0.material }
        XCTAssertGreaterThanOrEqual(detected.count, 3, "copying is planted in all six works")

        let clusters = Similarity().clusters(forSchool: id, in: context)
        for test in detected {
            let work = test.work!
            let copied = copiers[work] ?? []
            let best = clusters.filter { $0.work == work }.max { $0.size < $1.size }!
            let found = copied.intersection(best.participantCodes)
            XCTAssertGreaterThanOrEqual(Double(found.count), 0.8 * Double(copied.count), "\(work.title): \(best)")
            for code in best.participantCodes { XCTAssertTrue(test.explanation.contains(code)) }
            XCTAssertEqual(test.category, .vpr)
            XCTAssertEqual(test.figure("largest_cluster"), Double(best.size))
        }
    }

    func testHonestGymnasiumsAndLyceumsWhoseStrongStudentsShareFullMarksAreNotSignificant() {
        for seed: UInt64 in [31] {
            let dataset = DistrictGenerator(config: .honest(seed: seed, schoolCount: 40)).generate().dataset
            let strong = Set(schools(.gymnasium, seed: seed, count: 40) + schools(.lyceum, seed: seed, count: 40))
            let tests = evaluate(dataset).filter { strong.contains($0.schoolID) && $0.scope.decides && $0.eligible }
            XCTAssertFalse(tests.isEmpty)
            for t in tests { XCTAssertGreaterThan(t.pValue, 0.01, t.explanation) }
        }
    }

    func testTinyRuralSchoolIsNotFlaggedOnNoise() {
        let seed: UInt64 = 33
        let dataset = DistrictGenerator(config: .honest(seed: seed, schoolCount: 40)).generate().dataset
        let tiny = Set(schools(.tinyRural, seed: seed, count: 40))
        let tests = evaluate(dataset).filter { tiny.contains($0.schoolID) && $0.scope.decides }
        XCTAssertFalse(tests.isEmpty)
        for t in tests {
            XCTAssertGreaterThan(t.pValue, 0.01, t.explanation)
            if t.figure("students_compared")! < Double(SimilarityConfig().minClassStudents) { XCTAssertFalse(t.eligible) }
        }
    }

    func testPValuesAreCalibratedOnHonestDistricts() {
        var p: [Double] = []
        for seed: UInt64 in [11, 12, 13] {
            let dataset = DistrictGenerator(config: .honest(seed: seed, schoolCount: 40)).generate().dataset
            p += evaluate(dataset).filter { $0.scope == .schoolWork && $0.eligible }.map(\.pValue)
        }
        XCTAssertGreaterThan(p.count, 600)
        let below01 = Double(p.filter { $0 < 0.01 }.count) / Double(p.count)
        let below001 = Double(p.filter { $0 < 0.001 }.count) / Double(p.count)
        // Measured: 0.14 % and 0 % (1 and 0 of 691).
        XCTAssertLessThanOrEqual(below01, 0.02)
        XCTAssertLessThanOrEqual(below001, 0.005)
    }

    func testExplanationIsOneRussianSentenceWithDecimalCommaAndFiguresBehindIt() {
        let dataset = DistrictGenerator(config: .honest(seed: 34, schoolCount: 12)).generate().dataset
        let tests = evaluate(dataset)
        XCTAssertFalse(tests.isEmpty)
        for t in tests {
            XCTAssertEqual(t.code, .similarity)
            XCTAssertTrue(t.explanation.hasSuffix("."))
            XCTAssertFalse(t.explanation.contains("p = 0."), t.explanation)
            XCTAssertTrue(t.pValue >= 0 && t.pValue <= 1)
            for name in ["students_compared", "pairs_compared", "smallest_pair_p", "largest_cluster", "share_in_clusters"] {
                XCTAssertNotNil(t.figure(name), name)
            }
        }
    }

    func testConfigKeysLeftOutKeepTheirDefaults() throws {
        let decoded = try JSONDecoder().decode(SimilarityConfig.self, from: Data(#"{"minClusterSize": 4}"#.utf8))
        var expected = SimilarityConfig()
        expected.minClusterSize = 4
        XCTAssertEqual(decoded, expected)
    }
}
