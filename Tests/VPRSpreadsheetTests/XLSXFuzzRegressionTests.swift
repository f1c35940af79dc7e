import Foundation
import XCTest
import VPRAnalysis
import VPRSpreadsheet

/// Every input the fuzzer (fuzz/run.sh) found crashing the XLSX reader, kept in `FuzzCrashes/`: each must now be
/// refused with a Russian message or read, never crash.
final class XLSXFuzzRegressionTests: XCTestCase {
    func testEveryRecordedCrashIsNowRefusedOrRead() throws {
        let folder = try XCTUnwrap(Bundle.module.url(forResource: "FuzzCrashes", withExtension: nil))
        let files = try FileManager.default.contentsOfDirectory(atPath: folder.path).filter { $0.hasSuffix(".xlsx") }.sorted()
        XCTAssertFalse(files.isEmpty)
        for name in files {
            let url = folder.appendingPathComponent(name)
            do {
                for sheet in try XLSXTableReader().sheetNames(of: url) {
                    _ = try XLSXTableReader().rows(of: url, sheet: sheet)
                }
            } catch let error as TableFileError {
                XCTAssertFalse(error.message.isEmpty, name)
            }
        }
    }
}
