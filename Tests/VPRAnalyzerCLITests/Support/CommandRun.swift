import Foundation
import XCTest

/// What one run of the built `vpr-analyzer` produced: exit status and both output streams.
struct CommandResult {
    var status: Int32
    var stdout: String
    var stderr: String
}

/// Runs the built `vpr-analyzer` binary, as a specialist would from a terminal.
///
/// The binary is found next to the test bundle, so the tests run against whichever scratch path
/// (`.build`, `.build-cli`, …) built them — the approach of swift-argument-parser's `AssertExecuteCommand`.
enum VPRAnalyzerBinary {
    /// The products directory of the build that produced this test bundle.
    static let productsDirectory: URL = {
        var candidates: [URL] = []
        let bundleURL = Bundle(for: BundleToken.self).bundleURL
        candidates.append(bundleURL.pathExtension == "xctest" ? bundleURL.deletingLastPathComponent() : bundleURL)
        if let executable = Bundle.main.executableURL { candidates.append(executable.deletingLastPathComponent()) }
        if let first = CommandLine.arguments.first {
            var url = URL(fileURLWithPath: first)
            // `…/debug/Foo.xctest/Contents/MacOS/Foo` on macOS, `…/debug/Foo.xctest` on Linux.
            while url.path != "/" && !url.lastPathComponent.hasSuffix(".xctest") && url.pathComponents.count > 1 {
                url.deleteLastPathComponent()
            }
            if url.lastPathComponent.hasSuffix(".xctest") { candidates.append(url.deletingLastPathComponent()) }
        }
        for dir in candidates where FileManager.default.isExecutableFile(atPath: dir.appendingPathComponent("vpr-analyzer").path) {
            return dir
        }
        preconditionFailure("vpr-analyzer is not built next to the test bundle; looked in \(candidates.map(\.path))")
    }()

    static var url: URL { productsDirectory.appendingPathComponent("vpr-analyzer") }

    /// Runs the binary with the arguments, in `directory` when given, and waits for it.
    static func run(_ arguments: [String], in directory: URL? = nil,
                    file: StaticString = #filePath, line: UInt = #line) throws -> CommandResult {
        try start(arguments, in: directory).wait()
    }

    /// Starts the binary without waiting: for runs that overlap or are killed.
    static func start(_ arguments: [String], in directory: URL? = nil, environment extra: [String: String] = [:]) throws -> RunningCommand {
        let fm = FileManager.default
        let scratch = fm.temporaryDirectory.appendingPathComponent("vpr-cli-streams-\(UUID().uuidString)")
        try fm.createDirectory(at: scratch, withIntermediateDirectories: true)
        let outURL = scratch.appendingPathComponent("stdout"), errURL = scratch.appendingPathComponent("stderr")
        _ = fm.createFile(atPath: outURL.path, contents: nil)
        _ = fm.createFile(atPath: errURL.path, contents: nil)
        let out = try FileHandle(forWritingTo: outURL), err = try FileHandle(forWritingTo: errURL)

        let process = Process()
        process.executableURL = url
        process.arguments = arguments
        if let directory { process.currentDirectoryURL = directory }
        var environment = ProcessInfo.processInfo.environment
        environment["NO_COLOR"] = "1"
        for (k, v) in extra { environment[k] = v }
        process.environment = environment
        process.standardInput = FileHandle.nullDevice
        process.standardOutput = out
        process.standardError = err
        try process.run()
        return RunningCommand(process: process, scratch: scratch, out: out, err: err)
    }

    private final class BundleToken {}
}

/// A started run of the binary.
struct RunningCommand {
    var process: Process
    var scratch: URL
    var out: FileHandle
    var err: FileHandle

    /// Sends SIGKILL: the process gets no chance to clean up, as when the machine loses power.
    func kill() { Foundation.kill(process.processIdentifier, SIGKILL) }

    /// Sends a signal the process may handle (SIGINT as from Ctrl+C, SIGTERM as from a shutdown).
    func signal(_ number: Int32) { Foundation.kill(process.processIdentifier, number) }

    /// Waits for the process and returns what it printed.
    func wait() throws -> CommandResult {
        process.waitUntilExit()
        try out.close()
        try err.close()
        defer { try? FileManager.default.removeItem(at: scratch) }
        return CommandResult(status: process.terminationStatus,
                             stdout: String(decoding: try Data(contentsOf: scratch.appendingPathComponent("stdout")), as: UTF8.self),
                             stderr: String(decoding: try Data(contentsOf: scratch.appendingPathComponent("stderr")), as: UTF8.self))
    }
}

/// Temporary folders that disappear after the test.
extension XCTestCase {
    func temporaryFolder(_ name: String) throws -> URL {
        let url = FileManager.default.temporaryDirectory
            .appendingPathComponent("vpr-cli-\(name)-\(UUID().uuidString)", isDirectory: true)
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        addTeardownBlock { try? FileManager.default.removeItem(at: url) }
        return url
    }

    /// Asserts the run ended with the status, showing both streams when it did not.
    func assertStatus(_ result: CommandResult, _ expected: Int32, file: StaticString = #filePath, line: UInt = #line) {
        XCTAssertEqual(result.status, expected,
                       "exit status \(result.status), expected \(expected)\n--- stderr:\n\(result.stderr)\n--- stdout:\n\(result.stdout)",
                       file: file, line: line)
    }

    /// The names of all files in a folder (hidden ones too: a left-over temporary file is a bug), sorted.
    func fileNames(in folder: URL) -> [String] {
        ((try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []).sorted()
    }
}
