import XCTest
import VPRAnalysis
@testable import VPRSampleData

/// Offline fitting of `WorkModel.calibration` (run with VPR_TUNE=1); not a spec.
final class CalibrationTuningTests: XCTestCase {
    func testFitWorkCalibration() throws {
        try XCTSkipUnless(ProcessInfo.processInfo.environment["VPR_TUNE"] == "1")
        // Population abilities as the honest generator produces them.
        var rng = Xoshiro256StarStar(seed: 99)
        let thetas = (0..<3000).map { _ in rng.normal(mean: -0.05, sd: 1.12) }
        for subject in WorkCatalog.subjects {
            for grade in WorkCatalog.grades {
                let work = Work(year: 2025, subject: subject, grade: grade)
                let target = WorkModel.targetMarkShares(subject: subject, grade: grade)
                var best = (loss: Double.infinity, shift: 0.0, disc: 1.0, shares: [Double]())
                for si in -24...8 {
                    for di in 0...8 {
                        let shift = Double(si) * 0.05, disc = 0.7 + Double(di) * 0.1
                        let model = WorkModel(work: work, calibration: (shift, disc))
                        var r = Xoshiro256StarStar(seed: 5)
                        var counts = [0.0, 0, 0, 0]
                        for t in thetas {
                            var total = 0
                            for item in model.items { total += item.score(theta: t, u: r.uniform()) }
                            counts[model.spec.scale.mark(for: total) - 2] += 1
                        }
                        let shares = counts.map { $0 / Double(thetas.count) }
                        let loss = zip(shares, target).map { ($0 - $1) * ($0 - $1) }.reduce(0, +)
                        if loss < best.loss { best = (loss, shift, disc, shares) }
                    }
                }
                print("\(work.title): shift \(best.shift) disc \(best.disc) shares \(best.shares.map { String(format: "%.3f", $0) }) target \(target)")
            }
        }
    }
}
