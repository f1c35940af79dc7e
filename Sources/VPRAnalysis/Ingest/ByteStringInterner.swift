/// Shares one `String` among equal byte sequences (school ids, class labels, subjects), so that
/// a repeated value is decoded once, not once per row. Lookups allocate nothing.
struct ByteStringInterner {
    private struct Entry {
        var bytes: [UInt8]
        var value: String
    }

    private var table: [UInt64: [Entry]] = [:]
    private var lastBytes: [UInt8] = []
    private var lastValue: String?

    /// The string for these bytes, made by `make` the first time they are seen.
    mutating func intern(_ bytes: UnsafeBufferPointer<UInt8>, make: (UnsafeBufferPointer<UInt8>) -> String) -> String {
        // Consecutive rows usually repeat the previous value.
        if let lastValue, lastBytes.count == bytes.count, lastBytes.elementsEqual(bytes) { return lastValue }
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in bytes {
            hash = (hash ^ UInt64(byte)) &* 0x0000_0100_0000_01B3
        }
        if let bucket = table[hash] {
            for entry in bucket where entry.bytes.count == bytes.count && entry.bytes.elementsEqual(bytes) {
                remember(entry.bytes, entry.value)
                return entry.value
            }
        }
        let value = make(bytes)
        let copy = Array(bytes)
        table[hash, default: []].append(Entry(bytes: copy, value: value))
        remember(copy, value)
        return value
    }

    private mutating func remember(_ bytes: [UInt8], _ value: String) {
        lastBytes = bytes
        lastValue = value
    }
}
