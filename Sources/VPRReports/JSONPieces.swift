import Foundation

/// A pretty-printed JSON object written member by member: each value is encoded on its own by the same
/// `JSONEncoder` and indented into place, giving the bytes the encoder would give for the whole object (with
/// `.prettyPrinted`, members passed in sorted order), without holding the whole object's tree at once.
/// Raw line breaks in the encoder's output are structural (line breaks inside strings are escaped), so
/// indenting the lines after each one is exact. Each piece goes to the sink as soon as it is made.
struct JSONPieces {
    let encoder: JSONEncoder
    let sink: ByteSink
    /// The piece being made.
    private var bytes: [UInt8] = []

    init(encoder: JSONEncoder, sink: ByteSink) {
        self.encoder = encoder
        self.sink = sink
    }

    mutating func open() throws {
        bytes.append(contentsOf: Array("{\n".utf8))
        try emit()
    }

    /// `"key" : value` at depth one, followed by a comma unless it is the last member.
    mutating func member<T: Encodable>(_ key: String, _ value: T, last: Bool = false) throws {
        try self.key(key)
        append(try encoder.encode(value), indent: 2)
        separator(last: last)
        try emit()
    }

    /// `"key" : [ … ]` at depth one, its `count` elements made one at a time by `element`.
    mutating func arrayMember<E: Encodable>(_ key: String, count: Int, last: Bool = false,
                                            element: (Int) -> E) throws {
        guard count > 0 else { return try member(key, [Int](), last: last) }
        try self.key(key)
        bytes.append(contentsOf: Array("[\n".utf8))
        for i in 0..<count {
            bytes.append(contentsOf: repeatElement(UInt8(ascii: " "), count: 4))
            append(try encoder.encode(element(i)), indent: 4)
            bytes.append(contentsOf: Array((i == count - 1 ? "\n" : ",\n").utf8))
            try emit()
        }
        bytes.append(contentsOf: Array("  ]".utf8))
        separator(last: last)
        try emit()
    }

    /// The object closed, with the final line break.
    mutating func close() throws {
        bytes.append(contentsOf: Array("}\n".utf8))
        try emit()
    }

    private mutating func emit() throws {
        try sink.write(bytes)
        bytes.removeAll(keepingCapacity: true)
    }

    private mutating func key(_ key: String) throws {
        bytes.append(contentsOf: repeatElement(UInt8(ascii: " "), count: 2))
        append(try encoder.encode(key), indent: 0)
        bytes.append(contentsOf: Array(" : ".utf8))
    }

    private mutating func separator(last: Bool) {
        bytes.append(contentsOf: Array((last ? "\n" : ",\n").utf8))
    }

    /// The encoder's bytes with every line after the first indented, empty lines (as in an empty array) left empty.
    private mutating func append(_ data: Data, indent: Int) {
        let newline = UInt8(ascii: "\n")
        var lineStart = false
        for byte in data {
            if lineStart && byte != newline { bytes.append(contentsOf: repeatElement(UInt8(ascii: " "), count: indent)) }
            bytes.append(byte)
            lineStart = byte == newline
        }
    }
}
