import XCTest
@testable import VPRAnalysis
import VPRSampleData

/// PERSONFIT: the share of students with aberrant task profiles (easy tasks failed, hard ones solved)
/// against the region's spread of schools.
final class PersonFitTests: XCTestCase {
    func evaluate(_ dataset: Dataset) -> [IndicatorTest] {
        PersonFit().evaluate(AnalysisContext(dataset: dataset, config: AnalysisConfig()))
    }

    func schools(_ kind: SchoolKind, seed: UInt64, count: Int) -> [String] {
        DistrictGenerator.schoolKinds(seed: seed, schoolCount: count).filter { $0.kind == kind }.map(\.schoolID)
    }

    func testGuttmanErrorsCountEasierStepsFailedBeforeHarderStepsPassed() {
        // Two one-point tasks, the first solved by everyone but a few: solving only the second is one error.
        var vectors = Array(repeating: [1, 0], count: 80) + Array(repeating: [1, 1], count: 40) + [[0, 0], [0, 1]]
        vectors += Array(repeating: [0, 0], count: 20)
        var config = PersonFitConfig()
        config.minRegionStudents = 10
        let model = PersonFitModel(vectors: vectors, taskMax: [1, 1], config: config)!
        XCTAssertEqual(model.errors([0, 1]), 1)
        XCTAssertEqual(model.errors([1, 0]), 0)
        XCTAssertEqual(model.errors([1, 1]), 0)
        XCTAssertEqual(model.normedErrors([0, 1]), 1)
    }

    func testHelpDuringTestAtStrongStrengthIsDetected() {
        let seed: UInt64 = 41, count = 24
        let id = schools(.city, seed: seed, count: count)[0]
        let config = GeneratorConfig(seed: seed, schoolCount: count,
                                     manipulations: [PlantedManipulation(schoolID: id, scheme: .helpDuringTest, strength: .strong)])
        let tests = evaluate(DistrictGenerator(config: config).generate().dataset).filter { $0.schoolID == id }
        let pooled = tests.first { $0.scope == .school }!
        XCTAssertTrue(pooled.eligible && pooled.material, pooled.explanation)
        // Measured 0.0011: the centre follows the school's level, and helped schools look stronger.
        XCTAssertLessThan(pooled.pValue, 0.003, pooled.explanation)
        // Per work the evidence is modest (shift ≈ 0.2 SD, p ≈ 0.01–0.07 for ~80 students): helped students mostly
        // gain the hard tasks they had failed, which keeps their profiles near-Guttman; pooling the works decides.
        let works = tests.filter { $0.scope == .schoolWork }
        XCTAssertEqual(works.count, 6)
        for t in works { XCTAssertGreaterThan(t.figure("misfit_shift")!, 0, t.explanation) }
        XCTAssertLessThan(works.map(\.pValue).min()!, 0.05)
    }

    func testHonestGymnasiumsAndTinySchoolsAreNotSignificant() {
        for seed: UInt64 in [42, 43] {
            let dataset = DistrictGenerator(config: .honest(seed: seed, schoolCount: 40)).generate().dataset
            let watched = Set(schools(.gymnasium, seed: seed, count: 40) + schools(.lyceum, seed: seed, count: 40)
                              + schools(.tinyRural, seed: seed, count: 40))
            let tests = evaluate(dataset).filter { watched.contains($0.schoolID) && $0.scope.decides && $0.eligible }
            XCTAssertFalse(tests.isEmpty)
            for t in tests { XCTAssertGreaterThan(t.pValue, 0.01, t.explanation) }
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
        // Measured: 0.30 % and 0.15 % (2 and 1 of 676).
        XCTAssertLessThanOrEqual(below01, 0.02)
        XCTAssertLessThanOrEqual(below001, 0.005)
    }

    /// At the ceiling, strong schools' students make their few errors in patterns that the band of their total
    /// does not predict, so honest strong schools show a higher mean misfit score. Built in code: the region's
    /// schools' mean scores rise with the level above the median; a strong school on that line is what its level
    /// predicts, while one flat centre would put it far in the upper tail. The weaker half keeps the flat centre.
    func testTheRegionsCentreFollowsTheSchoolsLevel() {
        let levels = (0..<40).map { 0.3 + 0.01 * Double($0) }
        let noise = (0..<40).map { 0.01 * sin(Double($0) * 1.7) }
        func tally(level: Double, score: Double, students: Int = 80) -> PersonFit.Tally {
            PersonFit.Tally(aberrant: 4, students: students, scoreSum: score * Double(students),
                            levelSum: level * Double(students))
        }
        let tallies = zip(levels, noise).map { tally(level: $0, score: 1.2 * max(0, $0 - 0.5) + $1) }
        let config = PersonFitConfig()
        let null = PersonFit().fit(tallies, variance: 1, config: config)!
        XCTAssertEqual(null.centre.slope, 1.2, accuracy: 0.1)
        XCTAssertEqual(null.centre.intercept, 0, accuracy: 0.02, "a weak school is judged against the flat part")
        let strong = tally(level: 0.75, score: 0.3, students: 300)
        XCTAssertGreaterThan(null.pValue(strong), 0.2)
        var flat = config
        flat.levelAdjusted = false
        let flatNull = PersonFit().fit(tallies, variance: 1, config: flat)!
        XCTAssertEqual(flatNull.centre.slope, 0)
        XCTAssertLessThan(flatNull.pValue(strong), 0.01)
        // A school above its level's line is still seen.
        XCTAssertLessThan(null.pValue(tally(level: 0.75, score: 0.6, students: 300)), 0.001)
    }

    func testExplanationIsOneRussianSentenceWithDecimalCommaAndFiguresBehindIt() {
        let tests = evaluate(DistrictGenerator(config: .honest(seed: 44, schoolCount: 12)).generate().dataset)
        XCTAssertFalse(tests.isEmpty)
        for t in tests {
            XCTAssertEqual(t.code, .personFit)
            XCTAssertTrue(t.explanation.hasSuffix("."))
            XCTAssertFalse(t.explanation.contains("p = 0."), t.explanation)
            for name in ["students_compared", "mean_misfit_score", "misfit_shift", "aberrant_students", "aberrant_share", "region_mean_share"] {
                XCTAssertNotNil(t.figure(name), name)
            }
        }
        XCTAssertTrue(tests.contains { $0.scope == .school })
    }

    func testConfigKeysLeftOutKeepTheirDefaults() throws {
        let decoded = try JSONDecoder().decode(PersonFitConfig.self, from: Data(#"{"aberrantQuantile": 0.9}"#.utf8))
        var expected = PersonFitConfig()
        expected.aberrantQuantile = 0.9
        XCTAssertEqual(decoded, expected)
    }
}

