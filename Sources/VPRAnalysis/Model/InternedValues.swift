/// Equal values stored once, each named by its position: the columns of `ResultTable` hold these positions
/// instead of a copy of the value per row (a school id, a class label, a work repeat over thousands of rows).
struct InternedValues<Value: Hashable & Sendable>: Sendable {
    private(set) var values: [Value] = []
    private var positions: [Value: UInt32] = [:]
    private var last: (value: Value, position: UInt32)?

    /// The position of `value`, added the first time it is seen.
    mutating func position(of value: Value) -> UInt32 {
        // Consecutive rows usually repeat the previous value.
        if let last, last.value == value { return last.position }
        let p = lookUp(value)
        last = (value, p)
        return p
    }

    private mutating func lookUp(_ value: Value) -> UInt32 {
        if let p = positions[value] { return p }
        precondition(values.count < Int(UInt32.max), "too many distinct values")
        let p = UInt32(values.count)
        values.append(value)
        positions[value] = p
        return p
    }

    subscript(position: UInt32) -> Value { values[Int(position)] }
}
