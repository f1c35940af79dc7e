import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// An exclusive lock on an output folder for the length of a run, so that two runs never write one folder:
/// an advisory `flock` on the hidden file `.vpr-analyzer.lock` inside it, released when the run ends (or dies;
/// a killed run may leave the file behind, which locks nothing).
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
    /// The lock file.
    public var path: String { folder.appendingPathComponent(Self.fileName).path }

    /// Takes the lock without waiting.
    public init(folder: URL) throws(Failure) {
        let fm = FileManager.default
        var isDirectory: ObjCBool = false
        let existed = fm.fileExists(atPath: folder.path, isDirectory: &isDirectory)
        if existed && !isDirectory.boolValue { throw .unavailable("на этом месте файл, а не папка") }
        do {
            try fm.createDirectory(at: folder, withIntermediateDirectories: true)
        } catch {
            throw .unavailable("папку нельзя создать (нет прав на запись?)")
        }
        let path = folder.appendingPathComponent(Self.fileName).path
        // The lock file is removed when a run ends; a run that opened it just before may then hold a lock on a
        // removed file, so the lock counts only once the path still names the file that was locked.
        for _ in 0..<100 {
            let fd = open(path, O_RDWR | O_CREAT, 0o644)
            guard fd >= 0 else { throw .unavailable("в папку нельзя записать (нет прав на запись?)") }
            guard flock(fd, LOCK_EX | LOCK_NB) == 0 else {
                let busy = errno == EWOULDBLOCK
                close(fd)
                throw busy ? .busy : .unavailable("файл блокировки нельзя заблокировать")
            }
            var locked = stat(), named = stat()
            if fstat(fd, &locked) == 0, stat(path, &named) == 0, locked.st_ino == named.st_ino, locked.st_dev == named.st_dev {
                descriptor = fd
                createdFolder = !existed
                self.folder = folder
                return
            }
            close(fd)
        }
        throw .busy
    }

    /// Releases the lock and removes the lock file; a folder this run created and left empty is removed again,
    /// so a run that wrote no report leaves no trace.
    public func release() {
        guard !released else { return }
        released = true
        let fm = FileManager.default
        unlink(folder.appendingPathComponent(Self.fileName).path)
        if createdFolder, let names = try? fm.contentsOfDirectory(atPath: folder.path), names.isEmpty {
            try? fm.removeItem(at: folder)
        }
        flock(descriptor, LOCK_UN)
        close(descriptor)
    }
}
