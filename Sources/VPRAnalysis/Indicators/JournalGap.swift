import Foundation

/// `JOURNAL`: how VPR marks compare with journal (term) marks, against what the region shows for students
/// with the same marks, allowing for the legitimate spread between schools and between classes.
///
/// Two sides are tested on the mark gap (`JournalGapModel`): journal marks above what the VPR marks predict
/// (`lowered`, inflated term marks, category `internal`) and VPR marks above what the journal marks predict
/// (`raised`, help during the test, category `vpr`). The gap uses every student's pair of marks, so a school
/// where many students are one mark apart stands out more clearly than in the three shares alone; the shares
/// (lowered / confirmed / raised, as ФИС ОКО reports them) are kept beside it. Near-total agreement (`matched`,
/// VPR marks bent to match the journal) is a share test: the share confirmed, by indirect standardisation
/// (`JournalRates`) with a beta-binomial spread. Schools known only by their three counts get share tests on
/// all three signs. Every test has two nulls: one over the region's schools (a school-wide habit) and one over
/// the region's classes, summed over the school's own classes (each teacher's habit; it matters for schools of
/// one small class). A unit's p-value is the larger of the two, so it is valid when either describes honest
/// marking.
public struct JournalGap: Indicator {
    public let code = IndicatorCode.journal

    public init() {}

    /// One school's units on one work: the whole and per class.
    struct SchoolUnits {
        var key: SchoolWorkKey
        var whole: JournalUnit
        var classes: [(label: String, unit: JournalUnit)]
        var participants: Int
    }

    /// The region's nulls on one work.
    struct WorkNulls {
        var school: RegionJournalNull
        var classes: RegionJournalNull
        var schoolGap: RegionGapNull
        var classGap: RegionGapNull
        /// The nulls' fitted figures per direction, built once: every test of the work carries them, and copies
        /// of one array share their names instead of formatting them again for each test.
        let shareFigures: [JournalDirection: [Figure]]
        let gapFigures: [JournalDirection: [Figure]]

        init(school: RegionJournalNull, classes: RegionJournalNull, schoolGap: RegionGapNull, classGap: RegionGapNull) {
            self.school = school
            self.classes = classes
            self.schoolGap = schoolGap
            self.classGap = classGap
            var share: [JournalDirection: [Figure]] = [:], gap: [JournalDirection: [Figure]] = [:]
            for d in JournalDirection.allCases {
                share[d] = school.figures(d) + classes.figures(d, prefix: "class")
                gap[d] = schoolGap.figures(d) + classGap.figures(d, prefix: "class")
            }
            shareFigures = share
            gapFigures = gap
        }
    }

    /// What the class-level tests of one work need from the region: the model its students are standardised
    /// by and the class nulls.
    struct ClassBasis: Sendable {
        var work: Work
        var model: MarkModel
        var nulls: WorkNulls
    }

    public func evaluation(_ context: AnalysisContext) -> IndicatorEvaluation {
        let config = context.config.journal
        var tests: [IndicatorTest] = []
        var pooled: [String: [(SchoolUnits, WorkNulls)]] = [:]
        var bases: [ClassBasis] = []
        // Units of every work first: the run's pooled spread of the gap bounds each work's from below.
        let units = context.works.map { work -> (work: Work, schools: [SchoolUnits], model: MarkModel?) in
            let keys = context.keys(of: work)
            let groups = keys.map { context.results($0) }
            guard !keys.contains(where: { context.dataset.journalShares[$0] != nil }) else {
                return (work, shareUnits(keys, groups, context: context), nil)
            }
            let model = MarkModel(groups: groups)
            return (work, zip(keys, groups).map { markUnit($0, $1, model: model) }, model)
        }
        let floor = RegionGapNull.pooledSpread(units.map { $0.schools.map(\.whole) }, minStudents: config.minStudents)
        for (work, schools, model) in units {
            // Without each participant's marks there are no classes to compare: the class nulls stay empty.
            let classUnits = model == nil ? [] : schools.flatMap { $0.classes.map(\.unit) }
            let nulls = WorkNulls(
                school: RegionJournalNull(units: schools.map(\.whole), minStudents: config.minStudents),
                classes: RegionJournalNull(units: classUnits, minStudents: config.minStudents),
                schoolGap: RegionGapNull(units: schools.map(\.whole), minStudents: config.minStudents, floor: floor),
                classGap: RegionGapNull(units: classUnits, minStudents: config.minStudents))
            if let model { bases.append(ClassBasis(work: work, model: model, nulls: nulls)) }
            let kappaNull = RegionKappaNull(tables: schools.map(\.whole.comparison.table), minStudents: config.minStudents)
            for s in schools {
                pooled[s.key.schoolID, default: []].append((s, nulls))
                for d in JournalDirection.allCases {
                    let schoolGap = nulls.schoolGap.expectation(s.whole, d)
                    let classGap = nulls.classGap.expectation(classes: s.classes.map(\.unit), d)
                    var test = wholeTest(s.whole, d, nulls: nulls, schoolGap: schoolGap, classGap: classGap,
                                         shareComponents: nulls.classes.components(s.classes.map(\.unit), d),
                                         scope: .schoolWork, schoolID: s.key.schoolID, work: work,
                                         participants: s.participants, config: config)
                    test.figures += kappaNull.figures(for: s.whole.comparison.table)
                    tests.append(test)
                }
            }
        }
        tests.append(contentsOf: pooledTests(pooled, context: context, config: config))
        let classBases = bases
        return IndicatorEvaluation(tests: tests) { schools in
            classTests(classBases, schools: schools, context: context)
        }
    }

