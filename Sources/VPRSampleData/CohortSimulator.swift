import VPRAnalysis

/// One student as the school knows them across years.
struct SimulatedStudent {
    var code: String
    var gender: String
    /// General ability, drifting a little from year to year.
    var ability: Double
    /// Subject-specific deviations (Математика, Русский язык): the two subjects correlate but differ.
    var subjectOffset: [Double]
    var variant: String
}

/// A class group followed through the years: «4А» in 2024 is «5А» in 2025.
struct SimulatedClass {
    var letter: String
    /// The class effect on ability (teacher, peers), persisting over the years.
    var effect: Double
    var students: [SimulatedStudent]
}

/// Simulates the cohorts of one school for the works of the configured years.
struct CohortSimulator {
    let seed: UInt64
    let profile: SchoolProfile
    let years: [Int]
    let models: [Work: WorkModel]

    static let letters = ["А", "Б", "В", "Г", "Д"]
    /// SD of the teacher's error about a pupil's ability when setting the term mark.
    let journalNoise = 0.35

    func simulate(codes: inout ParticipantCodes) -> [GeneratedRow] {
        var rows: [GeneratedRow] = []
        var entryYears: Set<Int> = []
        for y in years { for g in WorkCatalog.grades { entryYears.insert(y - g) } }
        for entry in entryYears.sorted() {
            let present = years.filter { WorkCatalog.grades.contains($0 - entry) }.sorted()
            guard let first = present.first else { continue }
            var rng = Xoshiro256StarStar(seed: seed, stream: ["cohort", StreamTag(profile.id), StreamTag(entry)])
            let classCount = rng.int(in: profile.classesPerGrade)
            var classes: [SimulatedClass] = (0..<classCount).map { c in
                let size = rng.int(in: profile.classSize)
                let effect = rng.normal(mean: 0, sd: 0.2)
                let students = (0..<size).map { _ in newStudent(&rng, codes: &codes) }
                return SimulatedClass(letter: Self.letters[c], effect: effect, students: students)
            }
            var previous = first
            for year in present {
                for _ in previous..<year { moveUp(&classes, &rng, codes: &codes) }
                previous = year
                rows += sit(classes: classes, grade: year - entry, year: year, rng: &rng)
            }
        }
        return rows
    }

    private func newStudent(_ rng: inout Xoshiro256StarStar, codes: inout ParticipantCodes) -> SimulatedStudent {
        SimulatedStudent(
            code: codes.make(),
            gender: rng.bernoulli(0.5) ? "М" : "Ж",
            ability: profile.meanAbility + rng.normal(),
            subjectOffset: [rng.normal(mean: 0, sd: 0.35), rng.normal(mean: 0, sd: 0.35)],
            variant: rng.bernoulli(0.5) ? "1" : "2")
    }

    /// A year passes: abilities drift, about 6% of the students leave, about as many arrive.
    private func moveUp(_ classes: inout [SimulatedClass], _ rng: inout Xoshiro256StarStar, codes: inout ParticipantCodes) {
        let range = profile.classSize
        for c in classes.indices {
            var kept: [SimulatedStudent] = []
            for var s in classes[c].students {
                if rng.bernoulli(0.06) { continue }
                s.ability += rng.normal(mean: 0, sd: 0.2)
                kept.append(s)
            }
            var arrivals = rng.binomial(n: classes[c].students.count, p: 0.06)
            if kept.count + arrivals < range.lowerBound { arrivals = range.lowerBound - kept.count }
            for _ in 0..<arrivals { kept.append(newStudent(&rng, codes: &codes)) }
            classes[c].students = kept
        }
    }

    /// Every student of the cohort sits both works of the year (or is absent).
    private func sit(classes: [SimulatedClass], grade: Int, year: Int, rng: inout Xoshiro256StarStar) -> [GeneratedRow] {
        var rows: [GeneratedRow] = []
        for (si, subject) in WorkCatalog.subjects.enumerated() {
            let work = Work(year: year, subject: subject, grade: grade)
            guard let model = models[work] else { continue }
            for cls in classes {
                let label = "\(grade)\(cls.letter)"
                // The subject teacher's own leniency, on top of the school's.
                let teacher = rng.normal(mean: 0, sd: 0.15)
                for s in cls.students {
                    let absent = rng.bernoulli(profile.absenceRate)
                    let theta = s.ability + s.subjectOffset[si] + cls.effect
                    var tasks: [Int?] = []
                    tasks.reserveCapacity(model.items.count)
                    var total = 0
                    for item in model.items {
                        let k = item.score(theta: theta, u: rng.uniform())
                        tasks.append(k); total += k
                    }
                    let latent = theta + profile.generosity + teacher + rng.normal(mean: 0, sd: journalNoise)
                    let journal = model.journalMark(latent: latent)
                    var r = StudentResult(work: work, schoolID: profile.id, classLabel: label, studentID: s.code,
                                          variant: s.variant, primaryScore: total,
                                          mark: model.spec.scale.mark(for: total), journalMark: journal,
                                          gender: s.gender, taskScores: TaskScores(tasks))
                    if absent {
                        r.primaryScore = 0; r.mark = 0; r.journalMark = nil; r.taskScores = []
                        r.variant = "отсутствовал"
                    }
                    rows.append(GeneratedRow(result: r, absent: absent))
                }
            }
        }
        return rows
    }
}
