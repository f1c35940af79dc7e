import XCTest
import VPRAnalysis
import VPRSampleData

/// COHORT: the same cohort a year later, one grade up, against the region's typical change.
final class CohortTests: XCTestCase {
    static let years = [2024, 2025]

    /// A city school of the district (never a gymnasium, weak or tiny school), chosen by the seed.
    func citySchool(seed: UInt64, schoolCount: Int) -> String {
        DistrictGenerator.schoolKinds(seed: seed, schoolCount: schoolCount).first { $0.kind == .city }!.schoolID
    }

    func cohortTests(_ dataset: Dataset, config: AnalysisConfig = AnalysisConfig()) -> [IndicatorTest] {
        CohortDrop().evaluate(AnalysisContext(dataset: dataset, config: config))
    }

    func honestDistrict(seed: UInt64, schoolCount: Int = 40, years: [Int] = CohortTests.years) -> Dataset {
        DistrictGenerator(config: GeneratorConfig(seed: seed, schoolCount: schoolCount, years: years,
                                                  manipulations: [])).generate().dataset
    }

    func testHelpDuringTheGrade4TestThenAnHonestGrade5ShowsAsADropOnThe2024Works() {
        let seed: UInt64 = 301
        let school = citySchool(seed: seed, schoolCount: 40)
        let works2024 = WorkCatalog.works(years: Self.years).filter { $0.year == 2024 }
        let plan = [PlantedManipulation(schoolID: school, scheme: .helpDuringTest, strength: .strong, works: works2024)]
        let dataset = DistrictGenerator(config: GeneratorConfig(seed: seed, schoolCount: 40, years: Self.years,
                                                                manipulations: plan)).generate().dataset
        let tests = cohortTests(dataset).filter { $0.schoolID == school }
        let perWork = tests.filter { $0.scope == .schoolWork }
        XCTAssertFalse(perWork.isEmpty)
        for t in perWork {
            XCTAssertEqual(t.work?.year, 2024, "the flag attaches to the earlier work")
            XCTAssertTrue(t.eligible, t.explanation)
            XCTAssertLessThan(t.pValue, 1e-3, t.explanation)
            XCTAssertTrue(t.material, t.explanation)
            XCTAssertEqual(t.category, .vpr)
            XCTAssertTrue(t.explanation.contains("\(t.work!.subject) \(t.work!.grade + 1)»"), "names the later work: \(t.explanation)")
        }
        let pooled = tests.first { $0.scope == .school }
        XCTAssertNotNil(pooled)
        XCTAssertLessThan(pooled!.pValue, 1e-4, pooled!.explanation)
        XCTAssertNil(pooled!.work)
    }

    func testAnHonestRegionsPValuesAreCalibrated() {
        var p: [Double] = []
        for seed: UInt64 in [311, 312, 313, 314] {
            p += cohortTests(honestDistrict(seed: seed, schoolCount: 60)).filter(\.eligible).map(\.pValue)
        }
        XCTAssertGreaterThan(p.count, 400)
        let below01 = Double(p.filter { $0 < 0.01 }.count) / Double(p.count)
        let below05 = Double(p.filter { $0 < 0.05 }.count) / Double(p.count)
        print("COHORT calibration: \(p.count) tests, share p<0.01 = \(below01), p<0.05 = \(below05)")
        XCTAssertLessThanOrEqual(below01, 0.02)
        XCTAssertLessThanOrEqual(below05, 0.08)
    }

    func testASingleYearGivesNoCohortTests() {
        XCTAssertTrue(cohortTests(honestDistrict(seed: 321, years: [2025])).isEmpty)
    }

    func testACohortThatLegitimatelyImprovesIsNotFlagged() {
        let seed: UInt64 = 331
        let school = citySchool(seed: seed, schoolCount: 40)
        var dataset = honestDistrict(seed: seed)
        for i in dataset.results.indices where dataset.results[i].schoolID == school && dataset.results[i].work.year == 2025 {
            let scale = dataset.works[dataset.results[i].work]!.scale
            let score = min(scale.maxScore, dataset.results[i].primaryScore + 3)
            dataset.results[i].primaryScore = score
            dataset.results[i].mark = scale.mark(for: score)
        }
        let tests = cohortTests(dataset).filter { $0.schoolID == school }
        XCTAssertFalse(tests.isEmpty)
        for t in tests {
            XCTAssertGreaterThan(t.pValue, 0.5, t.explanation)
            XCTAssertFalse(t.material, t.explanation)
        }
    }

    func testASchoolWithTooFewStudentsInEitherYearIsNotEligible() {
        var config = AnalysisConfig()
        config.cohort.minStudents = 1_000
        let tests = cohortTests(honestDistrict(seed: 341), config: config)
        XCTAssertFalse(tests.isEmpty)
        XCTAssertTrue(tests.allSatisfy { !$0.eligible && $0.pValue == 1 })
    }

    func testWithoutMatchingCodesTheCohortMeansAreCompared() {
        let seed: UInt64 = 351
        let school = citySchool(seed: seed, schoolCount: 40)
        let works2024 = WorkCatalog.works(years: Self.years).filter { $0.year == 2024 }
        let plan = [PlantedManipulation(schoolID: school, scheme: .helpDuringTest, strength: .strong, works: works2024)]
        var dataset = DistrictGenerator(config: GeneratorConfig(seed: seed, schoolCount: 40, years: Self.years,
                                                                manipulations: plan)).generate().dataset
        for i in dataset.results.indices where dataset.results[i].work.year == 2025 {
            dataset.results[i].studentID = "new-" + dataset.results[i].studentID
        }
        let tests = cohortTests(dataset)
        XCTAssertTrue(tests.filter(\.eligible).allSatisfy { $0.figure("paired") == 0 })
        let flagged = tests.first { $0.schoolID == school && $0.scope == .school }!
        XCTAssertLessThan(flagged.pValue, 1e-3, flagged.explanation)
    }

    func testConfigKeysLeftOutKeepTheirDefaults() throws {
        let config = try JSONDecoder().decode(CohortConfig.self, from: Data(#"{"minStudents": 15}"#.utf8))
        XCTAssertEqual(config.minStudents, 15)
        XCTAssertEqual(config.minMatchedStudents, CohortConfig().minMatchedStudents)
        XCTAssertEqual(config.minDrop, CohortConfig().minDrop)
    }
}

/// The Russian descriptions behind `vpr-analyzer explain` (COHORT's among them).
final class CohortDescriptionTests: XCTestCase {
    func testEveryIndicatorHasARussianDescriptionWithItsSections() {
        for code in IndicatorCode.allCases {
            let text = code.russianDescription
            XCTAssertTrue(text.hasPrefix("\(code.rawValue) — \(code.russianName)"), text)
            for section in ["Что измеряет.", "Нулевая модель и статистика.", "Как читать."] {
                XCTAssertTrue(text.contains(section), "\(code.rawValue): \(section)")
            }
            XCTAssertFalse(code.russianSections.figures.isEmpty)
        }
    }

    func testCohortDescriptionNamesItsFiguresInResultsJSON() {
        let text = IndicatorCode.cohort.russianDescription
        for name in ["earlier_mean_z", "later_mean_z", "change", "region_change_centre", "drop_below_region"] {
            XCTAssertTrue(text.contains(name), name)
        }
    }
}
