extension IndicatorTest {
    /// The effect size in the unit its name states, for people: a share in per cent (pulled papers, students in
    /// groups of copies), percentage points (a share's excess, a contrast of success rates), marks (the journal
    /// gap) or a plain number (standard deviations, units of spread).
    public var formattedEffect: String {
        switch code {
        case .boundary, .similarity:
            return RussianFormat.percent(effectSize)
        case .journal:
            return figure("mean_gap") != nil ? RussianFormat.number(effectSize, digits: 2)
                : "\(RussianFormat.number(effectSize * 100)) п. п."
        case .inversion:
            return "\(RussianFormat.number(effectSize * 100)) п. п."
        case .high:
            return direction == "marks45" ? "\(RussianFormat.number(effectSize * 100)) п. п." : RussianFormat.number(effectSize, digits: 2)
        case .personFit, .cohort, .helpSignature:
            return RussianFormat.number(effectSize, digits: 2)
        }
    }
}
