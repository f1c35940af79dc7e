import VPRAnalysis
import VPRSampleData

/// The study's tables in Markdown, in Russian, with exact binomial intervals on the engine's rates.
public enum StudyReport {
    /// The engine's table: false positives among honest schools (all, gymnasiums and lyceums, tiny) and recall.
    /// A column of manipulating tiny schools appears when any arm has them (`includeTiny`).
    public static func markdown(_ rows: [StudyRow]) -> String {
        let withTiny = rows.contains { $0.manipulatedTiny > 0 }
        var header = "| Сценарий | Районов × ОО | Честных ОО | Ложно включены | 95% ДИ доли ложных | из них гимназий/лицеев | из них малокомплектных | ОО с искажениями | Выявлено (полнота) | 95% ДИ полноты |"
        var rule = "|---|---|---|---|---|---|---|---|---|---|"
        if withTiny { header += " Малокомплектные с искажениями: выявлено |"; rule += "---|" }
        var lines = [header, rule]
        for r in rows {
            let fp = "\(r.honestFlagged) (\(RussianFormat.percent(r.falsePositiveRate(), digits: 1)))"
            let fpInterval = ProportionInterval.clopperPearson(successes: r.honestFlagged, trials: max(r.honest, 1))
            let fpCI = "\(RussianFormat.percent(fpInterval.lower, digits: 1)) – \(RussianFormat.percent(fpInterval.upper, digits: 1))"
            let gym = "\(r.gymnasiumsFlagged) из \(r.gymnasiums)"
            let tiny = "\(r.tinyFlagged) из \(r.tiny)"
            var recall = "—", ci = "—"
            if r.manipulated > 0 {
                recall = "\(r.manipulatedFlagged) (\(RussianFormat.percent(r.recall(), digits: 0)))"
                ci = interval(r.manipulatedFlagged, r.manipulated)
            }
            var line = "| \(r.scenario.label) | \(r.units) × \(r.schoolsPerUnit) | \(r.honest) | \(fp) | \(fpCI) | \(gym) | \(tiny) | "
                + "\(r.manipulated) | \(recall) | \(ci) |"
            if withTiny { line += r.manipulatedTiny > 0 ? " \(r.manipulatedTinyFlagged) из \(r.manipulatedTiny) |" : " — |" }
            lines.append(line)
        }
        return lines.joined(separator: "\n") + "\n"
    }

    /// The engine beside the two crude rules on the same districts: false positives among honest schools
    /// (with gymnasiums/lyceums and tiny schools among them) and recall among manipulating non-tiny schools.
    public static func comparison(_ rows: [StudyRow]) -> String {
        let detectors = StudyDetector.allCases
        var header = "| Сценарий | Честных ОО [гимн./малок.] | ОО с искажениями |"
        var rule = "|---|---|---|"
        for d in detectors {
            header += " \(d.russianName): ложные [гимн./малок.] | \(d.russianName): полнота |"
            rule += "---|---|"
        }
        var lines = [header, rule]
        for r in rows {
            var line = "| \(r.scenario.label) | \(r.honest) [\(r.gymnasiums)/\(r.tiny)] | \(r.manipulated) |"
            for d in detectors {
                let t = r.tally(d)
                line += " \(t.honest) (\(RussianFormat.percent(r.falsePositiveRate(d), digits: 1))) [\(t.gymnasiums)/\(t.tiny)] |"
                line += r.manipulated > 0
                    ? " \(t.manipulated) (\(RussianFormat.percent(r.recall(d), digits: 0))) |" : " — |"
            }
            lines.append(line)
        }
        return lines.joined(separator: "\n") + "\n"
    }

