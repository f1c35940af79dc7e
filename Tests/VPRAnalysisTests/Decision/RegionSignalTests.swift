import XCTest
@testable import VPRAnalysis
import VPRSampleData

/// How the region's other schools move a school's share of α towards the signs they show (`RegionSignal`).
final class RegionSignalTests: XCTestCase {
    typealias Family = [(test: IndicatorTest, weight: Double)]

    /// A school's family: one pooled test per sign, equal base weights.
    func family(_ school: String, boundary: Double, lowered: Double, copying: Double) -> Family {
        [(test(school, .boundary, "bunching", boundary), 1.0 / 3),
         (test(school, .journal, "lowered", lowered), 1.0 / 3),
         (test(school, .similarity, "copying", copying), 1.0 / 3)]
    }

    func test(_ school: String, _ code: IndicatorCode, _ direction: String, _ p: Double) -> IndicatorTest {
        IndicatorTest(code: code, direction: direction, category: .vpr, scope: .school, schoolID: school, work: nil,
                      participants: 100, eligible: true, statisticName: "s", statistic: 0, pValue: p,
                      effectName: "e", effectSize: 1, material: true, explanation: "")
    }

    /// 100 schools with p = 0.5 everywhere, of which `showing` have a tiny p on the journal sign.
    func region(showing: Int) -> [String: Family] {
        var result: [String: Family] = [:]
        for i in 0..<100 {
            let id = "s\(i)"
            result[id] = family(id, boundary: 0.5, lowered: i < showing ? 1e-4 : 0.5, copying: 0.5)
        }
        return result
    }

    func testWithoutASignBeyondChanceEverySchoolKeepsItsBaseWeights() {
        // 2 of 99 schools at p ≤ 0.01 is what Bin(99, 0.01) gives (P(X ≥ 2) ≈ 0.26 > 0.01).
        let families = region(showing: 2)
        let signal = RegionSignal(families: families, config: DecisionConfig())
        let weights = signal.weights(families["s50"]!, schoolID: "s50")
        XCTAssertEqual(weights, [1.0 / 3, 1.0 / 3, 1.0 / 3])
    }

    func testASignShownByManySchoolsGetsTheMovedShareOfAlpha() {
        let families = region(showing: 15)
        let signal = RegionSignal(families: families, config: DecisionConfig())
        // Excess for s50: 15 − 99·0.01 = 14.01; all of it on the journal sign: it gets half of the total
        // weight on top of half its base, the others half their base.
        let w = signal.weights(families["s50"]!, schoolID: "s50")
        XCTAssertEqual(w[0], 1.0 / 6, accuracy: 1e-12)
        XCTAssertEqual(w[1], 1.0 / 6 + 0.5, accuracy: 1e-12)
        XCTAssertEqual(w[2], 1.0 / 6, accuracy: 1e-12)
        XCTAssertEqual(signal.excess(.init(test("s50", .journal, "lowered", 1)), leaving: "s50"), 14.01, accuracy: 1e-9)
    }

    func testASchoolsWeightsDoNotDependOnItsOwnPValues() {
        var families = region(showing: 15)
        let before = RegionSignal(families: families, config: DecisionConfig()).weights(families["s3"]!, schoolID: "s3")
        families["s3"] = family("s3", boundary: 1e-6, lowered: 0.9, copying: 1e-6)
        let after = RegionSignal(families: families, config: DecisionConfig()).weights(families["s3"]!, schoolID: "s3")
        XCTAssertEqual(before, after)
    }

    func testAShareOfZeroKeepsTheFixedWeights() {
        let families = region(showing: 30)
        var config = DecisionConfig()
        config.regionEvidenceShare = 0
        let signal = RegionSignal(families: families, config: config)
        XCTAssertEqual(signal.weights(families["s70"]!, schoolID: "s70"), [1.0 / 3, 1.0 / 3, 1.0 / 3])
    }

    func testTestsOfOneSignKeepTheirProportionsAndTheSignPValueIsBonferroniWithinIt() {
        let f: Family = [(test("a", .journal, "lowered", 0.004), 0.1), (test("a", .journal, "lowered", 0.001), 0.3),
                         (test("a", .boundary, "bunching", 0.2), 0.6)]
        let p = RegionSignal.signPValues(f)
        // 0.001 · 0.4 / 0.3 = 0.001333… beats 0.004 · 0.4 / 0.1 = 0.016.
        XCTAssertEqual(p[.init(f[0].test)]!, 0.001 * 0.4 / 0.3, accuracy: 1e-15)
        XCTAssertEqual(p[.init(f[2].test)]!, 0.2, accuracy: 1e-15)
    }

    /// Honest schools among manipulators on one sign: their chance of an adjusted p ≤ α stays at α, while the
    /// manipulators gain. 40 regions × 200 schools, 15 % with a strong signal on the journal sign.
    func testHonestSchoolsStayAtAlphaWhileTheSignThatIsPresentGainsPower() {
        var rng = SplitMix64(seed: 20261202)
        func uniform() -> Double { Double(rng.next() >> 11) / Double(1 << 53) }
        let alpha = 0.01
        var honest = 0, honestFlagged = 0, manipulators = 0, found = 0, foundBase = 0
        for region in 0..<40 {
            var families: [String: Family] = [:]
            var manipulating = Set<String>()
            for i in 0..<200 {
                let id = "r\(region)s\(i)"
                let manipulates = uniform() < 0.15
                if manipulates { manipulating.insert(id) }
                // Under the alternative the journal z is uniform on 2.1…3.7: base weights need z ≥ 2.71 (p ≤ α/3).
                let lowered = manipulates ? Normal.sf(2.9 + (uniform() - 0.5) * 1.6) : uniform()
                families[id] = family(id, boundary: uniform(), lowered: lowered, copying: uniform())
            }
            let signal = RegionSignal(families: families, config: DecisionConfig())
            for (id, f) in families {
                let p = f.map(\.test.pValue)
                let adjusted = MultipleTesting.weightedHolm(p, weights: signal.weights(f, schoolID: id)).min()!
                let base = MultipleTesting.weightedHolm(p, weights: f.map(\.weight)).min()!
                if manipulating.contains(id) {
                    manipulators += 1
                    if adjusted <= alpha { found += 1 }
                    if base <= alpha { foundBase += 1 }
                } else {
                    honest += 1
                    if adjusted <= alpha { honestFlagged += 1 }
                }
            }
        }
        // Expected α·honest ≈ 68 of 6800; 1.4 % is about four standard deviations above it.
        XCTAssertLessThan(Double(honestFlagged) / Double(honest), 0.014)
        XCTAssertGreaterThan(Double(honestFlagged) / Double(honest), 0.006)
        XCTAssertGreaterThan(found, foundBase + manipulators / 10)
    }
}
