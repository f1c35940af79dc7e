import ArgumentParser
import Foundation
import VPRAnalysis
import VPRSampleData
import VPRStudy

/// `vpr-analyzer study`: the calibration study (false positives on honest schools, recall per scheme, the engine
/// beside the crude rules in use today) and, with `--power`, recall by school size and the smallest detectable rate.
struct StudyCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "study",
        abstract: "Калибровочное исследование: доля ложных включений и полнота выявления на сгенерированных районах.",
        discussion: """
            Без --power печатает две таблицы Markdown: таблицу движка и сравнение движка с правилом долей отметок \
            и сырым сравнением заданий по уровням на тех же районах. С --power — полноту по размеру ОО \
            для каждой схемы при умеренной силе и сетку долей для дотягивания, завышения журнала и помощи на работе.
            """)

    @Option(help: "Число районов (регионов) в каждом сценарии.")
    var districts = 20

    @Option(help: "Число ОО в районе (200 и более — регион).")
    var schools = 40

    @Option(help: "Первый seed; районы получают seed, seed+1, …")
    var seed: UInt64 = 1000

    @Option(help: "Доля ОО с искажениями в сценариях с искажениями (с --power — доля каждой группы по размеру).")
    var share = 0.15

    @Flag(name: .customLong("include-tiny"), help: "Искажения и в малокомплектных ОО (отдельный столбец).")
    var includeTiny = false

    @Option(help: "Сценарии через запятую: honest, схема:сила (boundaryPulling:moderate) или mixed:сила (у каждой ОО с искажениями своя схема). По умолчанию — все, кроме mixed.")
    var scenarios: String?

    @Flag(help: "Анализ мощности: полнота по размеру ОО и наименьшая выявляемая доля.")
    var power = false

    @Option(help: "С --power: доли для сетки дотягивания, завышения журнала и помощи на работе, через запятую.")
    var rates = "0.2,0.4,0.6,0.8,1.0"

    @Option(help: "Файл настроек анализа (JSON).")
    var config: String?

    func validate() throws {
        guard districts > 0, schools > 0 else { throw ValidationError("--districts и --schools должны быть положительными.") }
        guard (0...1).contains(share) else { throw ValidationError("--share должна быть от 0 до 1.") }
        _ = try parseRates()
    }

    func run() throws {
        let analysisConfig = try ConfigLoader.load(config)
        if power { return try runPower(analysisConfig) }
        let study = CalibrationStudy(districts: districts, schoolsPerDistrict: schools, firstSeed: seed,
                                     manipulatedShare: share, includeTiny: includeTiny, config: analysisConfig)
        var rows: [StudyRow] = []
        let started = Date()
        for scenario in try parseScenarios() {
            let armStarted = Date()
            let row = study.run(scenario)
            rows.append(row)
            progress("\(scenario.label): ложных \(row.honestFlagged)/\(row.honest), выявлено \(row.manipulatedFlagged)/\(row.manipulated) (\(seconds(since: armStarted)))")
        }
        progress("всего: \(seconds(since: started))")
        print("**Движок** (\(districts) × \(schools) ОО, seed \(seed)…, доля ОО с искажениями \(RussianFormat.percent(share, digits: 0))):\n")
        print(StudyReport.markdown(rows))
        print("**Движок и простые правила на тех же данных:**\n")
        print(StudyReport.comparison(rows), terminator: "")
        if rows.contains(where: \.scenario.isMixed) {
            print("\n**Смешанные схемы: полнота движка по схеме каждой ОО** (\(districts) × \(schools) ОО, seed \(seed)…):\n")
            print(StudyReport.schemeRecall(rows), terminator: "")
        }
    }

    func runPower(_ analysisConfig: AnalysisConfig) throws {
        let study = PowerStudy(regions: districts, schoolsPerRegion: schools, firstSeed: seed,
                               manipulatedShare: share, config: analysisConfig)
        let started = Date()
        let sizes = study.sizes()
        func run(_ arm: PowerArm) -> PowerRow {
            let armStarted = Date()
            let row = study.run(arm, sizes: sizes)
            let m = row.cells.values.reduce(0) { $0 + $1.manipulated }, f = row.cells.values.reduce(0) { $0 + $1.manipulatedFlagged }
            progress("\(arm.scheme?.rawValue ?? "honest") \(arm.rate): выявлено \(f)/\(m) (\(seconds(since: armStarted)))")
            return row
        }
        let byBand = [run(.honest)] + ManipulationScheme.allCases.map { run(.at($0, .moderate)) }
        let grid = try parseRates()
        let boundary = grid.map { run(PowerArm(scheme: .boundaryPulling, rate: $0)) }
        let journal = grid.map { run(PowerArm(scheme: .inflatedJournal, rate: $0)) }
        let help = grid.map { run(PowerArm(scheme: .helpDuringTest, rate: $0)) }
        progress("всего: \(seconds(since: started))")
        let setup = "\(districts) × \(schools) ОО, seed \(seed)…, искажения в \(RussianFormat.percent(share, digits: 0)) ОО каждой группы по размеру"
        print("**Полнота движка по размеру ОО, умеренная сила** (\(setup)):\n")
        print(StudyReport.powerByBand(byBand))
        print("**Дотягивание до границы: полнота по доле дотянутых работ** (\(setup)):\n")
        print(StudyReport.rateGrid(boundary))
        print("**Завышение отметок в журнале: полнота по доле учеников с завышенной отметкой** (\(setup)):\n")
        print(StudyReport.rateGrid(journal))
        print("**Помощь на работе: полнота по доле учеников, которым помогали** (\(setup)):\n")
        print(StudyReport.rateGrid(help), terminator: "")
    }

    func parseRates() throws -> [Double] {
        let values = rates.split(separator: ",").compactMap { Double($0.trimmingCharacters(in: .whitespaces)) }
        guard !values.isEmpty, values.count == rates.split(separator: ",").count, values.allSatisfy({ $0 > 0 && $0 <= 1 }) else {
            throw ValidationError("--rates: доли от 0 до 1 через запятую, например 0.2,0.4,0.6.")
        }
        return values
    }

    func parseScenarios() throws -> [StudyScenario] {
        guard let scenarios else { return CalibrationStudy.allScenarios }
        return try scenarios.split(separator: ",").map { item in
            if item == "honest" { return .honest }
            let parts = item.split(separator: ":")
            if parts.count == 2, parts[0] == "mixed", let strength = ManipulationStrength(rawValue: String(parts[1])) {
                return .mixed(strength)
            }
            guard parts.count == 2, let scheme = ManipulationScheme(rawValue: String(parts[0])),
                  let strength = ManipulationStrength(rawValue: String(parts[1])) else {
                throw ValidationError("Неизвестный сценарий: \(item)")
            }
            return StudyScenario(scheme: scheme, strength: strength)
        }
    }

    func progress(_ line: String) { FileHandle.standardError.write(Data((line + "\n").utf8)) }

    func seconds(since start: Date) -> String { "\(Int(Date().timeIntervalSince(start).rounded())) с" }
}
