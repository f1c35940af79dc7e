import Foundation

/// `BOUNDARY`: excess of papers exactly at the lowest score of a mark and a deficit just below it,
/// against the school's own counterfactual distribution.
///
/// For each boundary b (lowest score of marks 3, 4, 5) and its window of cells {b − w, …, b} (w = 2 by
/// default: a pulled paper was one or two points short), the count at b given the window's total is
/// binomial with p_b = f(b) / Σ f(window) under the counterfactual f (`SchoolScoreCounterfactual`), or with
/// the share the school's peers of similar level show at b (`PeerScoreShape`) when the peers pile up at b
/// significantly more than f says: the smooth counterfactual cannot know that a work's task structure puts
/// strong students onto one score ("all but the last two-point task"), the peers do. The statistic is the number of papers at the boundaries, summed over
/// the boundaries (and, for the pooled school test, over works); its exact null is a sum of binomials.
public struct BoundarySpike: Indicator {
    public let code = IndicatorCode.boundary

    public init() {}

    /// Observed and expected counts at one boundary of one (school, work).
    struct Cell {
        var boundary: Int
        var below: Int
        var at: Int
        var probabilityAt: Double
        var trials: Int { below + at }
        var expectedAt: Double { Double(trials) * probabilityAt }
    }

    /// Every unit's tests decide: the indicator has no class-level tests.
    public func evaluation(_ context: AnalysisContext) -> IndicatorEvaluation {
        IndicatorEvaluation(tests: decidingTests(context))
    }

    func decidingTests(_ context: AnalysisContext) -> [IndicatorTest] {
        let config = context.config.boundary
        var tests: [IndicatorTest] = []
        var cellsBySchool: [String: [(Work, [Cell])]] = [:]
        for work in context.works {
            let scale = context.scale(work)
            let keys = context.keys(of: work)
            let histograms = keys.map(context.histogram)
            var region = [Int](repeating: 0, count: scale.maxScore + 1)
            for h in histograms { for s in h.indices { region[s] += h[s] } }
            let shape = RegionScoreShape.fit(histogram: region, scale: scale, maxDegree: config.maxPolynomialDegree,
                                             cellsBelow: config.cellsBelowBoundary)
            let peerShape = PeerScoreShape(histograms: histograms)
            let cellNames = Dictionary(scale.boundaries.map { ($0, Self.figureNames(boundary: $0)) }) { a, _ in a }
            for (index, (key, histogram)) in zip(keys, histograms).enumerated() {
                let peers = peerShape.peers(of: index, minPapers: config.minPeerPapers, minSchools: config.minPeerSchools)
                let counterfactual = SchoolScoreCounterfactual.fit(
                    histogram: histogram, shape: shape, priorPrecision: config.tiltPriorPrecision)
                let f = counterfactual.probabilities
                let cells = scale.boundaries.filter { $0 >= 1 && $0 < histogram.count }.map { b -> Cell in
                    let below = max(0, b - config.cellsBelowBoundary)..<b
                    let mass = below.reduce(f[b]) { $0 + f[$1] }
                    let modelShare = f[b] / mass
                    let share = peers.map {
                        PeerScoreShape.boundedShare(modelShare, peers: $0, boundary: b, cellsBelow: config.cellsBelowBoundary,
                                                    lumpPValue: config.peerLumpPValue)
                    } ?? modelShare
                    return Cell(boundary: b, below: below.reduce(0) { $0 + histogram[$1] }, at: histogram[b],
                                probabilityAt: share)
                }
                cellsBySchool[key.schoolID, default: []].append((work, cells))
                let n = histogram.reduce(0, +)
                var test = makeTest(cells: cells, scope: .schoolWork, schoolID: key.schoolID, work: work,
                                    participants: n, config: config, cellNames: cellNames)
                test.series = ["observed": histogram.map(Double.init), "counterfactual": f.map { $0 * Double(n) }]
                tests.append(test)
            }
        }
        for schoolID in context.schoolIDs {
            let perWork = cellsBySchool[schoolID] ?? []
            guard perWork.count > 1 else { continue }
            let participants = context.keys(ofSchool: schoolID).reduce(0) { $0 + (context.groups[$1]?.count ?? 0) }
            tests.append(makeTest(cells: perWork.flatMap(\.1), scope: .school, schoolID: schoolID, work: nil,
                                  participants: participants, config: config))
        }
        return tests
    }

    /// The names of one boundary's figures.
    struct CellNames {
        var below: String
        var at: String
        var expectedAt: String
    }

    static func figureNames(boundary b: Int) -> CellNames {
        CellNames(below: "boundary_\(b)_below", at: "boundary_\(b)_at", expectedAt: "boundary_\(b)_expected_at")
    }

    /// `cellNames`: the figure names of the work's boundaries, formatted once per work so that the tests share them.
    func makeTest(cells: [Cell], scope: TestScope, schoolID: String, work: Work?, participants: Int,
                  config: BoundaryConfig, cellNames: [Int: CellNames] = [:]) -> IndicatorTest {
        let atBoundary = cells.reduce(0) { $0 + $1.at }
        let belowBoundary = cells.reduce(0) { $0 + $1.below }
        let expected = cells.reduce(0.0) { $0 + $1.expectedAt }
        let pairs = atBoundary + belowBoundary
        let room = cells.reduce(0.0) { $0 + Double($1.trials) * (1 - $1.probabilityAt) }
        let excess = Double(atBoundary) - expected
        let pulledShare = room > 0 ? max(0, excess / room) : 0
        let p = pairs > 0
            ? BinomialSum.upperTail(atBoundary, trials: cells.map(\.trials), probabilities: cells.map(\.probabilityAt))
            : 1
        let eligible = pairs >= config.minPapersAtBoundaries
        var figures = [
            Figure("papers_at_boundaries", Double(atBoundary)),
            Figure("papers_just_below", Double(belowBoundary)),
            Figure("expected_at_boundaries", expected),
            Figure("excess_papers", excess),
            Figure("pulled_share", pulledShare),
        ]
        if scope == .schoolWork {
            for cell in cells {
                let names = cellNames[cell.boundary] ?? Self.figureNames(boundary: cell.boundary)
                figures.append(Figure(names.below, Double(cell.below)))
                figures.append(Figure(names.at, Double(cell.at)))
                figures.append(Figure(names.expectedAt, cell.expectedAt))
            }
        }
        let explanation = Explanation {
            let place = work.map { "в работе «\($0.title)»" } ?? "по всем работам ОО"
            return "Работ с минимальным баллом отметки \(place): \(atBoundary) при ожидаемых "
                + "\(RussianFormat.number(expected)) (на 1–2 балла ниже — \(belowBoundary)); так выглядит «дотягивание» "
                + "примерно \(RussianFormat.percent(pulledShare)) пограничных работ до отметки (\(RussianFormat.pValue(p)))."
        }
        return IndicatorTest(
            code: code, direction: "bunching", category: .vpr, scope: scope, schoolID: schoolID, work: work,
            participants: participants, eligible: eligible,
            statisticName: "число работ на границах отметок", statistic: Double(atBoundary), pValue: p,
            effectName: "доля подтянутых пограничных работ", effectSize: pulledShare,
            material: pulledShare >= config.minPulledShare, explanation: explanation, figures: figures)
    }
}
