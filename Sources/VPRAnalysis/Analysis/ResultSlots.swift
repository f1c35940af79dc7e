import Foundation

/// Fixed slots that parallel workers fill by index, so results come back in input order.
public final class ResultSlots<Value: Sendable>: @unchecked Sendable {
    private var storage: [Value?]
    private let lock = NSLock()

    public init(count: Int) { storage = Array(repeating: nil, count: count) }

    public func set(_ index: Int, _ value: Value) {
        lock.lock(); defer { lock.unlock() }
        storage[index] = value
    }

    public var values: [Value?] {
        lock.lock(); defer { lock.unlock() }
        return storage
    }

    /// Moves the values out, leaving the slots empty: the caller then holds the only copy.
    public func take() -> [Value?] {
        lock.lock(); defer { lock.unlock() }
        let taken = storage
        storage = Array(repeating: nil, count: storage.count)
        return taken
    }
}
