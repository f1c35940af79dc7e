import XCTest
import VPRAnalysis
import VPRSampleData

/// HELP: traces of help during the test in several indicators at once, against the region's empirical null.
final class HelpSignatureTests: XCTestCase {
    func testTheEmpiricalNullTakesTheMedianAndTheLowerHalfsSpreadNeverBelowOne() {
        // lower half of 0,1,…,10 around the median 5: quartile 2.5 → (5 − 2.5)/0.6745 = 3.7065
        let wide = HelpSignature.empiricalNull((0...10).map(Double.init))
        XCTAssertEqual(wide.centre, 5)
        XCTAssertEqual(wide.scale, 2.5 / 0.6744897501960817, accuracy: 1e-12)
        let narrow = HelpSignature.empiricalNull([0, 0.1, 0.2, 0.3, 0.4, 9])
        XCTAssertEqual(narrow.scale, 1, "never narrower than the theoretical spread of a Stouffer sum")
        let low = HelpSignature.empiricalNull([-3, -2, -1.5, -1, -0.5, 0.2])
        XCTAssertEqual(low.centre, 0, "never centred below the theoretical 0")
    }

    func testAStronglyHelpedSchoolIsFlaggedWithTheSignatureAndHonestSchoolsAreNot() {
        let kinds = DistrictGenerator.schoolKinds(seed: 77, schoolCount: 60)
        let helped = kinds.filter { $0.kind == .city }.map(\.schoolID).prefix(2)
        let plan = helped.map { PlantedManipulation(schoolID: $0, scheme: .helpDuringTest, strength: .strong) }
        let district = DistrictGenerator(config: GeneratorConfig(seed: 77, schoolCount: 60, manipulations: Array(plan))).generate()
        let analysis = Pipeline().analyze(district.dataset)
        let signature = analysis.tests.filter { $0.code == .helpSignature }
        XCTAssertEqual(Set(signature.map(\.schoolID)).count, signature.count, "one signature test per school")
        let best = signature.min { $0.pValue < $1.pValue }!
        XCTAssertTrue(helped.contains(best.schoolID), "the strongest signature is a helped school: \(best.explanation)")
        XCTAssertLessThan(best.pValue, 1e-3)
        let honestFlagged = analysis.riskGroup.filter { !helped.contains($0.school.id) }
        XCTAssertEqual(honestFlagged.map(\.school.id), [])
    }

    func testSignaturePValuesAreCalibratedOnHonestDistricts() {
        var pValues: [Double] = []
        for seed: UInt64 in [81, 82] {
            let district = DistrictGenerator(config: .honest(seed: seed, schoolCount: 50)).generate()
            pValues += Pipeline().analyze(district.dataset).tests.filter { $0.code == .helpSignature && $0.eligible }.map(\.pValue)
        }
        XCTAssertGreaterThan(pValues.count, 80)
        let small = Double(pValues.filter { $0 < 0.01 }.count) / Double(pValues.count)
        XCTAssertLessThanOrEqual(small, 0.02, "share of p < 0.01 on honest schools")
    }
}
