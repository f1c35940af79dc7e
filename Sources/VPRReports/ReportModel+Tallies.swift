import VPRAnalysis

extension ReportModel {
    /// The results counted by school, municipality and region for the tables and charts of the reports.
    /// Computed once with the model: every writer reads the same counts.
    public func tallies() -> ReportTallies { cachedTallies }

    /// The decision about a school, when it has results in this run.
    public func assessment(of schoolID: String) -> SchoolAssessment? {
        analysis.schools.first { $0.school.id == schoolID }
    }

    /// Works the school wrote, in the order of the run's works.
    public func works(of schoolID: String, in tallies: ReportTallies) -> [Work] {
        analysis.works.map(\.work).filter { tallies.school(schoolID, $0) != nil }
    }

    /// «Наименование (код)», or the code alone when the name is unknown.
    public func schoolLabel(_ school: School) -> String {
        school.name.isEmpty ? school.id : "\(school.name) (\(school.id))"
    }
}
