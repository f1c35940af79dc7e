/// An input row that could not be used, kept with its reason so nothing is lost.
public struct RejectedRow: Hashable, Sendable, Codable {
    public var location: SourceLocation
    /// Russian reason («нет кода ОО», «участник отсутствовал»).
    public var reason: String
    /// The row's fields as read (decoded text), so a data steward can fix and resubmit it.
    public var fields: [String] {
        get { Self.unpack(packedFields) }
        set { packedFields = Self.pack(newValue) }
    }
    /// True when the row is not an error but a non-participant (absent).
    public var isAbsence: Bool
    /// The fields in one string, each as its UTF-8 length, «:» and its text. A national run keeps hundreds of
    /// thousands of rejected rows (mostly absent participants) until `rejected-rows.csv` is written; one string
    /// per row takes a fraction of an array of strings.
    private var packedFields: String

    public init(location: SourceLocation, reason: String, fields: [String], isAbsence: Bool = false) {
        self.location = location
        self.reason = reason
        self.packedFields = Self.pack(fields)
        self.isAbsence = isAbsence
    }

    enum CodingKeys: String, CodingKey { case location, reason, fields, isAbsence }

    public init(from decoder: Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        self.init(location: try c.decode(SourceLocation.self, forKey: .location), reason: try c.decode(String.self, forKey: .reason),
                  fields: try c.decode([String].self, forKey: .fields), isAbsence: try c.decode(Bool.self, forKey: .isAbsence))
    }

    public func encode(to encoder: Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(location, forKey: .location)
        try c.encode(reason, forKey: .reason)
        try c.encode(fields, forKey: .fields)
        try c.encode(isAbsence, forKey: .isAbsence)
    }

    static func pack(_ fields: [String]) -> String {
        var packed = ""
        packed.reserveCapacity(fields.reduce(0) { $0 + $1.utf8.count + 3 })
        for field in fields {
            packed += String(field.utf8.count)
            packed += ":"
            packed += field
        }
        return packed
    }

    static func unpack(_ packed: String) -> [String] {
        let bytes = Array(packed.utf8)
        var fields: [String] = []
        var i = 0
        while i < bytes.count {
            var length = 0
            while bytes[i] != UInt8(ascii: ":") {
                length = length * 10 + Int(bytes[i] - UInt8(ascii: "0"))
                i += 1
            }
            i += 1
            fields.append(String(decoding: bytes[i..<(i + length)], as: UTF8.self))
            i += length
        }
        return fields
    }
}
