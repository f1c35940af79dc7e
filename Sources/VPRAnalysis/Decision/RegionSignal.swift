import Foundation

/// What the region's *other* schools say about which signs of manipulation are present in the run, used to
/// share each school's error rate among its tests (`RiskDecision`).
///
/// A sign is an indicator and a direction (`JOURNAL`·lowered, `BOUNDARY`·bunching, …). A school shows a sign
/// when the Bonferroni p of its material tests of that sign (each test's p over its share of the sign's weight)
/// is at most `regionEvidencePValue`. In a run without that sign the number of such schools is about
/// Bin(N, c); where it is larger than that null allows at level `regionEvidenceGuard`, the excess over its
/// expectation, C − N·c, estimates how many schools carry the sign. A school's weights are then
/// (1 − λ)·base + λ·(its signs' excess counts, normalised), λ = `regionEvidenceShare`.
///
/// The counts for a school leave that school out, so its weights do not depend on its own data: the weighted
/// Holm procedure keeps its guarantee that an honest school enters the risk group with probability at most α,
/// whatever the other schools show. The weights only move α towards the signs the region actually shows
/// (Genovese, Roeder & Wasserman 2006, "False discovery control with p-value weighting"; the same
/// leave-one-out idea as independent hypothesis weighting, Ignatiadis et al. 2016).
struct RegionSignal: Sendable {
    /// An indicator and a direction.
    struct Sign: Hashable, Sendable, Comparable {
        var code: IndicatorCode
        var direction: String

        init(_ test: IndicatorTest) {
            code = test.code
            direction = test.direction
        }

        static func < (a: Sign, b: Sign) -> Bool { (a.code.rawValue, a.direction) < (b.code.rawValue, b.direction) }
    }

    /// Per sign: schools with at least one material test of the sign, and those among them that show it.
    private(set) var tested: [Sign: Int] = [:]
    private(set) var showing: [Sign: Int] = [:]
    /// Per school: the signs it is tested on and those it shows (to leave it out of the counts).
    private var testedBy: [String: Set<Sign>] = [:]
    private var shownBy: [String: Set<Sign>] = [:]
    let config: DecisionConfig

    /// Counts every school's signs; `families` holds each school's family tests with their base weights.
    init(families: [String: [(test: IndicatorTest, weight: Double)]], config: DecisionConfig) {
        self.config = config
        for (schoolID, family) in families {
            let p = Self.signPValues(family)
            testedBy[schoolID] = Set(p.keys)
            shownBy[schoolID] = Set(p.filter { $0.value <= config.regionEvidencePValue }.keys)
            for sign in p.keys { tested[sign, default: 0] += 1 }
            for sign in shownBy[schoolID]! { showing[sign, default: 0] += 1 }
        }
    }

    /// Per sign: the Bonferroni p of the school's material tests of that sign, each test's p over its share of
    /// the sign's total base weight.
    static func signPValues(_ family: [(test: IndicatorTest, weight: Double)]) -> [Sign: Double] {
        var total: [Sign: Double] = [:]
        for (t, w) in family { total[Sign(t), default: 0] += w }
        var result: [Sign: Double] = [:]
        for (t, w) in family where t.material && !t.pValue.isNaN {
            let sign = Sign(t)
            let p = min(1, t.pValue * total[sign]! / w)
            result[sign] = min(result[sign] ?? 1, p)
        }
        return result
    }

    /// The estimated number of schools other than `schoolID` that carry the sign; 0 unless their count of
    /// schools showing it is beyond what chance gives at level `regionEvidenceGuard`.
    func excess(_ sign: Sign, leaving schoolID: String) -> Double {
        let n = (tested[sign] ?? 0) - (testedBy[schoolID]?.contains(sign) == true ? 1 : 0)
        let k = (showing[sign] ?? 0) - (shownBy[schoolID]?.contains(sign) == true ? 1 : 0)
        let c = config.regionEvidencePValue
        guard n > 0, k > 0, Binomial.upperTail(k, n: n, p: c) <= config.regionEvidenceGuard else { return 0 }
        return max(0, Double(k) - Double(n) * c)
    }

    /// The school's weights: its base weights, with `regionEvidenceShare` of the total moved to the signs the
    /// other schools show, in proportion to their excess counts; within a sign, tests keep their base proportions.
    func weights(_ family: [(test: IndicatorTest, weight: Double)], schoolID: String) -> [Double] {
        let base = family.map(\.weight)
        let lambda = min(max(config.regionEvidenceShare, 0), 0.99)
        guard lambda > 0 else { return base }
        var signTotal: [Sign: Double] = [:]
        for (t, w) in family { signTotal[Sign(t), default: 0] += w }
        let excesses = signTotal.keys.sorted().map { ($0, excess($0, leaving: schoolID)) }
        let sum = excesses.reduce(0.0) { $0 + $1.1 }
        guard sum > 0 else { return base }
        let share = Dictionary(uniqueKeysWithValues: excesses.map { ($0.0, $0.1 / sum) })
        let baseSum = base.reduce(0, +)
        return family.map { t, w in
            let sign = Sign(t)
            return (1 - lambda) * w + lambda * baseSum * share[sign]! * w / signTotal[sign]!
        }
    }
}
