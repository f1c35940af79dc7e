import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// An exclusive advisory `flock` on the file `<history>.lock` beside the history, held while a process opens the
/// database, switches it to WAL and migrates it. SQLite alone does not serialise this: two processes opening a new
/// file both see no schema and both create it («table "run" already exists»), or one is refused while the other
/// changes the journal mode («database is locked»). The lock file stays beside the history; it holds no data.
final class HistoryOpeningLock {
    static let suffix = ".lock"

    private let descriptor: Int32

    /// Waits for the lock; nil when the lock file cannot be created (a read-only folder): then the database is opened
    /// without it, as SQLite would be anyway.
    init?(historyPath: String) {
        let fd = open(historyPath + Self.suffix, O_RDWR | O_CREAT | O_CLOEXEC, 0o644)
        guard fd >= 0 else { return nil }
        while flock(fd, LOCK_EX) != 0 {
            guard errno == EINTR else {
                close(fd)
                return nil
            }
        }
        descriptor = fd
    }

    deinit {
        flock(descriptor, LOCK_UN)
        close(descriptor)
    }
}
