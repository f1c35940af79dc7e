import Foundation
import VPRAnalysis
import VPRReports

/// How `history show` prints a run's options and settings: compactly, as the command-line options that differ
/// from the defaults and the settings keys that differ from the default configuration.
extension RunManifest {
    /// The run's report options as `analyze` options: `--date` always, the others only when they were given
    /// («--date 2025-10-25 --order-number 15 --school sch1»). Values with spaces are quoted.
    public var optionArguments: String {
        let o = options
        var pairs: [(String, String)] = [("--date", o.date)]
        if o.authority != ReportOptions.defaultAuthority { pairs.append(("--authority", o.authority)) }
        if !o.orderNumber.isEmpty { pairs.append(("--order-number", o.orderNumber)) }
        if !o.orderDate.isEmpty { pairs.append(("--order-date", o.orderDate)) }
        if !o.appendix.isEmpty { pairs.append(("--appendix", o.appendix)) }
        if o.recheckSeed != ReportOptions.defaultRecheckSeed { pairs.append(("--recheck-seed", String(o.recheckSeed))) }
        if let school = dossierSchool { pairs.append(("--school", school)) }
        return pairs.map { "\($0.0) \(Self.quoted($0.1))" }.joined(separator: " ")
    }

    /// The settings that differ from `defaults`, one `key.path = value (по умолчанию value)` each, sorted by key;
    /// empty when the run used the defaults.
    public func settingsDifferences(from defaults: AnalysisConfig = AnalysisConfig()) -> [String] {
        let recorded = Self.leaves(config), standard = Self.leaves(defaults)
        return Set(recorded.keys).union(standard.keys).sorted().compactMap { key in
            let value = recorded[key], base = standard[key]
            guard value != base else { return nil }
            return "\(key) = \(value ?? "—") (по умолчанию \(base ?? "—"))"
        }
    }

    /// Every leaf of a configuration's JSON, by its dotted key path, as JSON text.
    static func leaves(_ config: AnalysisConfig) -> [String: String] {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        guard let data = try? encoder.encode(config), let object = try? JSONSerialization.jsonObject(with: data) else { return [:] }
        var out: [String: String] = [:]
        func walk(_ value: Any, _ path: String) {
            if let dictionary = value as? [String: Any] {
                for (k, v) in dictionary { walk(v, path.isEmpty ? k : "\(path).\(k)") }
            } else if let data = try? JSONSerialization.data(withJSONObject: value, options: [.fragmentsAllowed, .sortedKeys]) {
                out[path] = String(decoding: data, as: UTF8.self)
            }
        }
        walk(object, "")
        return out
    }

    static func quoted(_ value: String) -> String {
        value.isEmpty || value.contains(where: \.isWhitespace) ? "\"\(value)\"" : value
    }
}
