/// Strict, incremental UTF-8 validation (no overlong forms, surrogates or values above U+10FFFF),
/// fed in chunks so a sequence may straddle a chunk boundary.
struct UTF8Validator: Sendable {
    private var pending = 0
    private var lowerBound: UInt8 = 0x80
    private var upperBound: UInt8 = 0xBF
    private(set) var isValid = true
    private(set) var sawNonASCII = false

    /// True when the bytes so far end in the middle of a sequence.
    var isInsideSequence: Bool { pending > 0 }

    mutating func feed<C: Collection>(_ bytes: C) where C.Element == UInt8 {
        guard isValid else { return }
        for byte in bytes {
            if pending == 0 {
                if byte < 0x80 { continue }
                sawNonASCII = true
                lowerBound = 0x80
                upperBound = 0xBF
                switch byte {
                case 0xC2...0xDF: pending = 1
                case 0xE0: pending = 2; lowerBound = 0xA0
                case 0xE1...0xEC, 0xEE...0xEF: pending = 2
                case 0xED: pending = 2; upperBound = 0x9F
                case 0xF0: pending = 3; lowerBound = 0x90
                case 0xF1...0xF3: pending = 3
                case 0xF4: pending = 3; upperBound = 0x8F
                default:
                    isValid = false
                    return
                }
            } else {
                guard byte >= lowerBound && byte <= upperBound else {
                    isValid = false
                    return
                }
                lowerBound = 0x80
                upperBound = 0xBF
                pending -= 1
            }
        }
    }
}
