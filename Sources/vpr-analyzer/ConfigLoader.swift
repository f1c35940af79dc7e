import ArgumentParser
import Foundation
import VPRAnalysis

/// Reads `--config`: JSON whose keys override the defaults.
enum ConfigLoader {
    static func load(_ path: String?) throws -> AnalysisConfig {
        guard let path else { return AnalysisConfig() }
        guard let data = FileManager.default.contents(atPath: path) else {
            throw ValidationError("Файл настроек не найден или не читается: \(path)")
        }
        do {
            return try JSONDecoder().decode(AnalysisConfig.self, from: data)
        } catch {
            throw ValidationError("Файл настроек \(path) не разобран как JSON настроек: \(error)")
        }
    }
}
