extension Array {
    /// The elements in a buffer of their own count. Arrays built by appending keep up to twice the room they need;
    /// a run keeps hundreds of thousands of tests, each with an array of figures, until its reports are written.
    func exactlySized() -> [Element] {
        guard capacity > count else { return self }
        return [Element](unsafeUninitializedCapacity: count) { buffer, initialized in
            _ = buffer.initialize(from: self)
            initialized = count
        }
    }
}