    /// Mixed arms: false positives among honest schools and the engine's recall for each scheme separately,
    /// since in one district the schemes share the same Benjamini–Hochberg step.
    public static func schemeRecall(_ rows: [StudyRow]) -> String {
        let schemes = ManipulationScheme.allCases
        var lines = ["| Сценарий | Районов × ОО | Честных ОО | Ложно включены | "
                        + schemes.map { "\($0.russianName): выявлено" }.joined(separator: " | ") + " | Всего выявлено |",
                     "|---|---|---|---|" + String(repeating: "---|", count: schemes.count + 1)]
        for r in rows where r.scenario.isMixed {
            let cells = schemes.map { scheme -> String in
                guard let c = r.byScheme[scheme], c.manipulated > 0 else { return "—" }
                return "\(c.manipulatedFlagged) из \(c.manipulated) (\(RussianFormat.percent(c.recall, digits: 0)))"
            }
            let total = r.manipulated > 0
                ? "\(r.manipulatedFlagged) из \(r.manipulated) (\(RussianFormat.percent(r.recall(), digits: 0))), ДИ \(interval(r.manipulatedFlagged, r.manipulated))"
                : "—"
            lines.append("| \(r.scenario.label) | \(r.units) × \(r.schoolsPerUnit) | \(r.honest) | "
                         + "\(r.honestFlagged) (\(RussianFormat.percent(r.falsePositiveRate(), digits: 1))) | "
                         + cells.joined(separator: " | ") + " | \(total) |")
        }
        return lines.joined(separator: "\n") + "\n"
    }

    /// Recall by size band for each arm (one row per arm), and the honest schools' false positives by band.
    public static func powerByBand(_ rows: [PowerRow], bands: [SizeBand] = SizeBand.standard) -> String {
        var lines = ["| Сценарий | " + bands.map { "\($0.label) участий" }.joined(separator: " | ") + " |",
                     "|---|" + String(repeating: "---|", count: bands.count)]
        for r in rows {
            let cells = bands.map { band -> String in
                let c = r.cell(band)
                if r.arm.scheme == nil {
                    return c.honest > 0 ? "ложных \(c.honestFlagged) из \(c.honest)" : "—"
                }
                return c.manipulated > 0 ? "\(c.manipulatedFlagged) из \(c.manipulated) (\(RussianFormat.percent(c.recall, digits: 0)))" : "—"
            }
            lines.append("| \(armLabel(r.arm)) | " + cells.joined(separator: " | ") + " |")
        }
        return lines.joined(separator: "\n") + "\n"
    }

    /// The rate grid of one scheme: recall per band and rate, and the lowest rate with recall ≥ `target`.
    public static func rateGrid(_ rows: [PowerRow], bands: [SizeBand] = SizeBand.standard, target: Double = 0.8) -> String {
        let rates = rows.map(\.arm.rate)
        var lines = ["| Участий в ОО | " + rates.map { "доля \(decimal($0))" }.joined(separator: " | ")
                        + " | Наименьшая доля с полнотой ≥ \(RussianFormat.percent(target, digits: 0)) |",
                     "|---|" + String(repeating: "---|", count: rates.count + 1)]
        for band in bands {
            let cells = rows.map { r -> String in
                let c = r.cell(band)
                return c.manipulated > 0 ? "\(RussianFormat.percent(c.recall, digits: 0)) (\(c.manipulatedFlagged)/\(c.manipulated))" : "—"
            }
            let smallest = PowerStudy.smallestDetectableRate(rows, band: band, target: target).map(decimal) ?? "не выявляется"
            lines.append("| \(band.label) | " + cells.joined(separator: " | ") + " | \(smallest) |")
        }
        return lines.joined(separator: "\n") + "\n"
    }

    static func armLabel(_ arm: PowerArm) -> String {
        guard let scheme = arm.scheme else { return "без искажений" }
        let nominal = arm.strength.rate(for: scheme) == arm.rate
        return nominal ? "\(scheme.russianName), \(arm.strength.russianName)" : "\(scheme.russianName), доля \(decimal(arm.rate))"
    }

    static func interval(_ k: Int, _ n: Int) -> String {
        let i = ProportionInterval.clopperPearson(successes: k, trials: n)
        return "\(RussianFormat.percent(i.lower, digits: 0)) – \(RussianFormat.percent(i.upper, digits: 0))"
    }

    /// 0,4 — a rate with a decimal comma.
    static func decimal(_ x: Double) -> String {
        let rounded = (x * 100).rounded() / 100
        var s = String(rounded)
        if s.hasSuffix(".0") { s.removeLast(2) }
        return s.replacingOccurrences(of: ".", with: ",")
    }
}
