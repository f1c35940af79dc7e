import Foundation
import VPRReports

/// What `history rerun` checks before rebuilding a run's reports: the reports come out byte for byte only from the
/// same input files and the same engine, so every difference is named, in Russian.
extension RunManifest {
    /// The input files that differ now, one line each: a recorded file changed («results.csv: содержимое изменилось …»),
    /// missing or unreadable, and a file the ingest reads now (`read`, the names of `IngestOutcome.files`) that the run
    /// did not read («marks.xlsx: новый файл …»). Recorded files first, in the run's order; new files by name.
    public func changedFiles(in folder: URL, read: [String]) -> [String] {
        let recorded = files.compactMap { f -> String? in
            let url = folder.appendingPathComponent(f.name)
            guard FileManager.default.fileExists(atPath: url.path) else { return "\(f.name): файла нет" }
            guard let sum = try? FileChecksum.sha256(of: url) else { return "\(f.name): не читается" }
            return sum == f.sha256 ? nil : "\(f.name): содержимое изменилось (контрольная сумма SHA-256 другая)"
        }
        let known = Set(files.map(\.name))
        let added = Set(read).subtracting(known).sorted().map { "\($0): новый файл, в записанном запуске его не было" }
        return recorded + added
    }

    /// A warning when the engine running now is not the one that made the run, else nil.
    public func engineWarning(current: String = EngineVersion.current) -> String? {
        guard options.engineVersion != current else { return nil }
        return "Запуск записан версией анализатора \(options.engineVersion), сейчас работает версия \(current): "
            + "показатели и отчёты могут отличаться от прежних."
    }
}
