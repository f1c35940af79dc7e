/// A minimal Windows-1251 encoder and decoder (the encoding of Russian Excel exports).
public enum CP1251 {
    /// Unicode scalars of bytes 0x80–0xBF; 0xC0–0xFF are А…я (U+0410…U+044F). 0x98 is unassigned.
    static let upperHalf: [UInt32] = [
        0x0402, 0x0403, 0x201A, 0x0453, 0x201E, 0x2026, 0x2020, 0x2021, 0x20AC, 0x2030, 0x0409, 0x2039, 0x040A, 0x040C, 0x040B, 0x040F,
        0x0452, 0x2018, 0x2019, 0x201C, 0x201D, 0x2022, 0x2013, 0x2014, 0xFFFD, 0x2122, 0x0459, 0x203A, 0x045A, 0x045C, 0x045B, 0x045F,
        0x00A0, 0x040E, 0x045E, 0x0408, 0x00A4, 0x0490, 0x00A6, 0x00A7, 0x0401, 0x00A9, 0x0404, 0x00AB, 0x00AC, 0x00AD, 0x00AE, 0x0407,
        0x00B0, 0x00B1, 0x0406, 0x0456, 0x0491, 0x00B5, 0x00B6, 0x00B7, 0x0451, 0x2116, 0x0454, 0x00BB, 0x0458, 0x0405, 0x0455, 0x0457,
    ]

    static let encodeTable: [UInt32: UInt8] = {
        var table: [UInt32: UInt8] = [:]
        for (i, u) in upperHalf.enumerated() where u != 0xFFFD { table[u] = UInt8(0x80 + i) }
        return table
    }()

    /// Encodes text; a character with no Windows-1251 byte becomes `?`.
    public static func encode(_ text: String) -> [UInt8] {
        var out: [UInt8] = []
        out.reserveCapacity(text.unicodeScalars.count)
        for scalar in text.unicodeScalars {
            let v = scalar.value
            if v < 0x80 { out.append(UInt8(v)) }
            else if (0x0410...0x044F).contains(v) { out.append(UInt8(v - 0x0410 + 0xC0)) }
            else if let b = encodeTable[v] { out.append(b) }
            else { out.append(0x3F) }
        }
        return out
    }

    /// Decodes Windows-1251 bytes.
    public static func decode(_ bytes: [UInt8]) -> String {
        var s = String.UnicodeScalarView()
        for b in bytes {
            let v: UInt32 = b < 0x80 ? UInt32(b) : b >= 0xC0 ? UInt32(b) - 0xC0 + 0x0410 : upperHalf[Int(b) - 0x80]
            s.append(Unicode.Scalar(v)!)
        }
        return String(s)
    }
}
