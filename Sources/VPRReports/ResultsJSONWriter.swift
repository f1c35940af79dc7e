import Foundation
import VPRAnalysis

/// `results.json`: every figure behind every flag, for machines. Schools of the risk group carry every test
/// with its figures, series and explanation; other schools carry the decision and, compactly, the tests that
/// reached p < 0.05 (so a national run stays a file of megabytes, not gigabytes).
public struct ResultsJSONWriter: StreamingReportWriter {
    public let fileName = "results.json"
    public init() {}

    struct Input: Encodable {
        var folder: String
        var files: [FileSummary]
        var rowsRead: Int, rowsUsed: Int, rowsRejected: Int, rowsAbsent: Int
    }

    struct SchoolEntry: Encodable {
        var school: School
        var riskGroup: Bool
        var riskScore: Int
        var categories: [RiskCategory]
        var flaggedWorks: [Work]
        var indicators: [IndicatorCode]
        var participants: Int
        var schoolPValue: Double
        var schoolQValue: Double
        /// Every test of a risk-group school, deciding and explanatory; nil for other schools.
        var tests: [IndicatorTest]?
        /// For schools outside the risk group: their deciding tests with p < 0.05, without figures and texts
        /// (class-level tests are built for the risk group and a requested school only).
        var notableTests: [TestSummary]?
    }

    /// A test in brief: what was tested, where, and what came out.
    struct TestSummary: Encodable {
        var code: IndicatorCode
        var direction: String
        var scope: TestScope
        var work: Work?
        var classLabel: String?
        var statistic: Double
        var pValue: Double
        var schoolAdjustedP: Double?
        var effectSize: Double
        var eligible: Bool
        var material: Bool
        var significant: Bool

        init(_ t: IndicatorTest) {
            code = t.code; direction = t.direction; scope = t.scope; work = t.work; classLabel = t.classLabel
            statistic = t.statistic; pValue = t.pValue; schoolAdjustedP = t.schoolAdjustedP; effectSize = t.effectSize
            eligible = t.eligible; material = t.material; significant = t.significant
        }
    }

    /// The p-value below which a test of a school outside the risk group is listed.
    static let notableP = 0.05

    public func write(_ model: ReportModel, to sink: ByteSink) throws {
        let input = Input(folder: model.options.inputName, files: model.ingest.files,
                          rowsRead: model.totals.read, rowsUsed: model.totals.used,
                          rowsRejected: model.totals.rejected, rowsAbsent: model.totals.absent)
        let assessments = model.analysis.schools
        // The document is written member by member and school by school, each part encoded on its own,
        // indented into place and written out, so that only one school's tree and bytes exist at a time (one tree for the whole
        // document took several times the file's size). The bytes are those of encoding the document at once:
        // members in sorted order, as `.sortedKeys` gives them.
        var out = JSONPieces(encoder: Self.encoder(), sink: sink)
        try out.open()
        try out.member("config", model.analysis.config)
        try out.member("date", model.options.date)
        try out.member("diagnostics", model.ingest.diagnostics)
        try out.member("engineVersion", model.options.engineVersion)
        try out.member("findings", model.ingest.findings)
        try out.member("format", Self.format)
        try out.member("input", input)
        try out.member("limitations", model.analysis.limitations)
        try out.arrayMember("schools", count: assessments.count) { Self.entry(assessments[$0], model: model) }
        try out.member("works", model.analysis.works, last: true)
        try out.close()
    }

    static let format = "vpr-analyzer/results/3"

    static func entry(_ a: SchoolAssessment, model: ReportModel) -> SchoolEntry {
        SchoolEntry(school: a.school, riskGroup: a.riskGroup, riskScore: a.riskScore, categories: a.categories,
                    flaggedWorks: a.flaggedWorks, indicators: a.indicators, participants: a.participants,
                    schoolPValue: a.schoolPValue, schoolQValue: a.schoolQValue,
                    tests: a.riskGroup ? model.analysis.tests(of: a.school.id) : nil,
                    notableTests: a.riskGroup ? nil : model.analysis.tests(of: a.school.id)
                        .filter { $0.pValue < Self.notableP }.map(TestSummary.init))
    }

    static func encoder() -> JSONEncoder {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        encoder.nonConformingFloatEncodingStrategy = .convertToString(
            positiveInfinity: "Infinity", negativeInfinity: "-Infinity", nan: "NaN")
        return encoder
    }
}
