import XCTest
import VPRAnalysis

/// docs/config.default.json is the documented default configuration: it must decode to exactly the defaults.
final class ConfigDefaultsTests: XCTestCase {
    func testTheDocumentedDefaultsAreTheDefaults() throws {
        let url = URL(fileURLWithPath: #filePath)
            .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("docs/config.default.json")
        let config = try JSONDecoder().decode(AnalysisConfig.self, from: Data(contentsOf: url))
        XCTAssertEqual(config, AnalysisConfig.defaults, "regenerate with `vpr-analyzer config > docs/config.default.json`")
    }
}
