import Foundation
import VPRAnalysis
import ZIPFoundation

/// The ZIP container of a workbook: finds its parts and unpacks them within `XLSXLimits`.
struct XLSXPackage {
    let archive: Archive
    let url: URL
    let file: String
    let limits: XLSXLimits

    init(url: URL, limits: XLSXLimits) throws {
        file = url.lastPathComponent
        self.url = url
        self.limits = limits
        do {
            archive = try Archive(url: url, accessMode: .read)
        } catch {
            throw TableFileError("файл \(file) не является книгой Excel (XLSX) или повреждён: это не ZIP-архив или архив обрезан. Сохраните таблицу заново в формате «Книга Excel (*.xlsx)»")
        }
    }

    /// True when the package has the part.
    func contains(_ path: String) -> Bool { archive[path] != nil }

    /// The unpacked bytes of a part, refusing parts beyond the limits.
    func data(of path: String) throws -> Data {
        var data = Data()
        try unpack(path) { chunk in data.append(chunk) }
        return data
    }

    /// Unpacks a part into a file, chunk by chunk, so a large sheet never sits in memory whole.
    func extract(_ path: String, to url: URL) throws {
        guard FileManager.default.createFile(atPath: url.path, contents: nil),
              let handle = try? FileHandle(forWritingTo: url) else {
            throw TableFileError("не удалось создать временный файл для листа книги \(file): \(url.path)")
        }
        defer { try? handle.close() }
        try unpack(path) { chunk in try handle.write(contentsOf: chunk) }
    }

    /// Feeds the unpacked chunks of a part to `consume`, refusing parts beyond the limits.
    private func unpack(_ path: String, _ consume: (Data) throws -> Void) throws {
        guard let entry = archive[path] else {
            throw TableFileError("в книге \(file) нет части \(path): файл повреждён или это не книга Excel")
        }
        let declared = entry.uncompressedSize
        let mib = limits.maxEntrySize >> 20
        if declared > limits.maxEntrySize {
            throw TableFileError("часть \(path) книги \(file) после распаковки заняла бы \(declared >> 20) МиБ, больше допустимых \(mib) МиБ: файл слишком велик или повреждён (возможна «zip-бомба»); разделите выгрузку на несколько файлов")
        }
        if declared > limits.ratioCheckFrom, declared / max(entry.compressedSize, 1) > limits.maxCompressionRatio {
            throw TableFileError("часть \(path) книги \(file) сжата подозрительно сильно (более чем в \(limits.maxCompressionRatio) раз): похоже на «zip-бомбу», файл не читается")
        }
        let limit = limits.maxEntrySize
        var unpacked: UInt64 = 0
        do {
            try EntryInflater(url: url, entry: entry).unpack { chunk in
                unpacked += UInt64(chunk.count)
                if unpacked > limit || unpacked > max(declared, 1) * 2 + 1024 {
                    throw TableFileError("часть \(path) книги \(file) при распаковке оказалась больше заявленного размера или допустимых \(mib) МиБ: файл повреждён или это «zip-бомба»")
                }
                try consume(chunk)
            }
        } catch let error as TableFileError {
            throw error
        } catch EntryInflater.Failure.damaged(let reason) {
            throw TableFileError("часть \(path) книги \(file) не распаковывается: \(reason); файл повреждён, сохраните его заново")
        } catch {
            throw TableFileError("часть \(path) книги \(file) не распаковывается: файл повреждён (\(error))")
        }
    }
}
