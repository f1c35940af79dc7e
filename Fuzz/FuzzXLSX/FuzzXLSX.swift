import Foundation
import FuzzDriver
import VPRAnalysis
import VPRSpreadsheet

/// libFuzzer target: the bytes as a workbook, opened by the XLSX reader (ZIP container, limits, streamed sheet
/// XML). Any failure must be a `TableFileError` with a Russian message, never a crash.
nonisolated(unsafe) private var book: URL = {
    let url = FileManager.default.temporaryDirectory.appendingPathComponent("vpr-fuzz-xlsx-\(getpid()).xlsx")
    return url
}()

/// The entry point SwiftPM links as `main`: hands the test function to libFuzzer's driver.
@_cdecl("FuzzXLSX_main")
public func fuzzXLSXMain(_ argc: CInt, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?) -> CInt {
    vpr_fuzz_main(argc, argv) { data, size in fuzzXLSX(data!, size) }
}

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzXLSX(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    guard (try? Data(bytes: data, count: size).write(to: book)) != nil else { return 0 }
    let reader = XLSXTableReader()
    do {
        for sheet in try reader.sheetNames(of: book) {
            var rows = 0
            try reader.forEachRow(of: book, sheet: sheet) { _ in rows += 1; return rows < 10_000 }
        }
    } catch is TableFileError {
    } catch {
        preconditionFailure("not a TableFileError: \(error)")
    }
    return 0
}
