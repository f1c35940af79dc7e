import ArgumentParser
import Foundation
import VPRReports

/// Takes the output folder's lock for a command, or stops it with a Russian message (exit 1). The lock file is
/// registered with `InterruptGate.shared`, so an interrupt removes it too.
enum FolderLocking {
    static func lock(_ out: String, terminal: Terminal) throws -> OutputFolderLock {
        do {
            let lock = try OutputFolderLock(folder: URL(fileURLWithPath: out, isDirectory: true))
            // An interrupted run ends without unwinding: the gate removes the lock file with the temporary ones.
            InterruptGate.shared.register(lock.path)
            return lock
        } catch .busy {
            terminal.error("Папка отчётов \(out) занята другим запуском vpr-analyzer; дождитесь его окончания "
                           + "или укажите другую папку (--out). Отчёты не записаны.")
            throw ExitCode(1)
        } catch .unavailable(let message) {
            terminal.error("Не удалось записать отчёты в \(out): \(message).")
            throw ExitCode(1)
        }
    }
}
