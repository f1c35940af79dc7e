/// What the writers need besides the analysis: the report date and where the input came from.
public struct ReportOptions: Hashable, Sendable, Codable {
    /// ISO date printed in the reports (`--date`), so that outputs are reproducible.
    public var date: String
    /// How the input folder is named in the reports.
    public var inputName: String
    public var engineVersion: String
    /// The education authority whose order the report is attached to (`--authority`), in the genitive
    /// case as it follows «к приказу»: «Управления образования».
    public var authority: String
    /// Number of the order (`--order-number`); blank means a line to fill in by hand.
    public var orderNumber: String
    /// Date of the order (`--order-date`), as it should be printed; blank means a line to fill in.
    public var orderDate: String
    /// Appendix number (`--appendix`), e.g. «1»; blank prints just «Приложение».
    public var appendix: String
    /// Base seed of the random control sample in `recheck-list` (`--recheck-seed`), written into the file.
    public var recheckSeed: UInt64

    public static let defaultAuthority = "Управления образования"
    public static let defaultRecheckSeed: UInt64 = 20250101

    public init(date: String, inputName: String, engineVersion: String = EngineVersion.current,
                authority: String = ReportOptions.defaultAuthority, orderNumber: String = "",
                orderDate: String = "", appendix: String = "", recheckSeed: UInt64 = ReportOptions.defaultRecheckSeed) {
        self.date = date
        self.inputName = inputName
        self.engineVersion = engineVersion
        self.authority = authority
        self.orderNumber = orderNumber
        self.orderDate = orderDate
        self.appendix = appendix
        self.recheckSeed = recheckSeed
    }
}

/// The version of the analysis engine written into every output.
public enum EngineVersion {
    public static let current = "0.1.0"
}
