import Foundation
import VPRAnalysis

/// Progress, run summaries and diagnostics on standard error; silent under `--quiet`.
struct Terminal {
    var quiet: Bool

    func say(_ text: String) {
        guard !quiet else { return }
        FileHandle.standardError.write(Data((text + "\n").utf8))
    }

    /// Errors are always printed, even under `--quiet`.
    func error(_ text: String) {
        FileHandle.standardError.write(Data((text + "\n").utf8))
    }

    /// Prints diagnostics, errors first, at most `limit` of each severity.
    func print(_ diagnostics: [Diagnostic], limit: Int = 20) {
        for severity in [Diagnostic.Severity.error, .warning, .note] {
            let items = diagnostics.filter { $0.severity == severity }
            for d in items.prefix(limit) {
                if severity == .error { error(d.description) } else { say(d.description) }
            }
            if items.count > limit {
                say("… и ещё \(items.count - limit) (\(severity.russian)); все перечислены в results.json.")
            }
        }
    }

    /// One line per input file: encoding, delimiter and row accounting.
    func printFiles(_ files: [FileSummary]) {
        for f in files {
            let format: String
            if f.file.lowercased().hasSuffix(".xlsx") {
                format = "таблица Excel"
            } else {
                let delimiter = f.delimiter == "\t" ? "табуляция" : "«\(f.delimiter)»"
                format = "\(f.encoding.russianName), разделитель \(delimiter)"
            }
            say("Файл \(f.file) (\(format)): прочитано строк \(f.rowsRead) = "
                + "использовано \(f.rowsUsed) + отклонено \(f.rowsRejected) (из них отсутствовали \(f.rowsAbsent)).")
        }
    }
}
