import Foundation
import XCTest
import VPRAnalysis
@testable import VPRSampleData

final class DistrictGeneratorTests: XCTestCase {
    private func generate(_ config: GeneratorConfig) -> GeneratedDistrict { DistrictGenerator(config: config).generate() }

    private func folder(_ name: String) -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("vpr-sample-\(name)-\(UUID().uuidString)")
        addTeardownBlock { try? FileManager.default.removeItem(at: url) }
        return url
    }

    private func files(in folder: URL) throws -> [String: Data] {
        var out: [String: Data] = [:]
        for name in ["results.csv", "schools.csv", "scales.csv", "tasks.csv", "truth.json"] {
            out[name] = try Data(contentsOf: folder.appendingPathComponent(name))
        }
        return out
    }

    // MARK: Determinism

    func testTheSameSeedGivesTheSameDatasetAndTheSameBytes() throws {
        let a = generate(.district(seed: 42)), b = generate(.district(seed: 42))
        XCTAssertEqual(a.dataset.results, b.dataset.results)
        XCTAssertEqual(a.dataset.schools, b.dataset.schools)
        XCTAssertEqual(a.dataset.works, b.dataset.works)
        XCTAssertEqual(a.truth, b.truth)
        XCTAssertEqual(a.absentRows, b.absentRows)
        let fa = folder("a"), fb = folder("b")
        try a.write(to: fa, includeTruth: true)
        try b.write(to: fb, includeTruth: true)
        XCTAssertEqual(try files(in: fa), try files(in: fb))
    }

    func testDifferentSeedsGiveDifferentDistricts() {
        let a = generate(.district(seed: 1)), b = generate(.district(seed: 2))
        XCTAssertNotEqual(a.dataset.results.map(\.primaryScore), b.dataset.results.map(\.primaryScore))
        XCTAssertNotEqual(a.truth, b.truth)
    }

    func testTheGeneratorDoesNotDependOnPlatformRandomness() {
        // A pinned fingerprint of seed 2025: any change of sampler, stream or ordering shows up here.
        var g = Xoshiro256StarStar(seed: 2025)
        let first = (0..<3).map { _ in g.next() }
        var h = Xoshiro256StarStar(seed: 2025)
        XCTAssertEqual(first, (0..<3).map { _ in h.next() })
        XCTAssertEqual(DeterministicMath.exp(1), 2.718281828459045, accuracy: 1e-15)
        XCTAssertEqual(DeterministicMath.log(10), 2.302585092994046, accuracy: 1e-15)
        XCTAssertEqual(DeterministicMath.exp(DeterministicMath.log(0.3)), 0.3, accuracy: 1e-15)
    }

    // MARK: Consistency of every row

    func testScoresTasksAndMarksAreConsistent() {
        let d = generate(.district(seed: 3))
        let honest = Set(d.truth.filter(\.isHonest).map(\.schoolID))
        XCTAssertFalse(d.dataset.results.isEmpty)
        for r in d.dataset.results {
            let spec = d.dataset.works[r.work]!
            XCTAssertEqual(r.taskScores.count, spec.tasks.count)
            for (s, t) in zip(r.taskScores, spec.tasks) {
                XCTAssertNotNil(s)
                XCTAssert((0...t.maxPoints).contains(s ?? -1), "\(r.studentID) task \(t.id)")
            }
            XCTAssertEqual(r.primaryScore, r.taskScores.reduce(0) { $0 + ($1 ?? 0) })
            XCTAssert((0...spec.scale.maxScore).contains(r.primaryScore))
            XCTAssertEqual(r.mark, spec.scale.mark(for: r.primaryScore))
            XCTAssert((2...5).contains(r.journalMark ?? 0))
            if honest.contains(r.schoolID) { XCTAssertEqual(r.mark, spec.scale.mark(for: r.primaryScore)) }
        }
    }

    func testWorksUseThePublishedScalesAndTasksSumToTheMaximum() {
        let d = generate(.district(seed: 3))
        XCTAssertEqual(d.dataset.works.count, 6)
        let m5 = d.dataset.works[Work(year: 2025, subject: "Математика", grade: 5)]!
        XCTAssertEqual(m5.scale, MarkScale(maxScore: 20, minMark3: 7, minMark4: 12, minMark5: 17))
        for spec in d.dataset.works.values {
            XCTAssert(spec.scale.isConsistent)
            XCTAssertEqual(spec.tasks.map(\.maxPoints).reduce(0, +), spec.scale.maxScore, spec.work.title)
            XCTAssert((10...15).contains(spec.tasks.count), spec.work.title)
            XCTAssertEqual(spec.tasks.last?.level, .high)
            XCTAssertGreaterThanOrEqual(Double(spec.tasks.filter { $0.level == .basic }.count), 0.4 * Double(spec.tasks.count))
        }
    }

    func testParticipantCodesAreNumericAndUniquePerWork() {
        let d = generate(.district(seed: 5))
        var seen: [Work: Set<String>] = [:]
        for r in d.dataset.results {
            XCTAssertNotNil(Int(r.studentID))
            XCTAssert(seen[r.work, default: []].insert(r.studentID).inserted, "duplicate \(r.studentID)")
            XCTAssert(["М", "Ж"].contains(r.gender))
            XCTAssert(["1", "2"].contains(r.variant))
        }
    }

    // MARK: School mix

    func testTheBundledDistrictHasTheDocumentedMixOfSchools() {
        let d = generate(.district(seed: 8))
        let kinds = Dictionary(grouping: d.truth, by: \.kind).mapValues(\.count)
        XCTAssertEqual(d.truth.count, 40)
        XCTAssertEqual(kinds[.city], 18)
        XCTAssertEqual(kinds[.rural], 12)
        XCTAssertEqual(kinds[.tinyRural], 6)
        XCTAssertEqual(kinds[.gymnasium], 1)
        XCTAssertEqual(kinds[.lyceum], 1)
        XCTAssertEqual(kinds[.weak], 2)
        let municipalities = Set(d.dataset.schools.values.map(\.municipality))
        XCTAssert((2...3).contains(municipalities.count))
        let gym = d.truth.first { $0.kind == .gymnasium }!
        XCTAssert(d.dataset.schools[gym.schoolID]!.isAdvancedStudy)
        // Tiny schools have 3–10 participants per work.
        for t in d.truth where t.kind == .tinyRural {
            let perWork = Dictionary(grouping: d.dataset.results.filter { $0.schoolID == t.schoolID }, by: \.work)
            for (_, rs) in perWork { XCTAssertLessThanOrEqual(rs.count, 10) }
        }
    }

    func testAGymnasiumScoresHigherThanAWeakSchool() {
        let d = generate(.district(seed: 8))
        func meanMark(_ kind: SchoolKind) -> Double {
            let ids = Set(d.truth.filter { $0.kind == kind }.map(\.schoolID))
            let rs = d.dataset.results.filter { ids.contains($0.schoolID) }
            return Double(rs.map(\.mark).reduce(0, +)) / Double(rs.count)
        }
        XCTAssertGreaterThan(meanMark(.gymnasium), meanMark(.city) + 0.3)
        XCTAssertLessThan(meanMark(.weak), meanMark(.city) - 0.2)
    }

    // MARK: Honest agreement of VPR and journal marks

    func testHonestSchoolsShowTypicalJournalAgreement() {
        let d = generate(.district(seed: 12))
        let honest = Set(d.truth.filter(\.isHonest).map(\.schoolID))
        let a = AgreementShares(d.dataset.results.filter { honest.contains($0.schoolID) })
        // ФИС ОКО reports: lower 20–30%, equal 60–70%, higher 5–15%. The generator's VPR is a 13–15-task
        // paper with realistic measurement error, so its agreement sits a little below: about 31/55/14.
        XCTAssert((0.20...0.40).contains(a.lower), "lower \(a.lower)")
        XCTAssert((0.48...0.70).contains(a.equal), "equal \(a.equal)")
        XCTAssert((0.05...0.20).contains(a.higher), "higher \(a.higher)")
    }

    // MARK: Planted manipulations

    func testTruthListsThePlantedSchools() {
        let config = GeneratorConfig.district(seed: 21)
        let d = generate(config)
        XCTAssertEqual(d.truth.map(\.schoolID), d.truth.map(\.schoolID).sorted())
        let planted = Set(config.manipulations.map(\.schoolID))
        XCTAssert((4...5).contains(planted.count))
        XCTAssertEqual(Set(d.plantedSchoolIDs), planted)
        let schemes = Set(config.manipulations.map(\.scheme))
        XCTAssert(schemes.isSuperset(of: [.boundaryPulling, .inflatedJournal, .helpDuringTest]))
        XCTAssert(config.manipulations.contains { $0.scheme == .boundaryPulling && $0.strength == .moderate && $0.works == nil })
        XCTAssert(d.truth.contains { $0.manipulations.count >= 2 }, "a combined school")
        for t in d.truth where !t.isHonest { XCTAssert([.city, .rural].contains(t.kind)) }
        XCTAssert(GeneratorConfig.honest(seed: 21, schoolCount: 40).manipulations.isEmpty)
    }

    func testHonestSchoolsAreIdenticalWithAndWithoutThePlan() {
        let planted = generate(.district(seed: 30)), honest = generate(.honest(seed: 30, schoolCount: 40))
        let untouched = Set(planted.truth.filter(\.isHonest).map(\.schoolID))
        XCTAssertEqual(planted.dataset.results.filter { untouched.contains($0.schoolID) },
                       honest.dataset.results.filter { untouched.contains($0.schoolID) })
        XCTAssertEqual(planted.dataset.results.count, honest.dataset.results.count)
    }

    func testBoundaryPullingPilesPapersOnTheBoundaries() {
        let plan = DistrictGenerator.schoolKinds(seed: 4, schoolCount: 40).filter { $0.kind == .city }.prefix(5)
            .map { PlantedManipulation(schoolID: $0.schoolID, scheme: .boundaryPulling, strength: .moderate) }
        let pulled = generate(GeneratorConfig(seed: 4, manipulations: plan))
        let honest = generate(.honest(seed: 4, schoolCount: 40))
        let ids = Set(plan.map(\.schoolID))
        func counts(_ d: GeneratedDistrict) -> (at: Int, below: Int) {
            var at = 0, below = 0
            for r in d.dataset.results where ids.contains(r.schoolID) {
                let b = d.dataset.works[r.work]!.scale.boundaries
                if b.contains(r.primaryScore) { at += 1 }
                if b.contains(where: { (1...2).contains($0 - r.primaryScore) }) { below += 1 }
            }
            return (at, below)
        }
        let h = counts(honest), p = counts(pulled)
        XCTAssertGreaterThan(p.at, h.at + h.below / 4, "at boundary: honest \(h.at), pulled \(p.at)")
        XCTAssertLessThan(p.below, h.below * 7 / 10, "just below: honest \(h.below), pulled \(p.below)")
        // Only boundary papers changed, and only upwards.
        XCTAssertEqual(Set(pulled.dataset.results.map(\.primaryScore)).isEmpty, false)
        for (a, b) in zip(honest.dataset.results, pulled.dataset.results) {
            XCTAssertGreaterThanOrEqual(b.primaryScore, a.primaryScore)
            if b.primaryScore != a.primaryScore { XCTAssert(b.primaryScore - a.primaryScore <= 2) }
        }
    }

    func testEachSchemeMovesItsOwnSignal() {
        let ids = DistrictGenerator.schoolKinds(seed: 9, schoolCount: 40).filter { $0.kind == .city }.prefix(4).map(\.schoolID)
        let honest = generate(.honest(seed: 9, schoolCount: 40))
        func mine(_ d: GeneratedDistrict) -> [StudentResult] { d.dataset.results.filter { ids.contains($0.schoolID) } }
        func with(_ scheme: ManipulationScheme) -> [StudentResult] {
            mine(generate(GeneratorConfig(seed: 9, manipulations: ids.map {
                PlantedManipulation(schoolID: $0, scheme: scheme, strength: .strong) })))
        }
        let base = AgreementShares(mine(honest))
        XCTAssertGreaterThan(AgreementShares(with(.inflatedJournal)).lower, base.lower + 0.15)
        XCTAssertGreaterThan(AgreementShares(with(.helpDuringTest)).higher, base.higher + 0.15)
        XCTAssertGreaterThan(AgreementShares(with(.bentToJournal)).equal, 0.9)
        let copied = with(.copying)
        var vectors: [String: Int] = [:]
        for r in copied { vectors["\(r.work)|\(r.classLabel)|\(r.taskScores)", default: 0] += 1 }
        XCTAssertGreaterThanOrEqual(vectors.values.max() ?? 0, 4, "a group with one identical vector")
    }

    func testCalibrationRegionPlantsTheRequestedShare() {
        let config = GeneratorConfig.calibrationRegion(seed: 3, schoolCount: 100, scheme: .copying,
                                                       strength: .weak, manipulatedShare: 0.2)
        let d = generate(config)
        let kinds = Dictionary(uniqueKeysWithValues: d.truth.map { ($0.schoolID, $0.kind) })
        let eligible = d.truth.filter { $0.kind != .tinyRural }.count
        XCTAssertEqual(config.manipulations.count, Int((Double(eligible) * 0.2).rounded()))
        XCTAssert(config.manipulations.allSatisfy { kinds[$0.schoolID] != .tinyRural && $0.rate == 3 })
        let withTiny = GeneratorConfig.calibrationRegion(seed: 3, schoolCount: 100, scheme: .copying, strength: .weak,
                                                         manipulatedShare: 1, includeTiny: true)
        XCTAssertEqual(withTiny.manipulations.count, 100)
    }

    func testMixedRegionGivesEachChosenSchoolOneSchemeAndUsesThemAll() {
        let config = GeneratorConfig.mixedCalibrationRegion(seed: 3, schoolCount: 100, strength: .moderate, manipulatedShare: 0.3)
        let single = GeneratorConfig.calibrationRegion(seed: 3, schoolCount: 100, scheme: .copying, strength: .moderate,
                                                       manipulatedShare: 0.3)
        let d = generate(config)
        let kinds = Dictionary(uniqueKeysWithValues: d.truth.map { ($0.schoolID, $0.kind) })
        XCTAssertEqual(config.manipulations.count, single.manipulations.count, "the same share is planted")
        XCTAssertEqual(Set(config.manipulations.map(\.schoolID)).count, config.manipulations.count, "one scheme per school")
        XCTAssert(config.manipulations.allSatisfy { kinds[$0.schoolID] != .tinyRural && $0.strength == .moderate })
        XCTAssertEqual(Set(config.manipulations.map(\.scheme)), Set(ManipulationScheme.allCases))
        XCTAssertEqual(config, .mixedCalibrationRegion(seed: 3, schoolCount: 100, strength: .moderate, manipulatedShare: 0.3),
                       "the plan is fixed by the seed")
    }

    func testStrengthsMeanTheDocumentedRates() {
        XCTAssertEqual(ManipulationStrength.moderate.rate(for: .boundaryPulling), 0.4)
        XCTAssertEqual(ManipulationStrength.weak.rate(for: .boundaryPulling), 0.2)
        XCTAssertEqual(ManipulationStrength.strong.rate(for: .boundaryPulling), 0.7)
        XCTAssertEqual(ManipulationStrength.moderate.rate(for: .inflatedJournal), 0.7)
        XCTAssertEqual(ManipulationStrength.strong.rate(for: .helpDuringTest), 0.6)
        XCTAssertEqual(ManipulationStrength.strong.rate(for: .copying), 8)
        XCTAssertEqual(ManipulationStrength.weak.rate(for: .bentToJournal), 0.3)
    }

    // MARK: Several years

    func testCohortsMoveUpAGradeWithMostlyTheSameStudents() {
        let d = generate(GeneratorConfig(seed: 6, schoolCount: 12, years: [2024, 2025], manipulations: []))
        XCTAssertEqual(d.dataset.works.count, 12)
        let school = d.truth.first { $0.kind == .city }!.schoolID
        let fourA = Set(d.dataset.results.filter {
            $0.schoolID == school && $0.work == Work(year: 2024, subject: "Математика", grade: 4) && $0.classLabel == "4А" }.map(\.studentID))
        let fiveA = Set(d.dataset.results.filter {
            $0.schoolID == school && $0.work == Work(year: 2025, subject: "Математика", grade: 5) && $0.classLabel == "5А" }.map(\.studentID))
        XCTAssertFalse(fourA.isEmpty)
        let overlap = Double(fourA.intersection(fiveA).count) / Double(fourA.count)
        XCTAssertGreaterThan(overlap, 0.7)
    }

    // MARK: Files

    func testResultsFileIsWindows1251SemicolonSeparatedWithRussianHeaders() throws {
        let d = generate(.district(seed: 14))
        let out = folder("files")
        try d.write(to: out, includeTruth: false)
        let bytes = try Data(contentsOf: out.appendingPathComponent("results.csv"))
        // Not UTF-8: Cyrillic in CP1251 is 0xC0–0xFF single bytes, which never form valid UTF-8 sequences here.
        XCTAssertNil(String(data: bytes, encoding: .utf8))
        let raw = [UInt8](bytes)
        let utf8Cyrillic = zip(raw, raw.dropFirst()).contains { ($0.0 == 0xD0 || $0.0 == 0xD1) && (0x80...0xBF).contains($0.1) }
        XCTAssertFalse(utf8Cyrillic, "no UTF-8 encoded Cyrillic letter")
        let text = CP1251.decode([UInt8](bytes))
        let lines = text.components(separatedBy: "\r\n").filter { !$0.isEmpty }
        let header = lines[0].components(separatedBy: ";")
        XCTAssertEqual(Array(header.prefix(7)), ["Год", "Код ОО", "Класс", "Предмет", "Код участника", "Вариант", "1"])
        XCTAssertEqual(Array(header.suffix(4)), ["Первичный балл", "Отметка", "Отметка по журналу", "Пол"])
        XCTAssert(header.contains("9.1"))
        XCTAssertEqual(lines.count - 1, d.dataset.results.count + d.absentRows)
        XCTAssertGreaterThan(d.absentRows, 0)
        XCTAssertEqual(lines.filter { $0.contains(";отсутствовал;") }.count, d.absentRows)
        for line in lines { XCTAssertEqual(line.components(separatedBy: ";").count, header.count) }
        // Each dataset row's source points at its line.
        let r = d.dataset.results[100]
        let cells = lines[r.source.line - 1].components(separatedBy: ";")
        XCTAssertEqual(cells[1], r.schoolID)
        XCTAssertEqual(cells[4], r.studentID)
        XCTAssertEqual(cells[header.count - 4], String(r.primaryScore))
        XCTAssertFalse(FileManager.default.fileExists(atPath: out.appendingPathComponent("truth.json").path))
    }

    func testSideFilesFollowTheContract() throws {
        let d = generate(.district(seed: 14))
        let out = folder("side")
        try d.write(to: out, includeTruth: true)
        func read(_ n: String) throws -> [String] {
            try String(contentsOf: out.appendingPathComponent(n), encoding: .utf8).split(separator: "\n").map(String.init)
        }
        XCTAssertEqual(try read("schools.csv").first, "school_id,school_name,municipality,locality,school_type")
        XCTAssertEqual(try read("schools.csv").count, 41)
        XCTAssertEqual(try read("scales.csv").first, "year,subject,grade,max_score,min_mark3,min_mark4,min_mark5")
        XCTAssert(try read("scales.csv").contains("2025,Русский язык,6,51,25,35,45"))
        XCTAssertEqual(try read("tasks.csv").first, "year,subject,grade,task,max_points,level")
        XCTAssert(try read("tasks.csv").contains("2025,Математика,4,9.1,1,П"))
        let truth = try JSONDecoder().decode([SchoolTruth].self, from: Data(contentsOf: out.appendingPathComponent("truth.json")))
        XCTAssertEqual(truth, d.truth)
    }

    func testCP1251RoundTripsRussianText() {
        let s = "Ёжик «№ 5» — ёлка, Русский язык; Ж/М"
        XCTAssertEqual(CP1251.decode(CP1251.encode(s)), s)
        XCTAssertEqual(CP1251.encode("Аяё№"), [0xC0, 0xFF, 0xB8, 0xB9])
    }

    // MARK: Speed

    func testARegionOfTwoHundredSchoolsIsGeneratedQuickly() {
        let start = Date()
        let d = generate(.honest(seed: 1, schoolCount: 200))
        XCTAssertGreaterThan(d.dataset.results.count, 10_000)
        XCTAssertLessThan(Date().timeIntervalSince(start), 10)
    }
}

final class SampleCommandAPITests: XCTestCase {
    func testOneCallWritesTheBundledSampleFolder() throws {
        let out = FileManager.default.temporaryDirectory.appendingPathComponent("vpr-sample-cli-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: out) }
        let start = Date()
        let d = try DistrictGenerator.writeSample(seed: 2025, to: out)
        XCTAssertLessThan(Date().timeIntervalSince(start), 5)
        for name in ["results.csv", "schools.csv", "scales.csv", "tasks.csv", "truth.json"] {
            XCTAssert(FileManager.default.fileExists(atPath: out.appendingPathComponent(name).path), name)
        }
        XCTAssertEqual(d.truth.count, 40)
        if ProcessInfo.processInfo.environment["VPR_TUNE"] == "1" {
            let text = CP1251.decode([UInt8](try Data(contentsOf: out.appendingPathComponent("results.csv"))))
            print(text.split(separator: "\r\n").prefix(6).joined(separator: "\n"))
            print(try String(contentsOf: out.appendingPathComponent("schools.csv"), encoding: .utf8))
            print(String(data: try d.truthJSON(), encoding: .utf8)!.prefix(800))
        }
    }
}
