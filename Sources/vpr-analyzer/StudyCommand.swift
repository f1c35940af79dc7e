import ArgumentParser
import Foundation
import VPRAnalysis
import VPRSampleData
import VPRStudy

/// `vpr-analyzer study`: the calibration study (false positives on honest schools, recall per scheme).
struct StudyCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "study",
        abstract: "Калибровочное исследование: доля ложных включений и полнота выявления на сгенерированных районах.")

    @Option(help: "Число районов в каждом сценарии.")
    var districts = 20

    @Option(help: "Число ОО в районе (200 и более — регион).")
    var schools = 40

    @Option(help: "Первый seed; районы получают seed, seed+1, …")
    var seed: UInt64 = 1000

    @Option(help: "Доля ОО с искажениями в сценариях с искажениями.")
    var share = 0.15

    @Option(help: "Сценарии через запятую: honest или схема:сила (boundaryPulling:moderate). По умолчанию — все.")
    var scenarios: String?

    @Option(help: "Файл настроек анализа (JSON).")
    var config: String?

    func run() throws {
        let study = CalibrationStudy(districts: districts, schoolsPerDistrict: schools, firstSeed: seed,
                                     manipulatedShare: share, config: try ConfigLoader.load(config))
        var rows: [StudyRow] = []
        for scenario in try parseScenarios() {
            let started = Date()
            let row = study.run(scenario)
            rows.append(row)
            FileHandle.standardError.write(Data(
                "\(scenario.label): ложных \(row.honestFlagged)/\(row.honest), выявлено \(row.manipulatedFlagged)/\(row.manipulated) (\(Int(Date().timeIntervalSince(started))) с)\n".utf8))
        }
        print(StudyReport.markdown(rows), terminator: "")
    }

    func parseScenarios() throws -> [StudyScenario] {
        guard let scenarios else {
            return [.honest] + ManipulationScheme.allCases.flatMap { scheme in
                ManipulationStrength.allCases.map { StudyScenario(scheme: scheme, strength: $0) }
            }
        }
        return try scenarios.split(separator: ",").map { item in
            if item == "honest" { return .honest }
            let parts = item.split(separator: ":")
            guard parts.count == 2, let scheme = ManipulationScheme(rawValue: String(parts[0])),
                  let strength = ManipulationStrength(rawValue: String(parts[1])) else {
                throw ValidationError("Неизвестный сценарий: \(item)")
            }
            return StudyScenario(scheme: scheme, strength: strength)
        }
    }
}
