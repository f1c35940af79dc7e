import Foundation

/// The district `vpr-analyzer sample --seed 7 --truth` writes, analysed once with a fixed `--date`
/// and shared by the tests that only read the outputs (each analysis takes seconds in debug).
struct SampleSevenDistrict: Sendable {
    static let date = "2025-05-20"
    var root: URL
    var input: URL { root.appendingPathComponent("input", isDirectory: true) }
    var output: URL { root.appendingPathComponent("reports", isDirectory: true) }
    var sample: CommandResult
    var analyze: CommandResult

    /// Truth entries as written to truth.json.
    struct Truth: Decodable {
        struct Manipulation: Decodable { var scheme: String; var strength: String }
        var schoolID: String
        var kind: String
        var manipulations: [Manipulation]
    }

    func truth() throws -> [Truth] {
        try JSONDecoder().decode([Truth].self, from: Data(contentsOf: input.appendingPathComponent("truth.json")))
    }

    /// This test process's folder; removed when the process exits, so runs leave nothing in the temporary folder.
    static func folder() -> URL {
        FileManager.default.temporaryDirectory
            .appendingPathComponent("vpr-cli-seed7-\(ProcessInfo.processInfo.processIdentifier)", isDirectory: true)
    }

    static let shared: Result<SampleSevenDistrict, any Error> = Result {
        let root = folder()
        try? FileManager.default.removeItem(at: root)
        atexit { try? FileManager.default.removeItem(at: SampleSevenDistrict.folder()) }
        try FileManager.default.createDirectory(at: root, withIntermediateDirectories: true)
        let input = root.appendingPathComponent("input").path, output = root.appendingPathComponent("reports").path
        let sample = try VPRAnalyzerBinary.run(["sample", "--seed", "7", "--truth", "--out", input])
        let analyze = try VPRAnalyzerBinary.run(["analyze", input, "--out", output, "--date", date])
        return SampleSevenDistrict(root: root, sample: sample, analyze: analyze)
    }

    static func get() throws -> SampleSevenDistrict { try shared.get() }
}