    /// The class-level tests of the given schools' works with more than one class: each class against the
    /// region's classes, on the gap where it has one, else on the share.
    func classTests(_ bases: [ClassBasis], schools: Set<String>?, context: AnalysisContext) -> [IndicatorTest] {
        let config = context.config.journal
        var tests: [IndicatorTest] = []
        for basis in bases {
            for key in context.keys(of: basis.work, among: schools) {
                let s = markUnit(key, context.results(key), model: basis.model)
                guard s.classes.count > 1 else { continue }
                for (label, unit) in s.classes {
                    for d in JournalDirection.allCases {
                        let gap = basis.nulls.classGap.expectation(unit, d)
                        let shareP = basis.nulls.classes.pValue(unit, d)
                        let test = gap.map { makeGapTest(unit, d, p: $0.upperTail(unit.gapSum[d]!), centre: $0.shift / Double(unit.comparison.total),
                                                         sharePValue: shareP, scope: .classGroup, schoolID: key.schoolID,
                                                         work: basis.work, classLabel: label, participants: unit.comparison.total, config: config) }
                            ?? makeTest(unit, d, p: shareP, scope: .classGroup, schoolID: key.schoolID, work: basis.work,
                                        classLabel: label, participants: unit.comparison.total, config: config)
                        tests.append(test)
                    }
                }
            }
        }
        return tests
    }

    /// The test of a school's whole unit (one work, or all works pooled): on the gap where the unit has it,
    /// else on the share; each against the school null and the sum of its classes under the class null.
    func wholeTest(_ whole: JournalUnit, _ d: JournalDirection, nulls: WorkNulls, schoolGap: RegionGapNull.Expectation?,
                   classGap: RegionGapNull.Expectation?, shareComponents: [BetaBinomialSum.Component]?, scope: TestScope,
                   schoolID: String, work: Work?, participants: Int, config: JournalConfig) -> IndicatorTest {
        let shareP = larger(nulls.school.pValue(whole, d),
                            shareComponents.map { BetaBinomialSum.upperTail(whole.comparison.count(d), components: $0) })
        guard let schoolGap else {
            var test = makeTest(whole, d, p: shareP, scope: scope, schoolID: schoolID, work: work, classLabel: nil,
                                participants: participants, config: config)
            test.figures += nulls.shareFigures[d]!
            return test
        }
        let sum = whole.gapSum[d]!
        let p = larger(schoolGap.upperTail(sum), classGap.map { $0.upperTail(sum) })!
        var test = makeGapTest(whole, d, p: p, centre: schoolGap.shift / Double(whole.comparison.total), sharePValue: shareP,
                               scope: scope, schoolID: schoolID, work: work, classLabel: nil, participants: participants,
                               config: config)
        test.figures += [Figure("gap_z_school_null", schoolGap.z(sum))]
        if let classGap { test.figures.append(Figure("gap_z_class_null", classGap.z(sum))) }
        test.figures += nulls.gapFigures[d]!
        return test
    }

    /// The region's standardisation of a work whose participants all carry both marks.
    struct MarkModel: Sendable {
        var rates: JournalRates
        var gap: JournalGapModel?

