import ArgumentParser
import Foundation
import VPRSampleData

/// `vpr-analyzer sample --seed N --out DIR`: writes a generated district in the input format.
struct SampleCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "sample",
        abstract: "Сгенерировать учебный набор данных района (с несколькими ОО с внесёнными искажениями).")

    @Option(help: "Начальное значение генератора: один и тот же seed даёт одни и те же файлы.")
    var seed: UInt64 = 2025

    @Option(name: .shortAndLong, help: "Папка, куда записать файлы.")
    var out: String

    @Flag(help: "Записать также truth.json — какие ОО и как были искажены.")
    var truth = false

    @Flag(help: "Район без искажений (все ОО объективны).")
    var honest = false

    @Option(help: "Число ОО в районе.")
    var schools = 40

    @Option(help: "Схема искажений для случайной доли ОО (boundaryPulling, inflatedJournal, helpDuringTest, copying, bentToJournal, или mixed — у каждой такой ОО своя схема) вместо набора по умолчанию.")
    var scheme: String?

    @Option(help: "Сила искажений: weak, moderate, strong.")
    var strength = "moderate"

    @Option(help: "Доля ОО с искажениями (для --scheme).")
    var share = 0.15

    @Option(help: "Годы проведения через запятую, например 2024,2025: те же ОО из года в год, искажения сохраняются.")
    var years = "2025"

    func validate() throws { _ = try parsedYears() }

    func parsedYears() throws -> [Int] {
        let list = years.split(separator: ",").map { Int($0.trimmingCharacters(in: .whitespaces)) }
        guard !list.isEmpty, list.allSatisfy({ $0.map { (2000...2100).contains($0) } ?? false }) else {
            throw ValidationError("Годы нужно указать через запятую, например 2024,2025: \(years)")
        }
        return list.map { $0! }
    }

    func run() throws {
        let years = try parsedYears()
        var config = GeneratorConfig(seed: seed, schoolCount: schools, years: years)
        if honest { config = .honest(seed: seed, schoolCount: schools, years: years) }
        if let scheme {
            switch (ManipulationScheme(rawValue: scheme), ManipulationStrength(rawValue: strength)) {
            case let (parsed?, level?):
                config = .calibrationRegion(seed: seed, schoolCount: schools, scheme: parsed, strength: level,
                                            manipulatedShare: share, years: years)
            case let (nil, level?) where scheme == "mixed":
                config = .mixedCalibrationRegion(seed: seed, schoolCount: schools, strength: level, manipulatedShare: share,
                                                 years: years)
            default:
                throw ValidationError("Неизвестная схема или сила искажений: \(scheme), \(strength)")
            }
        }
        let district = DistrictGenerator(config: config).generate()
        try district.write(to: URL(fileURLWithPath: out, isDirectory: true), includeTruth: truth)
        let planted = district.truth.filter { !$0.manipulations.isEmpty }.count
        FileHandle.standardError.write(Data(
            "Записан район: ОО \(district.truth.count), результатов \(district.dataset.results.count), ОО с искажениями: \(planted) → \(out)\n".utf8))
    }
}
