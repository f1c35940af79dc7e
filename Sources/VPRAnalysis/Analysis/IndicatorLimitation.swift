/// An indicator that could not run, or ran on less than it needs, for the data given: the report says so
/// in Russian so that a clean result is not read as evidence the indicator looked.
public struct IndicatorLimitation: Sendable, Hashable, Codable {
    public var code: IndicatorCode
    /// Why, in Russian: «не рассчитывается: нужны баллы за задания каждого участника…».
    public var reason: String

    public init(code: IndicatorCode, reason: String) {
        self.code = code
        self.reason = reason
    }

    /// What the dataset cannot support, indicator by indicator.
    public static func of(_ dataset: Dataset, indicators: [IndicatorCode]) -> [IndicatorLimitation] {
        var out: [IndicatorLimitation] = []
        let taskLevel: [IndicatorCode] = [.inversion, .similarity, .personFit]
        let aggregateOnly = dataset.aggregateKeys.count
        if aggregateOnly > 0 {
            let allAggregate = !dataset.hasTaskScores
            for code in taskLevel where indicators.contains(code) {
                out.append(IndicatorLimitation(code: code, reason: allAggregate
                    ? "не рассчитывается: нужны баллы за задания каждого участника, а даны только сводные таблицы ОО"
                    : "не рассчитывается для \(aggregateOnly) \(RussianFormat.plural(aggregateOnly, "сочетания", "сочетаний", "сочетаний")) «ОО × работа», по которым даны только сводные таблицы: нужны баллы за задания каждого участника"))
            }
            if allAggregate && indicators.contains(.helpSignature) {
                out.append(IndicatorLimitation(code: .helpSignature,
                    reason: "объединяет только показатели, доступные по сводным таблицам (HIGH и JOURNAL)"))
            }
        }
        if !dataset.journalShares.isEmpty && indicators.contains(.journal) {
            out.append(IndicatorLimitation(code: .journal,
                reason: "для работ, где сравнение с журналом дано тремя долями (понизили / подтвердили / повысили), ожидаемые доли учитывают только уровень ОО, а не отметки каждого участника, и по классам не рассчитываются"))
        } else if indicators.contains(.journal) && !dataset.results.contains(where: { $0.journalMark != nil }) {
            out.append(IndicatorLimitation(code: .journal, reason: "не рассчитывается: во входных данных нет отметок по журналу"))
        }
        if indicators.contains(.cohort) && Set(dataset.results.lazy.map(\.work.year)).count < 2 {
            out.append(IndicatorLimitation(code: .cohort, reason: "не рассчитывается: нужны результаты двух и более лет"))
        }
        return out
    }
}
