import XCTest
import VPRAnalysis

/// docs/config.default.json is the documented default configuration: it must decode to exactly the defaults
/// and name every setting (a key left out would still decode, to its default, and go undocumented).
final class ConfigDefaultsTests: XCTestCase {
    func testTheDocumentedDefaultsAreTheDefaultsAndNameEverySetting() throws {
        let url = URL(fileURLWithPath: #filePath)
            .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("docs/config.default.json")
        let data = try Data(contentsOf: url)
        let config = try JSONDecoder().decode(AnalysisConfig.self, from: data)
        XCTAssertEqual(config, AnalysisConfig.defaults, "regenerate with `vpr-analyzer config > docs/config.default.json`")
        let documented = try XCTUnwrap(JSONSerialization.jsonObject(with: data) as? NSDictionary)
        let defaults = try XCTUnwrap(JSONSerialization.jsonObject(with: JSONEncoder().encode(AnalysisConfig.defaults)) as? NSDictionary)
        XCTAssertEqual(documented, defaults, "regenerate with `vpr-analyzer config > docs/config.default.json`")
    }
}
