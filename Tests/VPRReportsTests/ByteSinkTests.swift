import Foundation
import XCTest
@testable import VPRReports

/// A sink gives a file exactly the bytes written to it, across its buffer's flushes, and a memory sink keeps them.
final class ByteSinkTests: XCTestCase {
    private func pieces() -> [[UInt8]] {
        // Pieces of every size around the buffer: empty, small, one larger than the whole buffer.
        var generator = SystemRandomNumberGenerator()
        return [0, 1, 7, 4096, ByteSink.flushSize - 3, 5, ByteSink.flushSize * 2 + 11, 0, 999].map { n in
            (0..<n).map { _ in UInt8.random(in: 0...255, using: &generator) }
        }
    }

    func testAFileSinkWritesEveryByteInOrder() throws {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("vpr-sink-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: url) }
        let pieces = pieces()
        let sink = try ByteSink(file: url)
        for piece in pieces { try sink.write(piece) }
        try sink.write("ОО «Школа»\n")
        try sink.close()
        try sink.close()
        let expected = pieces.flatMap { $0 } + Array("ОО «Школа»\n".utf8)
        XCTAssertEqual(try Data(contentsOf: url), Data(expected))
        XCTAssertEqual(sink.count, expected.count)
    }

    func testAMemorySinkKeepsTheBytes() throws {
        let pieces = pieces()
        let sink = ByteSink()
        for piece in pieces { try sink.write(piece) }
        XCTAssertEqual(try sink.data, Data(pieces.flatMap { $0 }))
    }

    /// A whole rendering passed as `Data` (the default writer's path) lands between the buffered pieces in order.
    func testALargeBlockOfDataKeepsItsPlaceBetweenBufferedPieces() throws {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("vpr-sink-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: url) }
        let large = Data((0..<(ByteSink.flushSize + 5)).map { UInt8(truncatingIfNeeded: $0 &* 31) })
        let expected = Data([1, 2, 3]) + large + Data([4, 5])
        func fill(_ sink: ByteSink) throws {
            try sink.write([1, 2, 3])
            try sink.write(large)
            try sink.write(Data([4]))
            try sink.write([5])
        }
        let file = try ByteSink(file: url)
        try fill(file)
        try file.close()
        XCTAssertEqual(try Data(contentsOf: url), expected)
        XCTAssertEqual(file.count, expected.count)
        let memory = ByteSink()
        try fill(memory)
        XCTAssertEqual(try memory.data, expected)
    }

    func testAFileThatCannotBeCreatedIsAnError() {
        let url = URL(fileURLWithPath: "/nonexistent-\(UUID().uuidString)/file")
        XCTAssertThrowsError(try ByteSink(file: url))
    }
}
