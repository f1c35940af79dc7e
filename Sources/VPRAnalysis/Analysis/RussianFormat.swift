import Foundation

/// Numbers and p-values written the Russian way (decimal comma), for explanations and reports.
public enum RussianFormat {
    /// `12,3` — a number with a fixed count of decimals and a decimal comma.
    public static func number(_ value: Double, digits: Int = 1) -> String {
        guard value.isFinite else { return "—" }
        // The C library's `%.Nf` (what `String(format:)` calls), into a stack buffer: a report formats
        // hundreds of thousands of numbers, and Foundation's formatting and replacing dominated its time.
        let precision = Int32(max(0, min(digits, 20)))
        return withUnsafeTemporaryAllocation(of: CChar.self, capacity: 64) { buffer -> String in
            let written = withVaList([precision, value]) { vsnprintf(buffer.baseAddress!, 64, "%.*f", $0) }
            guard written > 0 && written < 64 else {
                return String(format: "%.\(precision)f", value).replacingOccurrences(of: ".", with: ",")
            }
            let bytes = UnsafeRawBufferPointer(start: buffer.baseAddress!, count: Int(written))
            return String(decoding: bytes.lazy.map { $0 == UInt8(ascii: ".") ? UInt8(ascii: ",") : $0 }, as: UTF8.self)
        }
    }

    /// `35 %` — a share in percent.
    public static func percent(_ share: Double, digits: Int = 0) -> String {
        "\(number(share * 100, digits: digits)) %"
    }

    /// «p меньше 0,001», «p = 0,013» — a p-value for a reader (words, not `<`, so no markup escaping is needed).
    public static func pValue(_ p: Double) -> String {
        guard p.isFinite else { return "p не определено" }
        if p < 0.001 {
            let exponent = Int(floor(log10(max(p, 1e-300))))
            return p < 1e-6 ? "p меньше 10\(superscript(exponent + 1))" : "p меньше 0,001"
        }
        return "p = \(number(p, digits: 3))"
    }

    /// An integer in superscript digits: `−18` → «⁻¹⁸».
    static func superscript(_ n: Int) -> String {
        let digits: [Character] = ["⁰", "¹", "²", "³", "⁴", "⁵", "⁶", "⁷", "⁸", "⁹"]
        let body = String(abs(n)).map { digits[Int(String($0))!] }
        return (n < 0 ? "⁻" : "") + String(body)
    }

    /// Russian plural form for a count: `plural(3, "работа", "работы", "работ")` → «работы».
    public static func plural(_ n: Int, _ one: String, _ few: String, _ many: String) -> String {
        let n100 = abs(n) % 100, n10 = abs(n) % 10
        if n100 >= 11 && n100 <= 14 { return many }
        if n10 == 1 { return one }
        if n10 >= 2 && n10 <= 4 { return few }
        return many
    }
}
