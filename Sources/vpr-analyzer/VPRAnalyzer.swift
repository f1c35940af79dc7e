import ArgumentParser

/// `vpr-analyzer`: finds schools with signs of non-objective VPR results and writes the reports.
@main
struct VPRAnalyzer: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "vpr-analyzer",
        abstract: "Анализ объективности результатов ВПР: перечень ОО с признаками необъективности и справки.",
        version: "0.1.0",
        subcommands: [AnalyzeCommand.self, ValidateCommand.self, SampleCommand.self, StudyCommand.self, ConfigCommand.self, ExplainCommand.self, HistoryCommand.self],
        defaultSubcommand: AnalyzeCommand.self
    )
}
