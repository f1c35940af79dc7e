import Foundation
import VPRAnalysis

/// `results.json`: every figure behind every flag, for machines.
public struct ResultsJSONWriter: ReportWriter {
    public let fileName = "results.json"
    public init() {}

    struct Document: Encodable {
        var format = "vpr-analyzer/results/1"
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
        /// Every test of the school, deciding and explanatory.
        var tests: [IndicatorTest]
    }

    public func render(_ model: ReportModel) throws -> Data {
        let testsBySchool = Dictionary(grouping: model.analysis.tests, by: \.schoolID)
        let doc = Document(
            engineVersion: model.options.engineVersion, date: model.options.date,
            input: Input(folder: model.options.inputName, files: model.ingest.files,
                         rowsRead: model.totals.read, rowsUsed: model.totals.used,
                         rowsRejected: model.totals.rejected, rowsAbsent: model.totals.absent),
            config: model.analysis.config, works: model.analysis.works, limitations: model.analysis.limitations,
            schools: model.analysis.schools.map { a in
                SchoolEntry(school: a.school, riskGroup: a.riskGroup, riskScore: a.riskScore, categories: a.categories,
                            flaggedWorks: a.flaggedWorks, indicators: a.indicators, participants: a.participants,
                            schoolPValue: a.schoolPValue, schoolQValue: a.schoolQValue, tests: testsBySchool[a.school.id] ?? [])
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
