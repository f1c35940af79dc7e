import Foundation
import FuzzDriver
import VPRAnalysis

/// libFuzzer target: the bytes as an input folder's results file, read through dialect and encoding detection,
/// the byte-level CSV reader and row validation, then analysed. Every row must be accounted for.
/// Build and run: `fuzz/run.sh` (the package gains this target when `VPR_FUZZ=1`).
nonisolated(unsafe) private var folder: URL = {
    let url = FileManager.default.temporaryDirectory.appendingPathComponent("vpr-fuzz-csv-\(getpid())")
    try? FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    let scales = "year;subject;grade;max_score;min_mark3;min_mark4;min_mark5\n2025;Математика;5;10;3;6;9\n2025;Математика;4;10;3;6;9\n"
    try? Data(scales.utf8).write(to: url.appendingPathComponent("scales.csv"))
    return url
}()

/// The entry point SwiftPM links as `main`: hands the test function to libFuzzer's driver.
@_cdecl("FuzzCSV_main")
public func fuzzCSVMain(_ argc: CInt, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?) -> CInt {
    vpr_fuzz_main(argc, argv) { data, size in fuzzCSV(data!, size) }
}

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzCSV(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    let bytes = Data(bytes: data, count: size)
    // The first byte chooses the file name: results.csv (the fast path) or any name (the many-files path).
    let name = size > 0 && data[0] & 1 == 1 ? "export.csv" : "results.csv"
    for old in ["results.csv", "export.csv"] { try? FileManager.default.removeItem(at: folder.appendingPathComponent(old)) }
    guard (try? bytes.write(to: folder.appendingPathComponent(name))) != nil else { return 0 }
    let outcome = InputFolderReader().read(folder: folder)
    for file in outcome.files {
        precondition(file.rowsRead == file.rowsUsed + file.rowsRejected, "rows of \(file.file) do not add up")
    }
    // Parsing on several threads in batches of two rows must give exactly what reading row by row gives.
    var sequential = InputFolderReader()
    sequential.parsingWorkers = 1
    var batched = InputFolderReader()
    batched.parsingWorkers = 2
    batched.parsingBatchRows = 2
    let a = sequential.read(folder: folder), b = batched.read(folder: folder)
    precondition(a.dataset?.results == b.dataset?.results && a.rejected == b.rejected && a.findings == b.findings
                 && a.diagnostics == b.diagnostics && a.files == b.files, "parallel parsing changed the outcome")
    if let dataset = outcome.dataset, dataset.results.count <= 2_000 {
        _ = Pipeline().analyze(dataset)
    }
    return 0
}
