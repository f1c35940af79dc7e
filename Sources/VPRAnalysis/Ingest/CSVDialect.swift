/// How a CSV file is written: its encoding, whether it starts with a byte-order mark, its separator.
struct CSVDialect: Sendable, Hashable {
    var encoding: TextEncodingKind
    var delimiter: UInt8

    /// Bytes to skip at the start of the file (the UTF-8 BOM).
    var bomLength: Int { encoding == .utf8BOM ? 3 : 0 }

    /// The separator as the summary shows it: `;`, `,` or a tab character.
    var delimiterText: String { String(UnicodeScalar(delimiter)) }

    /// The separator as a specialist reads it in a message.
    var delimiterRussianName: String {
        switch delimiter {
        case 0x3B: return "точка с запятой"
        case 0x2C: return "запятая"
        case 0x09: return "табуляция"
        default: return "«\(delimiterText)»"
        }
    }
}
