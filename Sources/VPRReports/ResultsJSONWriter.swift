import Foundation
import VPRAnalysis

/// `results.json`: every figure behind every flag, for machines. Schools of the risk group carry every test
/// with its figures, series and explanation; other schools carry the decision and, compactly, the tests that
/// reached p < 0.05 (so a national run stays a file of megabytes, not gigabytes).
public struct ResultsJSONWriter: ReportWriter {
    public let fileName = "results.json"
    public init() {}

    struct Document: Encodable {
        var format = "vpr-analyzer/results/3"
        var engineVersion: String
        var date: String
        var input: Input
        var config: AnalysisConfig
        var works: [WorkSummary]
        var limitations: [IndicatorLimitation]
        var schools: [SchoolEntry]
        var findings: [QualityFinding]
        var diagnostics: [Diagnostic]
    }

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

    public func render(_ model: ReportModel) throws -> Data {
        let doc = Document(
            engineVersion: model.options.engineVersion, date: model.options.date,
            input: Input(folder: model.options.inputName, files: model.ingest.files,
                         rowsRead: model.totals.read, rowsUsed: model.totals.used,
                         rowsRejected: model.totals.rejected, rowsAbsent: model.totals.absent),
            config: model.analysis.config, works: model.analysis.works, limitations: model.analysis.limitations,
            schools: model.analysis.schools.map { a in
                SchoolEntry(school: a.school, riskGroup: a.riskGroup, riskScore: a.riskScore, categories: a.categories,
                            flaggedWorks: a.flaggedWorks, indicators: a.indicators, participants: a.participants,
                            schoolPValue: a.schoolPValue, schoolQValue: a.schoolQValue,
                            tests: a.riskGroup ? model.analysis.tests(of: a.school.id) : nil,
                            notableTests: a.riskGroup ? nil : model.analysis.tests(of: a.school.id)
                                .filter { $0.pValue < Self.notableP }.map(TestSummary.init))
            },
            findings: model.ingest.findings, diagnostics: model.ingest.diagnostics)
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        encoder.nonConformingFloatEncodingStrategy = .convertToString(
            positiveInfinity: "Infinity", negativeInfinity: "-Infinity", nan: "NaN")
        var data = try encoder.encode(doc)
        data.append(0x0A)
        return data
    }
}
