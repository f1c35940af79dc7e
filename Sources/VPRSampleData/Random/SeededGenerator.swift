/// SplitMix64: a tiny, well-mixed generator used to seed xoshiro and to derive independent streams.
public struct SplitMix64: Sendable {
    public private(set) var state: UInt64

    public init(seed: UInt64) { state = seed }

    public mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }

    /// One-shot mix of a 64-bit value (the SplitMix64 finaliser).
    public static func mix(_ value: UInt64) -> UInt64 {
        var g = SplitMix64(seed: value)
        return g.next()
    }
}

/// xoshiro256**: the generator behind every random draw of the sample data.
///
/// Pure integer arithmetic, so a seed gives the same sequence on every platform.
/// All samplers (`SeededRandom`) use it directly; the standard library's random APIs are never used.
public struct Xoshiro256StarStar: Sendable {
    private var s0: UInt64, s1: UInt64, s2: UInt64, s3: UInt64

    public init(seed: UInt64) {
        var sm = SplitMix64(seed: seed)
        s0 = sm.next(); s1 = sm.next(); s2 = sm.next(); s3 = sm.next()
        if s0 | s1 | s2 | s3 == 0 { s0 = 1 }
    }

    /// An independent stream for a purpose: the seed mixed with a list of tags
    /// (e.g. `["school", "sch1003", "cohort", 2019]`). Same tags, same stream.
    public init(seed: UInt64, stream tags: [StreamTag]) {
        var h = SplitMix64.mix(seed ^ 0x5851_F42D_4C95_7F2D)
        for tag in tags {
            h = SplitMix64.mix(h ^ tag.bits &+ 0x2545_F491_4F6C_DD1D)
        }
        self.init(seed: h)
    }

    @inline(__always)
    private static func rotl(_ x: UInt64, _ k: UInt64) -> UInt64 { (x << k) | (x >> (64 - k)) }

    public mutating func next() -> UInt64 {
        let result = Self.rotl(s1 &* 5, 7) &* 9
        let t = s1 << 17
        s2 ^= s0; s3 ^= s1; s1 ^= s2; s0 ^= s3
        s2 ^= t
        s3 = Self.rotl(s3, 45)
        return result
    }
}

/// A tag naming a random stream: a string (hashed with FNV-1a over UTF-8, stable everywhere) or a number.
public struct StreamTag: Sendable, ExpressibleByStringLiteral, ExpressibleByIntegerLiteral {
    public let bits: UInt64

    public init(_ string: String) {
        var h: UInt64 = 0xCBF2_9CE4_8422_2325
        for byte in string.utf8 {
            h ^= UInt64(byte)
            h = h &* 0x0000_0100_0000_01B3
        }
        bits = h
    }
    public init(_ int: Int) { bits = UInt64(bitPattern: Int64(int)) &* 0x9E37_79B9_7F4A_7C15 ^ 0x1234_5678 }
    public init(stringLiteral value: String) { self.init(value) }
    public init(integerLiteral value: Int) { self.init(value) }
}
