import ArgumentParser
import Foundation
import VPRAnalysis

/// `vpr-analyzer explain [CODE]`: what an indicator measures, its null model and how to read it, in Russian.
struct ExplainCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "explain",
        abstract: "Пояснить показатель: что измеряет, нулевая модель, как читать результат.")

    @Argument(help: "Код показателя (BOUNDARY, JOURNAL, HIGH, INVERSION, SIMILARITY, PERSONFIT, COHORT); без кода — список.")
    var code: String?

    /// The indicator named by the argument, in any case; nil when no code was given.
    var indicator: IndicatorCode? {
        guard let code else { return nil }
        return IndicatorCode(rawValue: code.trimmingCharacters(in: .whitespaces).uppercased())
    }

    func validate() throws {
        if let code, indicator == nil {
            let valid = IndicatorCode.allCases.map(\.rawValue).joined(separator: ", ")
            throw ValidationError("Неизвестный код показателя: «\(code)». Допустимые коды: \(valid).")
        }
    }

    func run() throws {
        if let indicator {
            for line in indicator.russianDescription.split(separator: "\n", omittingEmptySubsequences: false) {
                print(Self.wrap(String(line)))
            }
            return
        }
        let width = IndicatorCode.allCases.map(\.rawValue.count).max() ?? 0
        print("Показатели необъективности результатов ВПР:")
        for c in IndicatorCode.allCases {
            print("  " + c.rawValue.padding(toLength: width, withPad: " ", startingAt: 0) + "  " + c.russianName)
        }
        print("\nПодробнее: vpr-analyzer explain КОД")
    }

    /// A paragraph broken into lines of at most `width` characters at spaces, for the terminal.
    static func wrap(_ paragraph: String, width: Int = 100) -> String {
        var lines: [String] = []
        var current = ""
        for word in paragraph.split(separator: " ", omittingEmptySubsequences: false) {
            if !current.isEmpty && current.count + 1 + word.count > width {
                lines.append(current)
                current = paragraph.hasPrefix("  •") ? "    " + word : String(word)
            } else {
                current += (current.isEmpty ? "" : " ") + word
            }
        }
        lines.append(current)
        return lines.joined(separator: "\n")
    }
}
