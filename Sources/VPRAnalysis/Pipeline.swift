import Foundation

/// The run, as typed stages: read and validate (`InputFolderReader`) → compute (indicators) →
/// decide (`RiskDecision`). Rendering is left to the report writers.
public struct Pipeline: Sendable {
    public var config: AnalysisConfig
    public var indicators: [any Indicator]
    /// Which schools get class-level tests, built after the decision (they explain a flag and never decide).
    public var classTests: ClassTestSelection

    public init(config: AnalysisConfig = AnalysisConfig(), indicators: [any Indicator] = Pipeline.standardIndicators,
                classTests: ClassTestSelection = .riskGroup()) {
        self.config = config
        self.indicators = indicators
        self.classTests = classTests
    }

    /// Every indicator of the engine, in report order.
    public static let standardIndicators: [any Indicator] = [
        BoundarySpike(), JournalGap(), HighAboveRegion(), InversionOfLevels(), Similarity(), PersonFit(), CohortDrop(),
    ]

    /// Reads and validates an input folder, then analyses it when it is usable.
    public func run(folder: URL) -> PipelineOutcome {
        let ingest = InputFolderReader().read(folder: folder)
        guard let dataset = ingest.dataset else { return PipelineOutcome(ingest: ingest, analysis: nil) }
        return PipelineOutcome(ingest: ingest, analysis: analyze(dataset))
    }

    /// Computes every indicator and decides the risk group for a validated dataset.
    public func analyze(_ dataset: Dataset) -> Analysis {
        let context = AnalysisContext(dataset: dataset, config: config)
        var (tests, evaluations) = computeIndicators(context)
        tests += HelpSignature().combine(tests, config: config.helpSignature)
        let participants = Self.participants(dataset.results)
        let schools = context.schoolIDs.map { dataset.school($0) }
        let assessments = RiskDecision(config: config.decision)
            .decide(tests: &tests, schools: schools, participants: participants)
        var analysis = Analysis(config: config, works: summarize(context), schools: assessments, tests: tests)
        tests = []
        analysis.insertClassTests(Self.classTests(evaluations, of: classTests.schools(riskGroup: analysis.riskGroup)))
        analysis.tallies = context.tallies
        analysis.limitations = IndicatorLimitation.of(dataset, indicators: indicators.map(\.code) + [.helpSignature])
        return analysis
    }

    /// Runs the indicators on both cores; the result order does not depend on scheduling. Returns the deciding
    /// tests of every indicator in one array, and the evaluations (emptied of their tests) for the class-level ones.
    func computeIndicators(_ context: AnalysisContext) -> (tests: [IndicatorTest], evaluations: [IndicatorEvaluation]) {
        let indicators = self.indicators
        let slots = ResultSlots<IndicatorEvaluation>(count: indicators.count)
        DispatchQueue.concurrentPerform(iterations: indicators.count) { i in
            slots.set(i, indicators[i].evaluation(context))
        }
        // Each indicator's tests are moved into the one array and released at once, so the run never holds
        // two copies of every test.
        var evaluations = slots.take().map { $0! }
        var tests: [IndicatorTest] = []
        // Room for the one combined HELP test per school that `analyze` appends next.
        tests.reserveCapacity(evaluations.reduce(0) { $0 + $1.tests.count } + context.schoolIDs.count)
        for i in evaluations.indices {
            tests.append(contentsOf: evaluations[i].tests)
            evaluations[i].tests = []
        }
        return (tests, evaluations)
    }

    /// The class-level tests of the given schools (nil: every school), indicator by indicator on both cores.
    static func classTests(_ evaluations: [IndicatorEvaluation], of schools: Set<String>?) -> [IndicatorTest] {
        let slots = ResultSlots<[IndicatorTest]>(count: evaluations.count)
        DispatchQueue.concurrentPerform(iterations: evaluations.count) { i in
            slots.set(i, evaluations[i].classTests(of: schools))
        }
        return slots.take().flatMap { $0 ?? [] }
    }

    /// Rows per school, counted by the rows' school positions.
    static func participants(_ results: ResultTable) -> [String: Int] {
        let schoolIDs = results.distinctSchoolIDs
        var counts = [Int](repeating: 0, count: schoolIDs.count)
        for i in results.indices { counts[results.schoolPosition(at: i)] += 1 }
        var participants: [String: Int] = [:]
        for (id, n) in zip(schoolIDs, counts) where n > 0 { participants[id, default: 0] += n }
        return participants
    }

    func summarize(_ context: AnalysisContext) -> [WorkSummary] {
        context.works.map { work in
            var marks = [0, 0, 0, 0], journal = JournalComparison(), total = 0, scoreSum = 0
            let keys = context.keys(of: work)
            for key in keys {
                let results = context.dataset.results
                for i in context.groups[key] ?? 0..<0 {
                    let mark = results.mark(at: i)
                    if (2...5).contains(mark) { marks[mark - 2] += 1 }
                    journal.add(mark: mark, journalMark: results.journalMark(at: i))
                    total += 1
                    scoreSum += results.primaryScore(at: i)
                }
            }
            return WorkSummary(work: work, scale: context.scale(work), schools: keys.count, participants: total,
                               marks: marks, meanPrimaryScore: total > 0 ? Double(scoreSum) / Double(total) : .nan,
                               journal: journal)
        }
    }
}

/// The outcome of a whole run: what ingest found, and the analysis when the input was usable.
public struct PipelineOutcome: Sendable {
    public var ingest: IngestOutcome
    public var analysis: Analysis?
}
