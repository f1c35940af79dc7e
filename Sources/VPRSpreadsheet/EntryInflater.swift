import CZlib
import Foundation
import ZIPFoundation

/// Unpacks one entry of a ZIP archive reading exactly its compressed bytes, with zlib.
///
/// ZIPFoundation (0.9.20) finds the entries, but its own extraction keeps reading past an entry whose deflate
/// stream never ends and then spins forever at the end of the file (found by fuzzing: a damaged workbook hung
/// the run). Here the input is bounded by the entry's compressed size, so a damaged stream ends in an error.
struct EntryInflater {
    enum Failure: Error, Equatable {
        case damaged(String)
    }

    let url: URL
    let entry: Entry
    let chunkSize = 1 << 16

    /// Feeds the unpacked bytes to `consume` chunk by chunk and checks the CRC-32 at the end.
    func unpack(_ consume: (Data) throws -> Void) throws {
        guard let localHeader = Mirror(reflecting: entry).descendant("centralDirectoryStructure", "relativeOffsetOfLocalHeader") as? UInt32 else {
            throw Failure.damaged("не найден заголовок части")
        }
        // ZIP64 offsets (archives over 4 GiB) are beyond any workbook the limits let through.
        guard localHeader != UInt32.max else { throw Failure.damaged("архив больше 4 ГиБ (ZIP64)") }
        let file = try FileHandle(forReadingFrom: url)
        defer { try? file.close() }
        try file.seek(toOffset: UInt64(localHeader))
        guard let header = try file.read(upToCount: 30), header.count == 30,
              header.prefix(4).elementsEqual([0x50, 0x4B, 0x03, 0x04]) else { throw Failure.damaged("испорчен заголовок части") }
        func le16(_ i: Int) -> UInt64 { UInt64(header[header.startIndex + i]) | UInt64(header[header.startIndex + i + 1]) << 8 }
        let method = le16(8)
        try file.seek(toOffset: UInt64(localHeader) + 30 + le16(26) + le16(28))
        var remaining = entry.compressedSize
        var crc: UInt = 0
        func readCompressed() throws -> Data {
            guard remaining > 0 else { return Data() }
            let chunk = try file.read(upToCount: Int(min(UInt64(chunkSize), remaining))) ?? Data()
            guard !chunk.isEmpty else { throw Failure.damaged("архив обрывается внутри части") }
            remaining -= UInt64(chunk.count)
            return chunk
        }
        func emit(_ data: Data) throws {
            crc = data.withUnsafeBytes { CZlib.crc32(crc, $0.bindMemory(to: UInt8.self).baseAddress, uInt($0.count)) }
            try consume(data)
        }
        switch method {
        case 0:
            while remaining > 0 { try emit(try readCompressed()) }
        case 8:
            try inflate(read: readCompressed, emit: emit)
        default:
            throw Failure.damaged("неизвестный способ сжатия \(method)")
        }
        guard UInt32(truncatingIfNeeded: crc) == entry.checksum else { throw Failure.damaged("контрольная сумма части не сходится") }
    }

    private func inflate(read: () throws -> Data, emit: (Data) throws -> Void) throws {
        var stream = z_stream()
        guard inflateInit2_(&stream, -MAX_WBITS, ZLIB_VERSION, Int32(MemoryLayout<z_stream>.size)) == Z_OK else {
            throw Failure.damaged("zlib не запускается")
        }
        defer { inflateEnd(&stream) }
        var output = [UInt8](repeating: 0, count: chunkSize)
        var finished = false
        while !finished {
            var input = [UInt8](try read())
            if input.isEmpty { throw Failure.damaged("сжатые данные части обрываются") }
            try input.withUnsafeMutableBufferPointer { inBuffer in
                stream.next_in = inBuffer.baseAddress
                stream.avail_in = uInt(inBuffer.count)
                repeat {
                    let produced: Int = try output.withUnsafeMutableBufferPointer { outBuffer in
                        stream.next_out = outBuffer.baseAddress
                        stream.avail_out = uInt(outBuffer.count)
                        let result = CZlib.inflate(&stream, Z_NO_FLUSH)
                        switch result {
                        case Z_STREAM_END: finished = true
                        case Z_OK, Z_BUF_ERROR: break
                        default: throw Failure.damaged("сжатые данные части испорчены")
                        }
                        return outBuffer.count - Int(stream.avail_out)
                    }
                    if produced > 0 { try emit(Data(output[0..<produced])) }
                } while stream.avail_out == 0 && !finished
            }
        }
    }
}
