/// Limits that protect the analyzer from oversized or malicious workbooks (zip bombs): a part of
/// the workbook larger than `maxEntrySize` once unpacked, or packed more densely than
/// `maxCompressionRatio`, is refused with a Russian message instead of exhausting memory.
public struct XLSXLimits: Sendable, Hashable {
    /// The largest unpacked size of one part (a sheet, the shared strings), in bytes.
    public var maxEntrySize: UInt64
    /// The largest unpacked-to-packed size ratio of a part bigger than `ratioCheckFrom` bytes.
    public var maxCompressionRatio: UInt64
    /// Parts smaller than this are not checked for their ratio (tiny XML packs very densely).
    public var ratioCheckFrom: UInt64

    public init(maxEntrySize: UInt64 = 512 << 20, maxCompressionRatio: UInt64 = 1000, ratioCheckFrom: UInt64 = 1 << 20) {
        self.maxEntrySize = maxEntrySize
        self.maxCompressionRatio = maxCompressionRatio
        self.ratioCheckFrom = ratioCheckFrom
    }
}
