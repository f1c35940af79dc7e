/// Shares one `String` among equal byte sequences (school ids, class labels, subjects), so that
/// a repeated value is decoded once, not once per row. Lookups allocate nothing.
struct ByteStringInterner {
    private struct Entry {
        var bytes: [UInt8]
        var index: Int
    }

    private(set) var values: [String] = []
    private var table: [UInt64: [Entry]] = [:]
    private var lastBytes: [UInt8] = []
    private var lastIndex = -1

    /// The string for these bytes, made by `make` the first time they are seen.
    mutating func intern(_ bytes: UnsafeBufferPointer<UInt8>, make: (UnsafeBufferPointer<UInt8>) -> String) -> String {
        values[index(bytes, make: make)]
    }

    /// The position in `values` of the value for these bytes, made by `make` the first time they are seen.
    private mutating func index(_ bytes: UnsafeBufferPointer<UInt8>, make: (UnsafeBufferPointer<UInt8>) -> String) -> Int {
        // Consecutive rows usually repeat the previous value.
        if lastIndex >= 0, lastBytes.count == bytes.count, lastBytes.elementsEqual(bytes) { return lastIndex }
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in bytes {
            hash = (hash ^ UInt64(byte)) &* 0x0000_0100_0000_01B3
        }
        if let bucket = table[hash] {
            for entry in bucket where entry.bytes.count == bytes.count && entry.bytes.elementsEqual(bytes) {
                lastBytes = entry.bytes
                lastIndex = entry.index
                return entry.index
            }
        }
        let copy = Array(bytes)
        let index = values.count
        values.append(make(bytes))
        table[hash, default: []].append(Entry(bytes: copy, index: index))
        lastBytes = copy
        lastIndex = index
        return index
    }
}
