import VPRSampleData

/// A rule whose flags the study counts: the engine, or one of the crude rules in use today.
public enum StudyDetector: String, Hashable, Sendable, Codable, CaseIterable {
    /// The engine: every indicator, weighted Holm within the school, BH across schools (`Pipeline`).
    case engine
    /// The shares-of-marks screen (`MarksShareScreen`).
    case marksShareScreen
    /// The raw comparison of basic and advanced task success with the region (`RawInversionRule`).
    case rawInversion

    /// Russian name for the tables.
    public var russianName: String {
        switch self {
        case .engine: return "движок"
        case .marksShareScreen: return "доли отметок"
        case .rawInversion: return "инверсия (сырая)"
        }
    }
}

/// How many schools of each group one detector flagged.
public struct DetectionTally: Hashable, Sendable, Codable {
    public var honest = 0, gymnasiums = 0, tiny = 0, manipulated = 0, manipulatedTiny = 0

    public init() {}

    static func + (a: DetectionTally, b: DetectionTally) -> DetectionTally {
        var c = a
        c.honest += b.honest; c.gymnasiums += b.gymnasiums; c.tiny += b.tiny
        c.manipulated += b.manipulated; c.manipulatedTiny += b.manipulatedTiny
        return c
    }
}

/// Counts of one study arm: how many schools of each kind there were, and how many each detector flagged.
public struct StudyRow: Hashable, Sendable, Codable {
    public var scenario: StudyScenario
    public var units: Int
    public var schoolsPerUnit: Int
    /// Honest schools; of them gymnasiums and lyceums; of them tiny rural schools.
    public var honest = 0, gymnasiums = 0, tiny = 0
    /// Manipulating schools other than tiny ones (recall is counted among these), and manipulating tiny schools.
    public var manipulated = 0, manipulatedTiny = 0
    /// Flags of every detector.
    public var flags: [StudyDetector: DetectionTally] = [:]
    /// The engine's counts by the school's size band (participations); manipulating tiny schools included.
    public var bySize: [SizeBand: PowerCell] = [:]
    /// The engine's recall by the scheme a manipulating non-tiny school used (several in mixed arms).
    public var byScheme: [ManipulationScheme: PowerCell] = [:]

    public init(scenario: StudyScenario, units: Int, schoolsPerUnit: Int) {
        self.scenario = scenario
        self.units = units
        self.schoolsPerUnit = schoolsPerUnit
    }

    public func tally(_ detector: StudyDetector) -> DetectionTally { flags[detector] ?? DetectionTally() }

    /// Share of honest schools the detector flagged.
    public func falsePositiveRate(_ detector: StudyDetector = .engine) -> Double {
        honest > 0 ? Double(tally(detector).honest) / Double(honest) : 0
    }

    /// Share of manipulating non-tiny schools the detector flagged (NaN without any).
    public func recall(_ detector: StudyDetector = .engine) -> Double {
        manipulated > 0 ? Double(tally(detector).manipulated) / Double(manipulated) : .nan
    }

    // The engine's counts under their historical names.
    public var honestFlagged: Int { tally(.engine).honest }
    public var gymnasiumsFlagged: Int { tally(.engine).gymnasiums }
    public var tinyFlagged: Int { tally(.engine).tiny }
    public var manipulatedFlagged: Int { tally(.engine).manipulated }
    public var manipulatedTinyFlagged: Int { tally(.engine).manipulatedTiny }

    static func + (a: StudyRow, b: StudyRow) -> StudyRow {
        var c = a
        c.units += b.units
        c.honest += b.honest; c.gymnasiums += b.gymnasiums; c.tiny += b.tiny
        c.manipulated += b.manipulated; c.manipulatedTiny += b.manipulatedTiny
        for d in StudyDetector.allCases where a.flags[d] != nil || b.flags[d] != nil {
            c.flags[d] = a.tally(d) + b.tally(d)
        }
        for (band, cell) in b.bySize { c.bySize[band] = (a.bySize[band] ?? PowerCell()) + cell }
        for (scheme, cell) in b.byScheme { c.byScheme[scheme] = (a.byScheme[scheme] ?? PowerCell()) + cell }
        return c
    }
}
