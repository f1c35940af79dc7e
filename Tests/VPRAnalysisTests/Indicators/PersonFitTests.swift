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
        XCTAssertLessThan(pooled.pValue, 1e-3, pooled.explanation)
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
        // Measured: 0.44 % and 0.15 % (3 and 1 of 676).
        XCTAssertLessThanOrEqual(below01, 0.02)
        XCTAssertLessThanOrEqual(below001, 0.005)
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

