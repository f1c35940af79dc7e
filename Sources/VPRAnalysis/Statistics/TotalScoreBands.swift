/// Adjacent total scores merged into bands that each hold at least a minimum number of students,
/// so that distributions conditional on the band are estimated from enough data.
public struct TotalScoreBands: Hashable, Sendable {
    /// The band of each total score 0…maxTotal.
    public let bandOfTotal: [Int]
    public let count: Int

    /// Bands over 0…maxTotal from the students' total scores: scanning up from 0, a band closes once it holds
    /// `minStudents`; a short last band joins the one before it.
    public init(totals: [Int], maxTotal: Int, minStudents: Int) {
        var counts = [Int](repeating: 0, count: maxTotal + 1)
        for t in totals where t >= 0 && t <= maxTotal { counts[t] += 1 }
        var band = [Int](repeating: 0, count: maxTotal + 1)
        var current = 0, inCurrent = 0
        for t in 0...maxTotal {
            band[t] = current
            inCurrent += counts[t]
            if inCurrent >= max(1, minStudents) && t < maxTotal {
                current += 1
                inCurrent = 0
            }
        }
        // The last band is short (or empty): merge it into the previous one.
        if current > 0 && inCurrent < max(1, minStudents) {
            for t in 0...maxTotal where band[t] == current { band[t] = current - 1 }
            current -= 1
        }
        bandOfTotal = band
        count = current + 1
    }

    public func band(ofTotal total: Int) -> Int { bandOfTotal[min(max(total, 0), bandOfTotal.count - 1)] }
}
