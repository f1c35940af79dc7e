extension IndicatorTest {
    /// A test's stored values, in the order `results.json` gives them.
    struct Fields: Hashable, Sendable, Codable {
        var code: IndicatorCode
        var direction: String
        var category: RiskCategory
        var scope: TestScope
        var schoolID: String
        var work: Work?
        var classLabel: String?
        var participants: Int
        var eligible: Bool
        var statisticName: String
        var statistic: Double
        var pValue: Double
        var effectName: String
        var effectSize: Double
        var material: Bool
        var explanationSource: Explanation
        var figures: [Figure]
        var series: [String: [Double]]
        var qValue: Double?
        var schoolAdjustedP: Double?
        var significant: Bool

        enum CodingKeys: String, CodingKey {
            case code, direction, category, scope, schoolID, work, classLabel, participants, eligible, statisticName,
                 statistic, pValue, effectName, effectSize, material, figures, series, qValue, schoolAdjustedP, significant
            case explanationSource = "explanation"
        }
    }

    /// The one heap box of a test's fields. Mutated only through `makeUnique()`, so a box shared by two copies is
    /// never changed under either of them.
    final class Storage: @unchecked Sendable {
        var fields: Fields

        init(_ fields: Fields) { self.fields = fields }
    }

    /// Gives this copy its own box before a change, when another copy shares it.
    mutating func makeUnique() {
        if !isKnownUniquelyReferenced(&storage) { storage = Storage(storage.fields) }
    }

    public static func == (a: IndicatorTest, b: IndicatorTest) -> Bool {
        a.storage === b.storage || a.storage.fields == b.storage.fields
    }

    public func hash(into hasher: inout Hasher) { storage.fields.hash(into: &hasher) }

    public init(from decoder: Decoder) throws { storage = Storage(try Fields(from: decoder)) }

    public func encode(to encoder: Encoder) throws { try storage.fields.encode(to: encoder) }
}
