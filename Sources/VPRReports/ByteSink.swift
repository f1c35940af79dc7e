import Foundation

/// Where a writer puts a file's bytes as it makes them: a file, through a buffer of about a megabyte, or memory
/// (for `ReportWriter.render`). A national `results.json` is hundreds of megabytes; written through a file sink it
/// is never held whole. Used by one writer on one thread.
public final class ByteSink {
    private var buffer: [UInt8] = []
    private let handle: FileHandle?
    private var memory = Data()
    private var closed = false
    /// Bytes written so far.
    public private(set) var count = 0

    static let flushSize = 1 << 20

    /// A sink that keeps the bytes; read them with `data`.
    public init() { handle = nil }

    /// A sink that creates (or empties) the file at `url` and writes to it; call `close()` when done.
    public init(file url: URL) throws {
        guard FileManager.default.createFile(atPath: url.path, contents: nil) else {
            throw CocoaError(.fileWriteUnknown, userInfo: [NSFilePathErrorKey: url.path])
        }
        handle = try FileHandle(forWritingTo: url)
        buffer.reserveCapacity(Self.flushSize + 4096)
    }

    public func write(_ bytes: some Sequence<UInt8>) throws { try append(bytes) }

    private func append(_ bytes: some Sequence<UInt8>) throws {
        let before = buffer.count
        buffer.append(contentsOf: bytes)
        count += buffer.count - before
        if buffer.count >= Self.flushSize { try flush() }
    }

    /// A block of a megabyte or more (a whole rendering) goes out as it is, not copied through the buffer.
    public func write(_ data: Data) throws {
        guard data.count >= Self.flushSize else { return try append(data) }
        try flush()
        count += data.count
        if let handle { try handle.write(contentsOf: data) } else { memory.append(data) }
    }

    public func write(_ text: String) throws {
        var text = text
        try text.withUTF8 { try write($0) }
    }

    /// Writes the buffer out (to the file, or to `data`).
    public func flush() throws {
        guard !buffer.isEmpty else { return }
        if let handle { try handle.write(contentsOf: buffer) } else { memory.append(contentsOf: buffer) }
        buffer.removeAll(keepingCapacity: true)
    }

    /// Flushes and closes the file; closing again does nothing.
    public func close() throws {
        guard !closed else { return }
        closed = true
        defer { try? handle?.close() }
        try flush()
    }

    /// Every byte written, for a memory sink.
    public var data: Data {
        get throws {
            try flush()
            return memory
        }
    }
}
