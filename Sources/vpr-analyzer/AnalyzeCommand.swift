import ArgumentParser
import Foundation
import VPRAnalysis
import VPRSpreadsheet
import VPRReports
import VPRHistory

/// `vpr-analyzer analyze [INPUT] --out DIR`: the whole run, from files to reports.
struct AnalyzeCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "analyze",
        abstract: "Проанализировать папку с результатами и записать перечень ОО и справки.")

    @OptionGroup var inputOptions: InputOptions

    @Option(name: .shortAndLong, help: "Папка для отчётов.")
    var out: String = "reports"

    @Option(help: "Файл настроек (JSON) с порогами и весами; неуказанные ключи берутся по умолчанию.")
    var config: String?

    @Option(help: "Дата отчёта ГГГГ-ММ-ДД (по умолчанию — сегодня), для воспроизводимых отчётов.")
    var date: String?

    @Option(help: "Орган управления образованием в родительном падеже («к приказу …»), например «Управления образования администрации города».")
    var authority: String = ReportOptions.defaultAuthority

    @Option(name: .customLong("order-number"), help: "Номер приказа (по умолчанию — строка для заполнения).")
    var orderNumber: String = ""

    @Option(name: .customLong("order-date"), help: "Дата приказа, как её напечатать (по умолчанию — строка для заполнения).")
    var orderDate: String = ""

    @Option(help: "Номер приложения к приказу, например 1.")
    var appendix: String = ""

    @Option(name: .customLong("recheck-seed"), help: "Зерно случайной контрольной выборки работ для перепроверки.")
    var recheckSeed: UInt64 = ReportOptions.defaultRecheckSeed

    @Option(help: "Код ОО: дополнительно записать материалы для этой ОО (school-КОД.html и school-КОД.md).")
    var school: String?

    @Option(help: "Файл истории запусков (SQLite). По умолчанию — vpr-history.sqlite рядом с папкой отчётов.")
    var history: String?

    @Flag(name: .customLong("no-history"), help: "Не вести историю запусков (в отчётах не будет раздела «Что изменилось»).")
    var noHistory = false

    /// The history file: `--history`, or `vpr-history.sqlite` in the folder that holds the output folder.
    static func historyPath(out: String, history: String?) -> String {
        if let history { return history }
        let output = URL(fileURLWithPath: out, isDirectory: true).standardizedFileURL
        return output.deletingLastPathComponent().appendingPathComponent("vpr-history.sqlite").path
    }

    func validate() throws {
        if let date, !ReportDate.isValid(date) {
            throw ValidationError("Дата должна быть в виде ГГГГ-ММ-ДД: \(date)")
        }
        // Checked here, not only in run(): an error thrown from run() is shown with the top-level
        // usage («vpr-analyzer <subcommand>») instead of this command's, and only after reading the data.
        _ = try ConfigLoader.load(config)
    }

    func run() throws {
        let terminal = Terminal(quiet: inputOptions.quiet)
        let analysisConfig = try ConfigLoader.load(config)
        InterruptGate.shared.installSignalHandlers()
        let lock = try FolderLocking.lock(out, terminal: terminal)
        defer { lock.release() }
        terminal.say("Чтение данных из \(inputOptions.input)…")
        var outcome = Pipeline(config: analysisConfig, classTests: .riskGroup(plus: Set(school.map { [$0] } ?? [])))
            .run(folder: inputOptions.inputURL, reader: .withSpreadsheets)
        terminal.printFiles(outcome.ingest.files)
        terminal.print(outcome.ingest.diagnostics)
        guard var analysis = outcome.analysis else {
            terminal.error("Данные нельзя использовать; отчёты не записаны.")
            throw ExitCode(2)
        }
        // The only copy from here on, so that releasing the detail no reader needs frees it instead of copying.
        outcome.analysis = nil
        analysis.releaseDetail(keeping: school.map { [$0] } ?? [])
        if !outcome.ingest.findings.isEmpty {
            terminal.say("Замечаний к качеству данных: \(outcome.ingest.findings.count) (см. summary.md и results.json).")
        }
        let options = ReportOptions(date: date ?? ReportDate.today(), inputName: inputOptions.input,
                                    authority: authority, orderNumber: orderNumber, orderDate: orderDate,
                                    appendix: appendix, recheckSeed: recheckSeed)
        var model = ReportModel(ingest: outcome.ingest, analysis: analysis, options: options)
        // The model's copy is the only one from here on; the rows no writer reads are dropped.
        outcome.ingest.dataset = nil
        model.releaseRows(keeping: school.map { [$0] } ?? [])
        if let school, model.assessment(of: school) == nil {
            terminal.error("ОО с кодом «\(school)» нет среди результатов; отчёты не записаны.")
            throw ExitCode(64)
        }
        let folder = OutputFolder(url: URL(fileURLWithPath: out, isDirectory: true))
        let writers = OutputFolder.standardWriters + SchoolDossierHTMLWriter.writers(school: school)
        var written: [String] = []
        if noHistory {
            do {
                written = try folder.write(model, writers: writers)
            } catch {
                terminal.error("Не удалось записать отчёты в \(out): \(error.localizedDescription)")
                throw ExitCode(1)
            }
        } else {
            let path = Self.historyPath(out: out, history: history)
            do {
                let store = try HistoryStore(path: path)
                let manifest = try RunManifest.make(options: options, config: analysisConfig, folder: inputOptions.inputURL,
                                                    dossierSchool: school, files: outcome.ingest.files)
                // The renames and the history commit are one publication: an interrupt waits for both or neither.
                var publishing = false
                defer { if publishing { InterruptGate.shared.leave() } }
                let runID = try store.record(manifest, model: model, outputFolder: out) { view in
                    model.attach(view)
                    let staged = try folder.stage(model, writers: writers)
                    Self.hold(at: "VPR_ANALYZER_TEST_HOLD_TRANSACTION", seconds: 60)
                    InterruptGate.shared.enter()
                    publishing = true
                    Self.hold(at: "VPR_ANALYZER_TEST_HOLD_PUBLICATION", seconds: 3)
                    written = try staged.publish()
                }
                terminal.say("Запуск № \(runID) записан в историю \(path).")
            } catch {
                terminal.error("Не удалось записать отчёты в \(out) и историю в \(path): \(error.localizedDescription); "
                               + "ни отчёты, ни запись в истории не созданы.")
                throw ExitCode(1)
            }
        }
        terminal.say("Проанализировано ОО: \(analysis.schools.count), работ: \(analysis.works.count). "
                     + "В группе риска: \(analysis.riskGroup.count).")
        terminal.say("Записано в \(out): " + written.joined(separator: ", "))
    }

    /// For the tests that kill or interrupt a run at a known point: with the environment variable set to a file
    /// path, the run creates that file there and waits. `VPR_ANALYZER_TEST_HOLD_TRANSACTION`: inside the history
    /// transaction, once the reports are staged under temporary names; `VPR_ANALYZER_TEST_HOLD_PUBLICATION`: inside the
    /// publication, before the first rename.
    static func hold(at variable: String, seconds: Double) {
        guard let marker = ProcessInfo.processInfo.environment[variable] else { return }
        _ = FileManager.default.createFile(atPath: marker, contents: nil)
        Thread.sleep(forTimeInterval: seconds)
    }
}