        init(groups: [ResultRows]) {
            rates = JournalRates(groups: groups)
            gap = JournalGapModel(groups: groups, levels: groups.map { [rates] in rates.level($0.markRecords) })
        }
    }

    /// One school's units on a work standardised by mark: the whole and per class.
    func markUnit(_ key: SchoolWorkKey, _ results: ResultRows, model: MarkModel) -> SchoolUnits {
        let level = model.rates.level(results.markRecords)
        let table = results.base
        let byClass = Dictionary(grouping: results.indices, by: { table.classLabel(at: $0) })
        return SchoolUnits(key: key, whole: JournalUnit(results.markRecords, rates: model.rates, gap: model.gap,
                                                        gapLevel: level),
                           classes: byClass.keys.sorted().map {
                               ($0, JournalUnit(byClass[$0]!.lazy.map(table.markRecord(at:)), rates: model.rates,
                                                gap: model.gap, gapLevel: level))
                           },
                           participants: results.count)
    }

    /// Units of a work where some schools give only the three journal counts: every school is compared
    /// by its counts under the school-level model, so the region's null is the same for all.
    func shareUnits(_ keys: [SchoolWorkKey], _ groups: [ResultRows], context: AnalysisContext) -> [SchoolUnits] {
        let scores = groups.joined().map { Double($0.primaryScore) }
        let mean = scores.isEmpty ? 0 : Descriptive.mean(scores)
        let sd = scores.count > 1 ? max(Descriptive.standardDeviation(scores), 1e-9) : 1
        let inputs = zip(keys, groups).map { key, results -> (comparison: JournalComparison, level: Double) in
            let level = results.isEmpty ? 0 : results.reduce(0.0) { $0 + (Double($1.primaryScore) - mean) / sd } / Double(results.count)
            return (context.dataset.journalShares[key] ?? JournalComparison(results), level)
        }
        let rates = JournalShareRates(units: inputs)
        return zip(keys, zip(groups, inputs)).map { key, pair in
            SchoolUnits(key: key, whole: JournalUnit(shares: pair.1.comparison, level: pair.1.level, rates: rates),
                        classes: [], participants: pair.0.count)
        }
    }

    /// The school as a whole: its counts, residuals and expectations summed over works, against the region's
    /// schools summed the same way and against the sum of its classes under each work's class null.
    func pooledTests(_ pooled: [String: [(SchoolUnits, WorkNulls)]], context: AnalysisContext,
                     config: JournalConfig) -> [IndicatorTest] {
        let schoolIDs = context.schoolIDs.filter { (pooled[$0]?.count ?? 0) > 1 }
        let wholes = schoolIDs.map { id in pooled[id]!.reduce(JournalUnit()) { $0 + $1.0.whole } }
        let nulls = WorkNulls(
            school: RegionJournalNull(units: wholes, minStudents: config.minStudents),
            classes: RegionJournalNull(units: [], minStudents: config.minStudents),
            schoolGap: RegionGapNull(units: wholes, minStudents: config.minStudents),
            classGap: RegionGapNull(units: [], minStudents: config.minStudents))
        var tests: [IndicatorTest] = []
        for (schoolID, whole) in zip(schoolIDs, wholes) {
            let parts = pooled[schoolID]!.filter { $0.0.whole.comparison.total > 0 }
            let participants = pooled[schoolID]!.reduce(0) { $0 + $1.0.participants }
            for d in JournalDirection.allCases {
                var shareComponents: [BetaBinomialSum.Component]? = []
                var classGap: RegionGapNull.Expectation? = RegionGapNull.Expectation()
                for (s, workNulls) in parts {
                    let units = s.classes.map(\.unit)
                    if let c = workNulls.classes.components(units, d) { shareComponents? += c } else { shareComponents = nil }
                    if let e = workNulls.classGap.expectation(classes: units, d) { classGap = classGap.map { $0 + e } } else { classGap = nil }
                }
                let test = wholeTest(whole, d, nulls: nulls, schoolGap: nulls.schoolGap.expectation(whole, d),
                                     classGap: classGap, shareComponents: shareComponents, scope: .school,
                                     schoolID: schoolID, work: nil, participants: participants, config: config)
                tests.append(test)
            }
        }
        return tests
    }

    /// The larger of two p-values where available; nil when neither is.
    func larger(_ a: Double?, _ b: Double?) -> Double? {
        switch (a, b) {
        case let (x?, y?): return max(x, y)
        case let (x?, nil): return x
        case let (nil, y?): return y
        default: return nil
        }
    }
}
