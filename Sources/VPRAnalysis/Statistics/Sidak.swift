import Foundation

/// Šidák's bound for the smallest of m p-values: P(min p ≤ x) ≤ 1 − (1 − x)^m under independence or
/// positive dependence (never more than Bonferroni's m·x).
public enum Sidak {
    /// 1 − (1 − p)^m, computed without cancellation for tiny p.
    public static func adjust(_ p: Double, tests m: Int) -> Double {
        guard m > 1 else { return min(max(p, 0), 1) }
        guard p > 0 else { return 0 }
        guard p < 1 else { return 1 }
        return min(1, -expm1(Double(m) * log1p(-p)))
    }
}
