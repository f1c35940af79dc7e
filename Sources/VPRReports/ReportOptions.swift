/// What the writers need besides the analysis: the report date and where the input came from.
public struct ReportOptions: Hashable, Sendable {
    /// ISO date printed in the reports (`--date`), so that outputs are reproducible.
    public var date: String
    /// How the input folder is named in the reports.
    public var inputName: String
    public var engineVersion: String

    public init(date: String, inputName: String, engineVersion: String = EngineVersion.current) {
        self.date = date
        self.inputName = inputName
        self.engineVersion = engineVersion
    }
}

/// The version of the analysis engine written into every output.
public enum EngineVersion {
    public static let current = "0.1.0"
}
