import XCTest
import VPRAnalysis
import VPRSampleData

/// Class-level tests are built after the decision, for the schools a report shows in detail, and are exactly
/// the tests that building them for every school gives.
final class ClassTestSelectionTests: XCTestCase {
    static let dataset = DistrictGenerator(config: .district(seed: 7)).generate().dataset

    static func analyze(_ selection: ClassTestSelection) -> Analysis {
        Pipeline(classTests: selection).analyze(dataset)
    }

    static let every = analyze(.everySchool)

    func testTheDecisionDoesNotDependOnWhichClassTestsAreBuilt() {
        let none = Self.analyze(.none)
        XCTAssertEqual(none.schools, Self.every.schools)
        XCTAssertTrue(none.classTests.isEmpty)
        assertSame(none.tests, Self.every.tests, "every school")
    }

    func testClassTestsAreKeptApartFromTheSchoolAndWorkTests() {
        XCTAssertFalse(Self.every.tests.contains { $0.scope == .classGroup })
        XCTAssertFalse(Self.every.classTests.isEmpty)
        XCTAssertTrue(Self.every.classTests.allSatisfy { $0.scope == .classGroup })
        let listed = Self.every.schools.flatMap { Self.every.tests(of: $0.school.id) }
        XCTAssertEqual(listed.count, Self.every.tests.count + Self.every.classTests.count)
    }

    func testTheRiskGroupAndANamedSchoolGetExactlyTheirClassTestsAndNoOtherSchoolGetsAny() throws {
        let other = try XCTUnwrap(Self.every.schools.first { !$0.riskGroup && $0.participants > 150 }).school.id
        let analysis = Self.analyze(.riskGroup(plus: [other]))
        let detailed = Set(analysis.riskGroup.map(\.school.id)).union([other])
        XCTAssertFalse(analysis.riskGroup.isEmpty)
        XCTAssertEqual(analysis.schools, Self.every.schools)
        for s in analysis.schools {
            let id = s.school.id
            if detailed.contains(id) {
                assertSame(analysis.tests(of: id), Self.every.tests(of: id), id)
            } else {
                assertSame(analysis.tests(of: id), Self.every.tests(of: id).filter { $0.scope != .classGroup }, id)
            }
        }
        // The district has task scores and schools of several classes: every class-building indicator shows.
        let codes = Set(analysis.tests(of: other).filter { $0.scope == .classGroup }.map(\.code))
        XCTAssertEqual(codes, [.journal, .personFit, .similarity])
    }

    func testAClassTestFollowsItsIndicatorsTestOfTheSameSchoolAndWork() {
        var checked = 0
        for s in Self.every.schools {
            let tests = Self.every.tests(of: s.school.id)
            for (i, t) in tests.enumerated() where t.scope == .classGroup {
                // Walking back over the class tests before it, the first other test is its unit's own.
                let owner = tests[..<i].last { $0.scope != .classGroup }
                XCTAssertEqual(owner?.code, t.code)
                XCTAssertEqual(owner?.work, t.work)
                XCTAssertEqual(owner?.scope, .schoolWork)
                checked += 1
            }
        }
        XCTAssertGreaterThan(checked, 100)
    }

    func testEachIndicatorBuildsTheSameClassTestsOnRequestAsForEverySchool() {
        let context = AnalysisContext(dataset: Self.dataset, config: AnalysisConfig())
        let id = Self.every.riskGroup[0].school.id
        for indicator in [JournalGap(), PersonFit(), Similarity()] as [any Indicator] {
            let evaluation = indicator.evaluation(context)
            XCTAssertFalse(evaluation.tests.contains { $0.scope == .classGroup }, "\(indicator.code)")
            let all = evaluation.classTests(of: nil)
            assertSame(evaluation.classTests(of: [id]), all.filter { $0.schoolID == id }, "\(indicator.code)")
            XCTAssertTrue(evaluation.classTests(of: []).isEmpty)
        }
    }

    /// Equal lists of tests, NaN figures included (as `results.json` writes them); a difference is reported by its
    /// first test, not by printing thousands of them.
    func assertSame(_ a: [IndicatorTest], _ b: [IndicatorTest], _ what: String, line: UInt = #line) {
        let encoder = JSONEncoder()
        encoder.outputFormatting = .sortedKeys
        encoder.nonConformingFloatEncodingStrategy = .convertToString(positiveInfinity: "inf", negativeInfinity: "-inf", nan: "nan")
        func json(_ t: IndicatorTest) -> Data { (try? encoder.encode(t)) ?? Data() }
        XCTAssertEqual(a.count, b.count, "\(what): number of tests", line: line)
        if let i = zip(a.indices, b.indices).first(where: { json(a[$0.0]) != json(b[$0.1]) })?.0 {
            XCTFail("\(what): test \(i) differs: \(a[i].code) \(a[i].scope) \(a[i].direction) \(a[i].classLabel ?? "-") "
                + "p \(a[i].pValue) against \(b[i].code) \(b[i].scope) \(b[i].direction) \(b[i].classLabel ?? "-") p \(b[i].pValue)",
                    line: line)
        }
    }
}
