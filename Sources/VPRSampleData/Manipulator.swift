import VPRAnalysis

/// Applies one planted manipulation to the results of one school on one work, keeping every row
/// internally consistent: task scores within their maxima, primary score = sum of tasks, mark from the scale.
struct Manipulator {
    let spec: WorkSpec
    var rng: Xoshiro256StarStar

    init(spec: WorkSpec, rng: Xoshiro256StarStar) {
        self.spec = spec
        self.rng = rng
    }

    mutating func apply(_ m: PlantedManipulation, to results: inout [StudentResult], indices: [Int]) {
        switch m.scheme {
        case .boundaryPulling: boundaryPulling(rate: m.rate, &results, indices)
        case .inflatedJournal: inflatedJournal(rate: m.rate, &results, indices)
        case .helpDuringTest: helpDuringTest(rate: m.rate, &results, indices)
        case .copying: copying(groupSize: Int(m.rate.rounded()), classes: m.strength == .strong ? 2 : 1, &results, indices)
        case .bentToJournal: bentToJournal(rate: m.rate, &results, indices)
        }
    }

    // MARK: Schemes

    /// Papers 1–2 points below the minimum of mark 3, 4 or 5 are lifted exactly to it with probability `rate`.
    mutating func boundaryPulling(rate: Double, _ results: inout [StudentResult], _ indices: [Int]) {
        let boundaries = spec.scale.boundaries
        for i in indices {
            let score = results[i].primaryScore
            guard let b = boundaries.first(where: { (1...2).contains($0 - score) }) else { continue }
            if rng.bernoulli(rate) { setScore(&results[i], to: b) }
        }
    }

    /// Journal mark +1 (one time in six +2), capped at 5, for a `rate` share of students below 5.
    mutating func inflatedJournal(rate: Double, _ results: inout [StudentResult], _ indices: [Int]) {
        for i in indices {
            guard let j = results[i].journalMark, j < 5 else { continue }
            if rng.bernoulli(rate) {
                let step = rng.bernoulli(1.0 / 6.0) ? 2 : 1
                results[i].journalMark = min(5, j + step)
            }
        }
    }

    /// For a `rate` share of students each task below its maximum is raised to full marks with probability 0.5.
    mutating func helpDuringTest(rate: Double, _ results: inout [StudentResult], _ indices: [Int]) {
        for i in indices {
            guard rng.bernoulli(rate) else { continue }
            for (t, task) in spec.tasks.enumerated() {
                guard let s = results[i].taskScores[t], s < task.maxPoints else { continue }
                if rng.bernoulli(0.5) { results[i].taskScores[t] = task.maxPoints }
            }
            recompute(&results[i])
        }
    }

    /// In `classes` classes a group of `groupSize` students copies the task vector of one strong source student;
    /// about a third of the copies differ by one point on one task (near-identical).
    mutating func copying(groupSize: Int, classes: Int, _ results: inout [StudentResult], _ indices: [Int]) {
        guard groupSize > 0 else { return }
        var byClass: [String: [Int]] = [:]
        for i in indices { byClass[results[i].classLabel, default: []].append(i) }
        // Prefer classes large enough for the whole group; sorted keys keep the choice seed-stable.
        let labels = byClass.keys.sorted()
        var eligible = labels.filter { byClass[$0]!.count > groupSize }
        if eligible.isEmpty { eligible = labels.filter { byClass[$0]!.count >= 2 } }
        for label in rng.sample(eligible, count: classes) {
            let members = byClass[label]!
            // The source is one of the stronger students of the class (the answers being dictated are good ones).
            let ranked = members.sorted { (results[$0].primaryScore, results[$0].studentID) > (results[$1].primaryScore, results[$1].studentID) }
            let source = rng.pick(Array(ranked.prefix(max(1, ranked.count / 3))))
            let copiers = rng.sample(members.filter { $0 != source }, count: groupSize)
            for c in copiers {
                results[c].taskScores = results[source].taskScores
                if rng.bernoulli(1.0 / 3.0) {
                    let t = rng.int(in: 0...(spec.tasks.count - 1))
                    let s = results[c].taskScores[t] ?? 0
                    results[c].taskScores[t] = s > 0 ? s - 1 : min(1, spec.tasks[t].maxPoints)
                }
                recompute(&results[c])
            }
        }
    }

    /// For a `rate` share of students whose VPR mark differs from the journal mark, the score is moved
    /// to the nearest score of the journal mark's band.
    mutating func bentToJournal(rate: Double, _ results: inout [StudentResult], _ indices: [Int]) {
        let scale = spec.scale
        for i in indices {
            guard let j = results[i].journalMark, j != results[i].mark else { continue }
            guard rng.bernoulli(rate) else { continue }
            let band = Self.band(of: j, on: scale)
            let s = results[i].primaryScore
            setScore(&results[i], to: min(max(s, band.lowerBound), band.upperBound))
        }
    }

    // MARK: Keeping rows consistent

    static func band(of mark: Int, on scale: MarkScale) -> ClosedRange<Int> {
        switch mark {
        case 5: return scale.minMark5...scale.maxScore
        case 4: return scale.minMark4...(scale.minMark5 - 1)
        case 3: return scale.minMark3...(scale.minMark4 - 1)
        default: return 0...(scale.minMark3 - 1)
        }
    }

    /// Adds points to tasks where the paper fell short (or removes points from scored tasks) one at a time,
    /// at random, until the primary score is `target`.
    mutating func setScore(_ r: inout StudentResult, to target: Int) {
        var delta = target - r.primaryScore
        while delta != 0 {
            let candidates = spec.tasks.indices.filter { t in
                let s = r.taskScores[t] ?? 0
                return delta > 0 ? s < spec.tasks[t].maxPoints : s > 0
            }
            guard !candidates.isEmpty else { break }
            let t = rng.pick(candidates)
            r.taskScores[t] = (r.taskScores[t] ?? 0) + (delta > 0 ? 1 : -1)
            delta += delta > 0 ? -1 : 1
        }
        recompute(&r)
    }

    func recompute(_ r: inout StudentResult) {
        r.primaryScore = r.taskScores.reduce(0) { $0 + ($1 ?? 0) }
        r.mark = spec.scale.mark(for: r.primaryScore)
    }
}
