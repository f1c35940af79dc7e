import Foundation

extension Analysis {
    /// Drops what only a school's own report reads from the tests of schools outside the risk group and outside
    /// `keeping`: the Russian explanations, the score series and the figures of class-level tests. The figures of
    /// the school-level tests stay, because the region's charts (funnel plots, journal bars) draw every school
    /// from them. A national run holds millions of tests, and these parts are most of their memory; the reports
    /// and `results.json` read them for the risk group and a requested school only.
    public mutating func releaseDetail(keeping: Set<String> = []) {
        let kept = Set(riskGroup.map(\.school.id)).union(keeping)
        for i in tests.indices where !kept.contains(tests[i].schoolID) {
            tests[i].explanation = ""
            tests[i].series = [:]
        }
        for i in classTests.indices where !kept.contains(classTests[i].schoolID) {
            classTests[i].explanation = ""
            classTests[i].series = [:]
            classTests[i].figures = []
        }
    }
}
