/// The Russian sentence of a test, built when it is read: a run holds a test per unit, indicator and direction
/// (millions at national scale), and the reports read the sentences of the risk group and a requested school only.
/// An indicator hands over a closure that captures the few numbers the sentence quotes (never a unit's arrays),
/// so an unread sentence costs one small allocation instead of its formatted text.
public struct Explanation: Sendable {
    private let make: (@Sendable () -> String)?

    /// A sentence built from captured numbers when read.
    public init(_ make: @escaping @Sendable () -> String) { self.make = make }

    /// A sentence already written; "" is stored without a closure.
    public init(text: String) {
        if text.isEmpty { make = nil } else { make = { @Sendable in text } }
    }

    public var text: String { make?() ?? "" }
}

extension Explanation: Hashable {
    public static func == (a: Explanation, b: Explanation) -> Bool { a.text == b.text }
    public func hash(into hasher: inout Hasher) { hasher.combine(text) }
}

extension Explanation: Codable {
    public init(from decoder: Decoder) throws { self.init(text: try decoder.singleValueContainer().decode(String.self)) }

    public func encode(to encoder: Encoder) throws {
        var c = encoder.singleValueContainer()
        try c.encode(text)
    }
}
