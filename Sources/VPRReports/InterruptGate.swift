import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Keeps an interrupted run (Ctrl+C, SIGINT, SIGTERM) from leaving a mixed set of reports or temporary files:
/// a signal waits for a publication in progress (the renames of one run's files, and the history commit that goes
/// with them) to finish, then removes the run's temporary files and ends the process with 128 + the signal.
/// Without `installSignalHandlers()` the gate only serialises publications.
public final class InterruptGate: @unchecked Sendable {
    public static let shared = InterruptGate()

    /// Held while a run's files are being renamed into place (and its history committed).
    private let publication = NSLock()
    private let registry = NSLock()
    private var temporaries: Set<String> = []
    private var sources: [any DispatchSourceSignal] = []

    public init() {}

    /// Enters the publication section; `leave()` ends it. A signal that arrives meanwhile waits.
    public func enter() { publication.lock() }
    public func leave() { publication.unlock() }

    /// Runs `body` as one publication.
    public func publishing<T>(_ body: () throws -> T) rethrows -> T {
        enter()
        defer { leave() }
        return try body()
    }

    /// A temporary file the run is writing: removed if the run is interrupted before it is renamed.
    public func register(_ path: String) { registry.withLock { _ = temporaries.insert(path) } }
    public func unregister(_ path: String) { registry.withLock { _ = temporaries.remove(path) } }

    /// Waits for a publication in progress, then removes the registered temporary files. The section stays
    /// closed: nothing is published after an interrupt.
    public func interrupt() {
        publication.lock()
        let paths = registry.withLock { temporaries }
        for path in paths { unlink(path) }
    }

    /// Turns SIGINT and SIGTERM into `interrupt()` followed by exit(128 + signal).
    public func installSignalHandlers() {
        for signalNumber in [SIGINT, SIGTERM] {
            signal(signalNumber, SIG_IGN)
            let source = DispatchSource.makeSignalSource(signal: signalNumber, queue: .global())
            source.setEventHandler { [unowned self] in
                self.interrupt()
                exit(128 + signalNumber)
            }
            source.resume()
            sources.append(source)
        }
    }
}
