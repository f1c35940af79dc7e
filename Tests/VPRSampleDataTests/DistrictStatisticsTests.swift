import XCTest
import VPRAnalysis
@testable import VPRSampleData

/// Shares of VPR marks vs journal marks, as ФИС ОКО reports them («понизили / подтвердили / повысили»).
struct AgreementShares {
    var lower = 0.0, equal = 0.0, higher = 0.0, n = 0

    init(_ results: [StudentResult]) {
        var l = 0, e = 0, h = 0
        for r in results {
            guard let j = r.journalMark else { continue }
            if r.mark < j { l += 1 } else if r.mark == j { e += 1 } else { h += 1 }
        }
        n = l + e + h
        guard n > 0 else { return }
        lower = Double(l) / Double(n); equal = Double(e) / Double(n); higher = Double(h) / Double(n)
    }
}

final class DistrictStatisticsTests: XCTestCase {
    /// Prints mark shares and agreement per work of a 200-school honest region (run with VPR_TUNE=1).
    func testPrintCalibrationSummary() throws {
        try XCTSkipUnless(ProcessInfo.processInfo.environment["VPR_TUNE"] == "1")
        let d = DistrictGenerator(config: .honest(seed: 7, schoolCount: 200)).generate()
        for work in d.dataset.works.keys.sorted() {
            let rs: [StudentResult] = d.dataset.results.filter { $0.work == work }
            var marks = [0, 0, 0, 0, 0, 0], journal = [0, 0, 0, 0, 0, 0]
            for r in rs { marks[r.mark] += 1; journal[r.journalMark ?? 0] += 1 }
            let n = Double(rs.count)
            let a = AgreementShares(rs)
            func pct(_ x: [Int]) -> String { (2...5).map { String(format: "%4.1f", Double(x[$0]) / n * 100) }.joined(separator: " ") }
            print("\(work.title) n=\(rs.count) VPR[\(pct(marks))] journal[\(pct(journal))] lower \(String(format: "%.2f", a.lower)) equal \(String(format: "%.2f", a.equal)) higher \(String(format: "%.2f", a.higher))")
        }
        // School-level spread of agreement.
        var lows: [Double] = []
        for id in d.dataset.schools.keys.sorted() {
            let a = AgreementShares(d.dataset.results.filter { $0.schoolID == id })
            if a.n >= 40 { lows.append(a.lower) }
        }
        lows.sort()
        print("school lower share: p10 \(lows[lows.count / 10]) median \(lows[lows.count / 2]) p90 \(lows[lows.count * 9 / 10])")
        print("absent \(d.absentRows) results \(d.dataset.results.count)")
    }
}
