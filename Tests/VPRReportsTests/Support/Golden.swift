import Foundation
import XCTest

/// Golden files under `Tests/VPRReportsTests/Golden/`: a mismatch prints a unified diff;
/// `VPR_UPDATE_GOLDEN=1 swift test --filter Reports` rewrites them from the current output.
enum Golden {
    static let folder = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("Golden", isDirectory: true)

    static func assertMatches(_ actual: Data, _ name: String, file: StaticString = #filePath, line: UInt = #line) throws {
        let url = folder.appendingPathComponent(name)
        if ProcessInfo.processInfo.environment["VPR_UPDATE_GOLDEN"] == "1" {
            try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
            try actual.write(to: url)
            return
        }
        guard let expected = FileManager.default.contents(atPath: url.path) else {
            XCTFail("no golden file \(url.path); run with VPR_UPDATE_GOLDEN=1 to create it", file: file, line: line)
            return
        }
        if expected != actual {
            XCTFail("\(name) differs from its golden file (VPR_UPDATE_GOLDEN=1 rewrites it):\n"
                    + diff(expected: expected, actual: actual, name: name), file: file, line: line)
        }
    }

    /// `diff -u` of the two texts when the tool is there; a first-difference report otherwise.
    static func diff(expected: Data, actual: Data, name: String) -> String {
        let scratch = FileManager.default.temporaryDirectory.appendingPathComponent("golden-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: scratch) }
        do {
            try FileManager.default.createDirectory(at: scratch, withIntermediateDirectories: true)
            let a = scratch.appendingPathComponent("expected"), b = scratch.appendingPathComponent("actual")
            try expected.write(to: a)
            try actual.write(to: b)
            let process = Process()
            process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
            process.arguments = ["diff", "-u", "--label", "golden/\(name)", "--label", "actual/\(name)", a.path, b.path]
            let pipe = Pipe()
            process.standardOutput = pipe
            try process.run()
            let out = pipe.fileHandleForReading.readDataToEndOfFile()
            process.waitUntilExit()
            if !out.isEmpty { return String(decoding: out, as: UTF8.self) }
        } catch {}
        let e = String(decoding: expected, as: UTF8.self).components(separatedBy: "\n")
        let g = String(decoding: actual, as: UTF8.self).components(separatedBy: "\n")
        let i = (0..<min(e.count, g.count)).first { e[$0] != g[$0] } ?? min(e.count, g.count)
        return "first difference at line \(i + 1):\n- \(i < e.count ? e[i] : "<end>")\n+ \(i < g.count ? g[i] : "<end>")"
    }
}
