import VPRAnalysis

/// The study's table in Markdown, in Russian, with exact binomial intervals on every rate.
public enum StudyReport {
    public static func markdown(_ rows: [StudyRow]) -> String {
        var lines = [
            "| Сценарий | Районов × ОО | Честных ОО | Ложно включены | из них гимназий/лицеев | из них малокомплектных | ОО с искажениями | Выявлено (полнота) | 95% ДИ полноты |",
            "|---|---|---|---|---|---|---|---|---|",
        ]
        for r in rows {
            let fp = "\(r.honestFlagged) (\(RussianFormat.percent(r.falsePositiveRate, digits: 1)))"
            let gym = "\(r.gymnasiumsFlagged) из \(r.gymnasiums)"
            let tiny = "\(r.tinyFlagged) из \(r.tiny)"
            var recall = "—", ci = "—"
            if r.manipulated > 0 {
                recall = "\(r.manipulatedFlagged) (\(RussianFormat.percent(r.recall, digits: 0)))"
                let interval = ProportionInterval.clopperPearson(successes: r.manipulatedFlagged, trials: r.manipulated)
                ci = "\(RussianFormat.percent(interval.lower, digits: 0)) – \(RussianFormat.percent(interval.upper, digits: 0))"
            }
            lines.append("| \(r.scenario.label) | \(r.units) × \(r.schoolsPerUnit) | \(r.honest) | \(fp) | \(gym) | \(tiny) | "
                         + "\(r.manipulated) | \(recall) | \(ci) |")
        }
        return lines.joined(separator: "\n") + "\n"
    }
}
