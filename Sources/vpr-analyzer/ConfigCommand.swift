import ArgumentParser
import Foundation
import VPRAnalysis

/// `vpr-analyzer config`: prints the default settings as JSON, to copy and edit for `--config`.
struct ConfigCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "config",
        abstract: "Напечатать настройки по умолчанию (JSON) — образец для файла --config.")

    func run() throws {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys]
        var data = try encoder.encode(AnalysisConfig.defaults)
        data.append(0x0A)
        FileHandle.standardOutput.write(data)
    }
}
