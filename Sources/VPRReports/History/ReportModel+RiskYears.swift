import VPRAnalysis

extension ReportModel {
    /// Earlier assessment years in which this run itself flags a school of its risk group: for a school flagged in a
    /// work of the latest year, the years of its other flagged works (the «Работы» of the list) before that year.
    /// Beside the risk groups of earlier runs, this is what makes a school «повторно» in a run that covers several years.
    public func earlierFlaggedYears() -> [String: Set<Int>] {
        let latest = assessmentYear
        var years: [String: Set<Int>] = [:]
        for s in analysis.riskGroup where s.flaggedWorks.contains(where: { $0.year == latest }) {
            let earlier = Set(s.flaggedWorks.map(\.year).filter { $0 < latest })
            if !earlier.isEmpty { years[s.school.id] = earlier }
        }
        return years
    }
}
