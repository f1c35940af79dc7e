import Foundation
import XCTest

/// `vpr-analyzer validate` prints what it found in the input and exits 0 when the data are usable, 2 when not.
final class CLIValidateTests: XCTestCase {
    func testValidatePrintsRejectedRowsAndExitsZeroOnUsableInput() throws {
        let input = try temporaryFolder("validate-ok")
        _ = try InputFolderFixture.writeRussianCP1251(to: input)
        let run = try VPRAnalyzerBinary.run(["validate", input.path])
        assertStatus(run, 0)
        XCTAssertTrue(run.stderr.contains("results.csv:"), run.stderr)
        XCTAssertTrue(run.stderr.contains("строка отклонена: нет кода ОО"), run.stderr)
        XCTAssertTrue(run.stderr.contains("Данные пригодны"), run.stderr)
        XCTAssertEqual(fileNames(in: input), ["results.csv", "scales.csv"], "validate writes nothing")
    }

    func testValidateExitsTwoOnUnusableInput() throws {
        let input = try temporaryFolder("validate-bad")
        try InputFolderFixture.writeEnglish(to: input, extraRows: ["2025;sch1;7А;Физика;701;10;3;3"])
        let run = try VPRAnalyzerBinary.run(["validate", input.path, "--quiet"])
        assertStatus(run, 2)
        XCTAssertTrue(run.stderr.contains("results.csv"), run.stderr)
        XCTAssertTrue(run.stderr.contains("Данные нельзя использовать"), run.stderr)
    }
}
