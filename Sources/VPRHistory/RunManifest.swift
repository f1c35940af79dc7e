import Foundation
import VPRAnalysis
import VPRReports

/// Everything needed to regenerate a run's reports: engine version, options, configuration, and the
/// checksum and row counts of every input file.
public struct RunManifest: Sendable, Hashable, Codable {
    /// One input file as the run read it.
    public struct InputFile: Sendable, Hashable, Codable {
        public var name: String
        public var sha256: String
        public var size: Int64
        public var rowsRead: Int
        public var rowsUsed: Int
        public var rowsRejected: Int

        public init(name: String, sha256: String, size: Int64, rowsRead: Int, rowsUsed: Int, rowsRejected: Int) {
            self.name = name
            self.sha256 = sha256
            self.size = size
            self.rowsRead = rowsRead
            self.rowsUsed = rowsUsed
            self.rowsRejected = rowsRejected
        }
    }

    public var options: ReportOptions
    public var config: AnalysisConfig
    /// The input folder as given on the command line.
    public var inputFolder: String
    /// The school whose dossier the run also wrote (`--school`), if any.
    public var dossierSchool: String?
    public var files: [InputFile]

    public init(options: ReportOptions, config: AnalysisConfig, inputFolder: String, dossierSchool: String?,
                files: [InputFile]) {
        self.options = options
        self.config = config
        self.inputFolder = inputFolder
        self.dossierSchool = dossierSchool
        self.files = files
    }

    /// The manifest of a run about to be recorded: checksums of the files the ingest read in `folder`.
    public static func make(options: ReportOptions, config: AnalysisConfig, folder: URL, dossierSchool: String?,
                            files: [FileSummary]) throws -> RunManifest {
        let inputs = try files.map { f -> InputFile in
            let url = folder.appendingPathComponent(f.file)
            let size = ((try? FileManager.default.attributesOfItem(atPath: url.path))?[.size] as? Int64) ?? 0
            return InputFile(name: f.file, sha256: try FileChecksum.sha256(of: url), size: size,
                             rowsRead: f.rowsRead, rowsUsed: f.rowsUsed, rowsRejected: f.rowsRejected)
        }
        return RunManifest(options: options, config: config, inputFolder: options.inputName, dossierSchool: dossierSchool,
                           files: inputs)
    }
}
