import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// An exclusive lock on an output folder for the length of a run, so that two runs never write one folder:
/// an advisory `flock` on the hidden file `.vpr-analyzer.lock` inside it, released when the run ends (or dies).
public final class OutputFolderLock {
    public static let fileName = ".vpr-analyzer.lock"

    /// Why a lock could not be taken.
    public enum Failure: Error, Equatable {
        /// Another run holds the folder.
        case busy
        /// The folder or the lock file cannot be created (the message of the system).
        case unavailable(String)
    }

    private let descriptor: Int32
    private var released = false
    /// Whether the folder did not exist before and was created for the lock.
    public let createdFolder: Bool
    public let folder: URL

    /// Takes the lock without waiting.
    public init(folder: URL) throws(Failure) {
        let fm = FileManager.default
        let existed = fm.fileExists(atPath: folder.path)
        do {
            try fm.createDirectory(at: folder, withIntermediateDirectories: true)
        } catch {
            throw .unavailable(error.localizedDescription)
        }
        let path = folder.appendingPathComponent(Self.fileName).path
        let fd = open(path, O_RDWR | O_CREAT, 0o644)
        guard fd >= 0 else { throw .unavailable(String(cString: strerror(errno))) }
        guard flock(fd, LOCK_EX | LOCK_NB) == 0 else {
            let busy = errno == EWOULDBLOCK
            let message = String(cString: strerror(errno))
            close(fd)
            throw busy ? .busy : .unavailable(message)
        }
        descriptor = fd
        createdFolder = !existed
        self.folder = folder
    }

    /// Releases the lock; a folder this run created and left with nothing but the lock file is removed again,
    /// so a run that wrote no report leaves no trace.
    public func release() {
        guard !released else { return }
        released = true
        let fm = FileManager.default
        if createdFolder, let names = try? fm.contentsOfDirectory(atPath: folder.path), names == [Self.fileName] {
            try? fm.removeItem(at: folder)
        }
        flock(descriptor, LOCK_UN)
        close(descriptor)
    }
}
