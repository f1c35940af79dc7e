import Foundation

extension JournalGap {
    /// The ФИС ОКО figures of a unit: students with both marks, the three counts, the share of a sign with its
    /// Wilson interval, its expected share and the mean difference.
    func shareFigures(_ unit: JournalUnit, _ d: JournalDirection) -> [Figure] {
        let c = unit.comparison
        let share = c.total > 0 ? Double(c.count(d)) / Double(c.total) : .nan
        let interval = ProportionInterval.wilson(successes: c.count(d), trials: c.total)
        return [
            Figure("students_with_journal_mark", Double(c.total)),
            Figure("lowered", Double(c.lowered)), Figure("confirmed", Double(c.confirmed)), Figure("raised", Double(c.raised)),
            Figure("share", share), Figure("share_ci_low", interval.lower), Figure("share_ci_high", interval.upper),
            Figure("expected_share", unit.expectedShare(d)),
            Figure("mean_difference_vpr_minus_journal", c.meanDifference),
        ]
    }

    static func place(work: Work?, classLabel: String?) -> String {
        if let classLabel { return "В классе \(classLabel)" }
        if let work { return "В работе «\(work.title)»" }
        return "По всем работам ОО"
    }

    /// A share test: the share of a sign against its expected share.
    func makeTest(_ unit: JournalUnit, _ d: JournalDirection, p: Double?, scope: TestScope, schoolID: String,
                  work: Work?, classLabel: String?, participants: Int, config: JournalConfig) -> IndicatorTest {
        let c = unit.comparison
        let n = c.total, k = c.count(d)
        let share = n > 0 ? Double(k) / Double(n) : .nan
        let expected = unit.expectedShare(d)
        let excess = share - expected
        let pValue = p ?? 1
        let explanation = Explanation {
            "\(Self.place(work: work, classLabel: classLabel)) \(d.russianShare) — \(RussianFormat.percent(share)) "
                + "(\(k) из \(n)) при ожидаемой по региону для учеников с такими же отметками \(RussianFormat.percent(expected)) "
                + "с учётом обычного разброса между ОО и классами (\(RussianFormat.pValue(pValue)))."
        }
        return IndicatorTest(
            code: code, direction: d.rawValue, category: d.category, scope: scope,
            schoolID: schoolID, work: work, classLabel: classLabel, participants: participants,
            eligible: p != nil && n >= config.minStudents,
            statisticName: d.russianShare, statistic: share, pValue: pValue,
            effectName: "превышение доли над ожидаемой", effectSize: excess,
            material: excess.isFinite && excess >= config.minShareExcess, explanation: explanation,
            figures: shareFigures(unit, d))
    }

    /// A gap test: the unit's mean residual on one side against the region's centre for such units.
    /// `sharePValue` is the share test of the same sign, kept as a figure.
    func makeGapTest(_ unit: JournalUnit, _ d: JournalDirection, p: Double, centre: Double, sharePValue: Double?,
                     scope: TestScope, schoolID: String, work: Work?, classLabel: String?, participants: Int,
                     config: JournalConfig) -> IndicatorTest {
        let c = unit.comparison
        let n = c.total, k = c.count(d)
        let share = n > 0 ? Double(k) / Double(n) : .nan
        let mean = unit.meanGap(d)
        let excess = mean - centre
        var figures = shareFigures(unit, d)
        figures += [Figure("mean_gap", mean), Figure("expected_gap", centre), Figure("gap_excess", excess)]
        if let sharePValue { figures.append(Figure("share_p_value", sharePValue)) }
        let (higher, given) = d == .lowered ? ("отметки по журналу", "отметками ВПР") : ("отметки ВПР", "отметками по журналу")
        let expected = unit.expectedShare(d)
        let explanation = Explanation {
            "\(Self.place(work: work, classLabel: classLabel)) \(higher) в среднем на "
                + "\(RussianFormat.number(excess, digits: 2)) балла выше, чем обычно в ОО региона у учеников с такими же \(given); "
                + "\(d.russianShare) — \(RussianFormat.percent(share)) (\(k) из \(n)) при ожидаемой "
                + "\(RussianFormat.percent(expected)); учтён обычный разброс между ОО и классами "
                + "(\(RussianFormat.pValue(p)))."
        }
        return IndicatorTest(
            code: code, direction: d.rawValue, category: d.category, scope: scope,
            schoolID: schoolID, work: work, classLabel: classLabel, participants: participants,
            eligible: n >= config.minStudents,
            statisticName: d == .lowered ? "средний сдвиг отметок по журналу относительно отметок ВПР"
                : "средний сдвиг отметок ВПР относительно отметок по журналу",
            statistic: mean, pValue: p,
            effectName: "превышение сдвига над обычным для ОО региона, баллов отметки", effectSize: excess,
            material: excess.isFinite && excess >= config.minGapExcess, explanation: explanation, figures: figures)
    }
}
