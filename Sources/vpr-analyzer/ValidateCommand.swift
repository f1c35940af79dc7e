import ArgumentParser
import Foundation
import VPRAnalysis
import VPRSpreadsheet

/// `vpr-analyzer validate INPUT`: checks the input and prints the findings without analysing.
struct ValidateCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "validate",
        abstract: "Проверить входные файлы (CSV и XLSX-выгрузки ФИС ОКО), сказать, что в каждом найдено, и напечатать замечания, не выполняя анализ.")

    @OptionGroup var inputOptions: InputOptions

    func run() throws {
        var terminal = Terminal(quiet: inputOptions.quiet)
        let ingest = InputFolderReader.withSpreadsheets.read(folder: inputOptions.inputURL)
        // What each file was recognised as: «results-mat5.xlsx: Ф1, Математика 5 (2025), 3 ОО, 212 участников».
        for file in ingest.recognised {
            terminal.say(file.russianDescription)
        }
        terminal.printFiles(ingest.files)
        terminal.print(ingest.diagnostics)
        for r in ingest.rejected.filter({ !$0.isAbsence }).prefix(20) {
            terminal.say("\(r.location): строка отклонена: \(r.reason)")
        }
        terminal.print(ingest.findings.map { Diagnostic(.warning, $0.message, at: $0.location) })
        guard let dataset = ingest.dataset else {
            terminal.quiet = false
            terminal.error("Данные нельзя использовать.")
            throw ExitCode(2)
        }
        let works = Set(dataset.results.map(\.work)).sorted().map(\.title).joined(separator: ", ")
        terminal.say("Данные пригодны: ОО \(Set(dataset.results.map(\.schoolID)).count), "
                     + "результатов \(dataset.results.count); работы: \(works).")
    }
}
