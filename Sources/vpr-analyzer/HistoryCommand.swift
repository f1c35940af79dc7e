import ArgumentParser
import Foundation
import VPRAnalysis
import VPRHistory
import VPRReports
import VPRSpreadsheet

/// `vpr-analyzer history`: the runs recorded in the history file, one run's manifest and list, the
/// difference of two lists, and a run's reports regenerated from its manifest.
struct HistoryCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "history",
        abstract: "История запусков: список, сведения о запуске, сравнение перечней, повторное построение отчётов.",
        subcommands: [List.self, Show.self, Diff.self, Rerun.self],
        defaultSubcommand: List.self)

    struct Location: ParsableArguments {
        @Option(help: ArgumentHelp(
            "Файл истории запусков (SQLite).",
            discussion: "По умолчанию — vpr-history.sqlite рядом с папкой отчётов reports в текущей папке: там, где его "
                + "ведёт analyze без --out и --history. Если отчёты записывались в другую папку (--out), история лежит "
                + "рядом с ней."))
        var history: String?

        /// The file: `--history`, or where `analyze` keeps it beside its default output folder.
        var path: String { AnalyzeCommand.historyPath(out: "reports", history: history) }

        func validate() throws {
            guard FileManager.default.fileExists(atPath: path) else {
                if history != nil { throw ValidationError("Файл истории не найден: \(path).") }
                throw ValidationError("Файл истории не найден: \(path). По умолчанию история ищется там, где её ведёт "
                    + "analyze: vpr-history.sqlite рядом с папкой отчётов reports в текущей папке. Если отчёты "
                    + "записывались в другую папку (analyze --out ПАПКА), файл лежит рядом с ней; укажите его: --history ФАЙЛ.")
            }
        }

        func open() throws -> HistoryStore { try HistoryStore(path: path) }
    }

    struct List: ParsableCommand {
        static let configuration = CommandConfiguration(commandName: "list", abstract: "Перечислить запуски.")
        @OptionGroup var location: Location

        func run() throws {
            let runs = try location.open().runs()
            if runs.isEmpty { print("В истории нет запусков."); return }
            print("№\tдата отчёта\tгод ВПР\tОО\tв перечне\tвходные данные\tотчёты")
            for r in runs {
                print("\(r.id)\t\(r.reportDate)\t\(r.assessmentYear)\t\(r.schools)\t\(r.riskGroup)\t\(r.inputFolder)\t\(r.outputFolder)")
            }
        }
    }

    struct Show: ParsableCommand {
        static let configuration = CommandConfiguration(commandName: "show", abstract: "Сведения о запуске и его перечень.")
        @OptionGroup var location: Location
        @Argument(help: "Номер запуска.") var number: Int64

        func run() throws {
            let run = number
            let store = try location.open()
            guard let manifest = try store.manifest(of: run) else { throw ValidationError("Запуска № \(run) нет в истории.") }
            print("Запуск № \(run): дата отчёта \(manifest.options.date), версия анализатора \(manifest.options.engineVersion), входные данные «\(manifest.inputFolder)».")
            if let summary = try store.runs().first(where: { $0.id == run }) { print("Отчёты: «\(summary.outputFolder)».") }
            print("Параметры: \(manifest.optionArguments)")
            let settings = manifest.settingsDifferences()
            print(settings.isEmpty ? "Настройки анализа: по умолчанию."
                  : "Настройки анализа, отличные от настроек по умолчанию (\(settings.count)): " + settings.joined(separator: "; ") + ".")
            print("Файлы:")
            for f in manifest.files {
                print("  \(f.name): \(f.size) байт, строк \(f.rowsRead) = \(f.rowsUsed) + \(f.rowsRejected), SHA-256 \(f.sha256)")
            }
            let schools = try store.schools(of: run)
            let group = schools.filter(\.riskGroup)
            print("Перечень ОО (\(group.count) из \(schools.count)):")
            for s in group {
                print("  \(s.schoolID)\t\(s.schoolName)\tбалл \(s.riskScore)\t\(s.indicators)\(s.isRepeat ? "\tповторно" : "")")
            }
        }
    }

    struct Diff: ParsableCommand {
        static let configuration = CommandConfiguration(commandName: "diff", abstract: "Сравнить перечни двух запусков.")
        @OptionGroup var location: Location
        @Argument(help: "Номер первого (более раннего) запуска.") var first: Int64
        @Argument(help: "Номер второго запуска.") var second: Int64

        func run() throws {
            guard let diff = try location.open().diff(first, second) else {
                throw ValidationError("Одного из запусков (№ \(first), № \(second)) нет в истории.")
            }
            print("Перечень запуска № \(second) по сравнению с № \(first):")
            print("Вошли (\(diff.entered.count)): \(diff.entered.isEmpty ? "—" : diff.entered.joined(separator: ", "))")
            print("Вышли (\(diff.left.count)): \(diff.left.isEmpty ? "—" : diff.left.joined(separator: ", "))")
            if !diff.withoutData.isEmpty {
                print("Нет данных в запуске № \(second) (\(diff.withoutData.count)): \(diff.withoutData.joined(separator: ", "))")
            }
            print("Остались (\(diff.stayed.count)): \(diff.stayed.isEmpty ? "—" : diff.stayed.joined(separator: ", "))")
        }
    }

    struct Rerun: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "rerun",
            abstract: "Построить отчёты запуска заново по его записи в истории и тем же входным данным (в историю не записывается).")
        @OptionGroup var location: Location
        @Argument(help: "Номер запуска.") var number: Int64
        @Option(help: "Папка входных данных (по умолчанию — как в записи запуска).") var input: String?
        @Option(name: .shortAndLong, help: "Папка для отчётов.") var out: String

        func run() throws {
            let run = number
            let store = try location.open()
            guard let manifest = try store.manifest(of: run) else { throw ValidationError("Запуска № \(run) нет в истории.") }
            let folder = URL(fileURLWithPath: input ?? manifest.inputFolder, isDirectory: true)
            InterruptGate.shared.installSignalHandlers()
            let lock = try FolderLocking.lock(out, terminal: Terminal(quiet: false))
            defer { lock.release() }
            let outcome = Pipeline(config: manifest.config).run(folder: folder, reader: .withSpreadsheets)
            let changed = manifest.changedFiles(in: folder, read: outcome.ingest.files.map(\.file))
            let engine = manifest.engineWarning()
            if let engine { FileHandle.standardError.write(Data("\(engine)\n".utf8)) }
            if !changed.isEmpty {
                FileHandle.standardError.write(Data(("Входные данные отличаются от записанных в запуске № \(run); отчёты не совпадут с прежними:\n"
                    + changed.map { "  \($0)\n" }.joined()).utf8))
            }
            guard let analysis = outcome.analysis else {
                FileHandle.standardError.write(Data("Данные нельзя использовать; отчёты не записаны.\n".utf8))
                throw ExitCode(2)
            }
            // The reports name the engine that made them: the run's own when it is the same, else the one running now.
            var options = manifest.options
            options.engineVersion = EngineVersion.current
            var model = ReportModel(ingest: outcome.ingest, analysis: analysis, options: options)
            model.attach(try store.view(for: model, asOfRun: run))
            let written = try OutputFolder(url: URL(fileURLWithPath: out, isDirectory: true))
                .write(model, writers: OutputFolder.standardWriters + SchoolDossierHTMLWriter.writers(school: manifest.dossierSchool))
            print("Отчёты запуска № \(run) построены заново в \(out): \(written.joined(separator: ", "))"
                  + (changed.isEmpty ? "; входные файлы совпадают с записанными (SHA-256)" : "")
                  + (engine == nil ? "." : "; версия анализатора другая."))
        }
    }
}
