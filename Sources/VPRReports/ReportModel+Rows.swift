import VPRAnalysis

extension ReportModel {
    /// Drops the participants' rows that no writer reads once the tallies are counted (at `init`): every row of a
    /// school outside the risk group and `keeping` (the school of a requested dossier). The recheck list and the
    /// observer plan name papers and classes of the risk group only, the dossier those of its school; a national
    /// run holds about 11 million rows, and without them the writers' peak memory is the reports' own.
    public mutating func releaseRows(keeping: Set<String> = []) {
        guard var dataset = ingest.dataset else { return }
        let kept = Set(analysis.riskGroup.map(\.school.id)).union(keeping)
        dataset.results = dataset.results.filter { kept.contains($0.schoolID) }
        ingest.dataset = dataset
    }
}
