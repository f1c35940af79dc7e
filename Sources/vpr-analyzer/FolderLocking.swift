import ArgumentParser
import Foundation
import VPRReports

/// Takes the output folder's lock for a command, or stops it with a Russian message (exit 1).
enum FolderLocking {
    static func lock(_ out: String, terminal: Terminal) throws -> OutputFolderLock {
        do {
            return try OutputFolderLock(folder: URL(fileURLWithPath: out, isDirectory: true))
        } catch .busy {
            terminal.error("Папка отчётов \(out) занята другим запуском vpr-analyzer; дождитесь его окончания "
                           + "или укажите другую папку (--out). Отчёты не записаны.")
            throw ExitCode(1)
        } catch .unavailable(let message) {
            terminal.error("Не удалось открыть папку отчётов \(out): \(message). Отчёты не записаны.")
            throw ExitCode(1)
        }
    }
}
