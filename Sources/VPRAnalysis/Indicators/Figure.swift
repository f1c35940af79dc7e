/// A named number behind a flag (counts, shares, expected values), kept for `results.json` and the reports.
public struct Figure: Hashable, Sendable, Codable {
    public var name: String
    public var value: Double

    public init(_ name: String, _ value: Double) {
        self.name = name
        self.value = value
    }
}
