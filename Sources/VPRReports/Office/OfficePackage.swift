import Foundation
import ZIPFoundation

/// An Open Packaging Conventions container (the ZIP inside `.xlsx` and `.docx`): named parts written
/// deflated, in the order given, with a fixed timestamp so the same report gives the same bytes.
struct OfficePackage {
    private(set) var parts: [(path: String, data: Data)] = []

    mutating func add(_ path: String, _ xml: String) { parts.append((path, Data(xml.utf8))) }
    mutating func add(_ path: String, data: Data) { parts.append((path, data)) }

    /// The ZIP bytes.
    func archive() throws -> Data {
        let archive = try Archive(data: Data(), accessMode: .create)
        // 1 January 2000, 00:00 local time: any fixed date inside the DOS range keeps output reproducible.
        let stamp = Date(timeIntervalSince1970: 946_684_800)
        for part in parts {
            let data = part.data
            try archive.addEntry(with: part.path, type: .file, uncompressedSize: Int64(data.count),
                                 modificationDate: stamp, compressionMethod: .deflate) { position, size in
                let start = Int(position)
                return data.subdata(in: start..<min(start + size, data.count))
            }
        }
        guard let bytes = archive.data else { throw CocoaError(.fileWriteUnknown) }
        return bytes
    }

    /// The parts of a ZIP container by path, in archive order (for checks and tests).
    static func read(_ data: Data) throws -> [(path: String, data: Data)] {
        let archive = try Archive(data: data, accessMode: .read)
        var parts: [(path: String, data: Data)] = []
        for entry in archive where entry.type == .file {
            var bytes = Data()
            _ = try archive.extract(entry) { bytes.append($0) }
            parts.append((entry.path, bytes))
        }
        return parts
    }
}
