/// The Windows-1251 (CP1251) code page, written out by hand because Foundation on Linux
/// does not reliably provide it. Bytes below 0x80 are ASCII.
enum Windows1251 {
    /// Unicode scalar values of bytes 0x80…0xFF. 0x98 is unassigned and maps to U+0098, as WHATWG does.
    static let upperHalf: [UInt16] = [
        0x0402, 0x0403, 0x201A, 0x0453, 0x201E, 0x2026, 0x2020, 0x2021,
        0x20AC, 0x2030, 0x0409, 0x2039, 0x040A, 0x040C, 0x040B, 0x040F,
        0x0452, 0x2018, 0x2019, 0x201C, 0x201D, 0x2022, 0x2013, 0x2014,
        0x0098, 0x2122, 0x0459, 0x203A, 0x045A, 0x045C, 0x045B, 0x045F,
        0x00A0, 0x040E, 0x045E, 0x0408, 0x00A4, 0x0490, 0x00A6, 0x00A7,
        0x0401, 0x00A9, 0x0404, 0x00AB, 0x00AC, 0x00AD, 0x00AE, 0x0407,
        0x00B0, 0x00B1, 0x0406, 0x0456, 0x0491, 0x00B5, 0x00B6, 0x00B7,
        0x0451, 0x2116, 0x0454, 0x00BB, 0x0458, 0x0405, 0x0455, 0x0457,
    ] + (0x0410...0x044F).map { UInt16($0) }

    /// Decodes CP1251 bytes into a string. Every byte sequence is valid.
    static func decode<C: Collection>(_ bytes: C) -> String where C.Element == UInt8 {
        var utf8: [UInt8] = []
        utf8.reserveCapacity(bytes.count * 2)
        appendUTF8(of: bytes, to: &utf8)
        return String(decoding: utf8, as: UTF8.self)
    }

    /// Appends the UTF-8 form of CP1251 bytes.
    static func appendUTF8<C: Collection>(of bytes: C, to utf8: inout [UInt8]) where C.Element == UInt8 {
        for byte in bytes {
            if byte < 0x80 {
                utf8.append(byte)
                continue
            }
            let scalar = upperHalf[Int(byte) - 0x80]
            if scalar < 0x800 {
                utf8.append(UInt8(0xC0 | (scalar >> 6)))
                utf8.append(UInt8(0x80 | (scalar & 0x3F)))
            } else {
                utf8.append(UInt8(0xE0 | (scalar >> 12)))
                utf8.append(UInt8(0x80 | ((scalar >> 6) & 0x3F)))
                utf8.append(UInt8(0x80 | (scalar & 0x3F)))
            }
        }
    }

    /// Encodes a string as CP1251, or nil when a character has no CP1251 byte.
    static func encode(_ text: String) -> [UInt8]? {
        var bytes: [UInt8] = []
        bytes.reserveCapacity(text.unicodeScalars.count)
        for scalar in text.unicodeScalars {
            if scalar.value < 0x80 {
                bytes.append(UInt8(scalar.value))
            } else if let byte = reverse[UInt16(truncatingIfNeeded: scalar.value)], scalar.value <= 0xFFFF {
                bytes.append(byte)
            } else {
                return nil
            }
        }
        return bytes
    }

    private static let reverse: [UInt16: UInt8] = {
        var map: [UInt16: UInt8] = [:]
        for (offset, scalar) in upperHalf.enumerated() { map[scalar] = UInt8(0x80 + offset) }
        return map
    }()
}
