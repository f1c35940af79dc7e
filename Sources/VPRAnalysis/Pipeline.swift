import Foundation

/// The run, as typed stages: read and validate (`InputFolderReader`) → compute (indicators) →
/// decide (`RiskDecision`). Rendering is left to the report writers.
public struct Pipeline: Sendable {
    public var config: AnalysisConfig
    public var indicators: [any Indicator]

    public init(config: AnalysisConfig = AnalysisConfig(), indicators: [any Indicator] = Pipeline.standardIndicators) {
        self.config = config
        self.indicators = indicators
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
        var tests = computeIndicators(context)
        tests += HelpSignature().combine(tests, config: config.helpSignature)
        var participants: [String: Int] = [:]
        for r in dataset.results { participants[r.schoolID, default: 0] += 1 }
        let schools = context.schoolIDs.map { dataset.school($0) }
        let assessments = RiskDecision(config: config.decision)
            .decide(tests: &tests, schools: schools, participants: participants)
        var analysis = Analysis(config: config, works: summarize(context), schools: assessments, tests: tests)
        analysis.limitations = IndicatorLimitation.of(dataset, indicators: indicators.map(\.code) + [.helpSignature])
        return analysis
    }

    /// Runs the indicators on both cores; the result order does not depend on scheduling.
    func computeIndicators(_ context: AnalysisContext) -> [IndicatorTest] {
        let indicators = self.indicators
        let slots = ResultSlots<[IndicatorTest]>(count: indicators.count)
        DispatchQueue.concurrentPerform(iterations: indicators.count) { i in
            slots.set(i, indicators[i].evaluate(context))
        }
        // Each indicator's tests are moved into the one array and released at once, so the run never holds
        // two copies of every test.
        var perIndicator = slots.take()
        var tests: [IndicatorTest] = []
        // Room for the one combined HELP test per school that `analyze` appends next.
        tests.reserveCapacity(perIndicator.reduce(0) { $0 + ($1?.count ?? 0) } + context.schoolIDs.count)
        for i in perIndicator.indices {
            tests.append(contentsOf: perIndicator[i] ?? [])
            perIndicator[i] = nil
        }
        return tests
    }

    func summarize(_ context: AnalysisContext) -> [WorkSummary] {
        context.works.map { work in
            var marks = [0, 0, 0, 0], journal = JournalComparison(), total = 0, scoreSum = 0
            let keys = context.keys(of: work)
            for key in keys {
                for r in context.results(key) {
                    if (2...5).contains(r.mark) { marks[r.mark - 2] += 1 }
                    journal.add(r)
                    total += 1
                    scoreSum += r.primaryScore
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
