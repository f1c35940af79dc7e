import VPRAnalysis

/// The works the generator produces — Математика and Русский язык in grades 4–6 — with the published
/// conversion scales, a realistic task structure, and the item parameters of the response model.
public enum WorkCatalog {
    public static let subjects = ["Математика", "Русский язык"]
    public static let grades = [4, 5, 6]

    /// The published scale of a subject and grade (the same every year here).
    public static func scale(subject: String, grade: Int) -> MarkScale {
        switch (subject, grade) {
        case ("Математика", 4): return MarkScale(maxScore: 20, minMark3: 6, minMark4: 10, minMark5: 14)
        case ("Математика", 5): return MarkScale(maxScore: 20, minMark3: 7, minMark4: 12, minMark5: 17)
        case ("Математика", 6): return MarkScale(maxScore: 16, minMark3: 6, minMark4: 10, minMark5: 14)
        case ("Русский язык", 4): return MarkScale(maxScore: 38, minMark3: 14, minMark4: 24, minMark5: 33)
        case ("Русский язык", 5): return MarkScale(maxScore: 45, minMark3: 18, minMark4: 29, minMark5: 39)
        case ("Русский язык", 6): return MarkScale(maxScore: 51, minMark3: 25, minMark4: 35, minMark5: 45)
        default: preconditionFailure("no scale for \(subject) \(grade)")
        }
    }

    /// Task id, max points, level. Levels: Б for most, П for some, В for the last one or two.
    private static func taskTable(subject: String, grade: Int) -> [(String, Int, TaskLevel)] {
        let b = TaskLevel.basic, p = TaskLevel.advanced, h = TaskLevel.high
        switch (subject, grade) {
        case ("Математика", 4):
            return [("1", 1, b), ("2", 1, b), ("3", 2, b), ("4", 1, b), ("5", 2, b), ("6", 2, b), ("7", 1, b),
                    ("8", 2, p), ("9.1", 1, p), ("9.2", 1, p), ("10", 2, p), ("11", 2, h), ("12", 2, h)]
        case ("Математика", 5):
            return [("1", 1, b), ("2", 1, b), ("3", 1, b), ("4", 1, b), ("5", 1, b), ("6", 2, b), ("7", 1, b),
                    ("8", 2, p), ("9", 2, p), ("10", 2, p), ("11", 2, p), ("12", 2, h), ("13", 2, h)]
        case ("Математика", 6):
            return [("1", 1, b), ("2", 1, b), ("3", 1, b), ("4", 1, b), ("5", 1, b), ("6", 1, b), ("7", 1, b),
                    ("8", 2, p), ("9", 2, p), ("10", 1, p), ("11.1", 1, p), ("11.2", 1, p), ("12", 2, h)]
        case ("Русский язык", 4):
            return [("1", 6, b), ("2", 3, b), ("3.1", 1, b), ("3.2", 3, b), ("4", 2, b), ("5", 2, b), ("6", 2, b),
                    ("7", 3, p), ("8", 3, p), ("9", 2, p), ("10", 3, p), ("11", 2, p), ("12", 3, p),
                    ("13", 2, h), ("14", 1, h)]
        case ("Русский язык", 5):
            return [("1", 9, b), ("2", 6, b), ("3", 2, b), ("4.1", 1, b), ("4.2", 2, b), ("5", 2, b),
                    ("6", 3, p), ("7", 3, p), ("8", 3, p), ("9", 3, p), ("10", 3, p), ("11", 2, p),
                    ("12", 3, h), ("13", 3, h)]
        case ("Русский язык", 6):
            return [("1", 9, b), ("2", 9, b), ("3", 2, b), ("4", 3, b), ("5", 3, b), ("6", 2, b),
                    ("7", 4, p), ("8", 3, p), ("9", 3, p), ("10", 3, p), ("11", 3, p), ("12.1", 1, p), ("12.2", 2, p),
                    ("13", 2, h), ("14", 2, h)]
        default: preconditionFailure("no tasks for \(subject) \(grade)")
        }
    }

    /// The tasks of a work, summing to the scale's maximum.
    public static func tasks(subject: String, grade: Int) -> [TaskSpec] {
        taskTable(subject: subject, grade: grade).map { TaskSpec(id: $0.0, maxPoints: $0.1, level: $0.2) }
    }

    /// The full specification of a work.
    public static func spec(for work: Work) -> WorkSpec {
        WorkSpec(work: work, scale: scale(subject: work.subject, grade: work.grade),
                 tasks: tasks(subject: work.subject, grade: work.grade))
    }

    /// All works of the given years, sorted.
    public static func works(years: [Int]) -> [Work] {
        var out: [Work] = []
        for year in Array(Set(years)).sorted() {
            for subject in subjects {
                for grade in grades { out.append(Work(year: year, subject: subject, grade: grade)) }
            }
        }
        return out.sorted()
    }

    /// Task ids ordered as a person would: 1, 2, 3, 3.1, 3.2, 4, …, 12.
    static func taskIDOrder(_ a: String, _ b: String) -> Bool {
        func key(_ s: String) -> [Int] { s.split(separator: ".").map { Int($0) ?? 0 } }
        let ka = key(a), kb = key(b)
        for (x, y) in zip(ka, kb) where x != y { return x < y }
        if ka.count != kb.count { return ka.count < kb.count }
        return a < b
    }
}

/// Item parameters of one task in the graded-response model:
/// P(score ≥ k | θ) = c + (1 − c)·logistic(a·(θ − b_k)), with increasing step difficulties b_1 < … < b_m
/// and a floor c (guessing, and the easy basic tasks nearly every pupil manages).
struct ItemParameters: Sendable {
    var maxPoints: Int
    var discrimination: Double
    var steps: [Double]
    var floor: Double

    /// One task score for an ability, from one uniform draw (monotone in θ, always within 0…max).
    func score(theta: Double, u: Double) -> Int {
        var k = 0
        for b in steps {
            if u < floor + (1 - floor) * DeterministicMath.logistic(discrimination * (theta - b)) { k += 1 } else { break }
        }
        return k
    }
}

/// The response model of a work: task parameters fixed for the work (the same paper for every school)
/// and a shift that places the work's difficulty against the population.
struct WorkModel: Sendable {
    var spec: WorkSpec
    var items: [ItemParameters]
    /// Journal-mark cutpoints on the teacher's latent scale (θ + noise + generosity): min of 3, 4, 5.
    var journalCuts: (Double, Double, Double)

    init(work: Work, calibration: (shift: Double, discrimination: Double)? = nil) {
        spec = WorkCatalog.spec(for: work)
        let cal = calibration ?? WorkModel.calibration(subject: work.subject, grade: work.grade)
        // Item parameters come from a fixed stream per subject and grade, not from the district seed:
        // the paper is the same for every district.
        var rng = Xoshiro256StarStar(seed: 0x5650_5220_2025, stream: [StreamTag(work.subject), StreamTag(work.grade)])
        let shift = cal.shift
        items = spec.tasks.map { task in
            let base: Double
            switch task.level ?? .basic {
            case .basic: base = -1.1 + rng.uniform(-0.35, 0.35)
            case .advanced: base = 0.2 + rng.uniform(-0.35, 0.35)
            case .high: base = 1.3 + rng.uniform(-0.3, 0.3)
            }
            let a = rng.uniform(0.8, 1.4) * cal.discrimination
            let m = task.maxPoints
            // Spread of step difficulties grows with the number of points (a dictation is graded finely).
            let spread = m == 1 ? 0 : min(0.45 * Double(m - 1), 2.4)
            let steps = (0..<m).map { k -> Double in
                m == 1 ? base + shift : base + shift - spread / 2 + spread * Double(k) / Double(m - 1)
            }
            let floor: Double
            switch task.level ?? .basic {
            case .basic: floor = m == 1 ? 0.1 : 0.05
            case .advanced: floor = 0.03
            case .high: floor = 0.01
            }
            return ItemParameters(maxPoints: m, discrimination: m >= 4 ? a * 0.8 : a, steps: steps, floor: floor)
        }
        journalCuts = WorkModel.journalCutpoints(subject: work.subject, grade: work.grade)
    }

    /// A shift of item difficulty and a factor on discrimination per work, fitted so that the mark shares of a
    /// large honest region resemble published ФИС ОКО distributions (see `targetMarkShares`).
    static func calibration(subject: String, grade: Int) -> (shift: Double, discrimination: Double) {
        switch (subject, grade) {
        case ("Математика", 4): return (-0.15, 0.8)
        case ("Математика", 5): return (-0.50, 0.9)
        case ("Математика", 6): return (0.05, 0.8)
        case ("Русский язык", 4): return (-0.65, 1.0)
        case ("Русский язык", 5): return (-0.50, 0.9)
        case ("Русский язык", 6): return (-0.50, 0.8)
        default: return (0, 1)
        }
    }

    /// Typical shares of marks 2, 3, 4, 5 in a region (rounded from ФИС ОКО reports of recent years).
    static func targetMarkShares(subject: String, grade: Int) -> [Double] {
        switch (subject, grade) {
        case ("Математика", 4): return [0.04, 0.22, 0.46, 0.28]
        case ("Математика", 5): return [0.10, 0.35, 0.37, 0.18]
        case ("Математика", 6): return [0.12, 0.45, 0.32, 0.11]
        case ("Русский язык", 4): return [0.06, 0.30, 0.44, 0.20]
        case ("Русский язык", 5): return [0.14, 0.38, 0.35, 0.13]
        case ("Русский язык", 6): return [0.16, 0.42, 0.32, 0.10]
        default: return [0.1, 0.35, 0.38, 0.17]
        }
    }

    /// Teachers' cutpoints on the latent scale θ + g_s + teacher + noise (population mean ≈ −0.05, SD ≈ 1.22):
    /// placed at the quantiles of the region's honest VPR mark shares, moved down by `leniency`
    /// (a journal is a little more generous than the VPR), and with few 2s (about 2.5%).
    static func journalCutpoints(subject: String, grade: Int) -> (Double, Double, Double) {
        // Cumulative shares of honest VPR marks below 3, 4, 5 in a large generated region.
        let cumulative: (Double, Double, Double)
        switch (subject, grade) {
        case ("Математика", 4): cumulative = (0.078, 0.281, 0.597)
        case ("Математика", 5): cumulative = (0.109, 0.392, 0.780)
        case ("Математика", 6): cumulative = (0.168, 0.509, 0.874)
        case ("Русский язык", 4): cumulative = (0.069, 0.315, 0.741)
        case ("Русский язык", 5): cumulative = (0.136, 0.456, 0.829)
        default: cumulative = (0.182, 0.475, 0.841)
        }
        let mean = -0.05, sd = 1.22, leniency = 0.05
        func cut(_ p: Double) -> Double { mean + sd * NormalQuantile.z(p) - leniency }
        return (mean + sd * NormalQuantile.z(0.025), cut(cumulative.1), cut(cumulative.2))
    }

    func journalMark(latent: Double) -> Int {
        if latent >= journalCuts.2 { return 5 }
        if latent >= journalCuts.1 { return 4 }
        if latent >= journalCuts.0 { return 3 }
        return 2
    }
}

/// The standard normal quantile (Acklam's rational approximation, relative error < 1.2e-9).
enum NormalQuantile {
    static func z(_ p: Double) -> Double {
        precondition(p > 0 && p < 1)
        let a = [-3.969683028665376e+01, 2.209460984245205e+02, -2.759285104469687e+02, 1.383577518672690e+02, -3.066479806614716e+01, 2.506628277459239e+00]
        let b = [-5.447609879822406e+01, 1.615858368580409e+02, -1.556989798598866e+02, 6.680131188771972e+01, -1.328068155288572e+01]
        let c = [-7.784894002430293e-03, -3.223964580411365e-01, -2.400758277161838e+00, -2.549732539343734e+00, 4.374664141464968e+00, 2.938163982698783e+00]
        let d = [7.784695709041462e-03, 3.224671290700398e-01, 2.445134137142996e+00, 3.754408661907416e+00]
        let low = 0.02425
        if p < low {
            let q = (-2 * DeterministicMath.log(p)).squareRoot()
            return (((((c[0] * q + c[1]) * q + c[2]) * q + c[3]) * q + c[4]) * q + c[5]) / ((((d[0] * q + d[1]) * q + d[2]) * q + d[3]) * q + 1)
        }
        if p > 1 - low { return -z(1 - p) }
        let q = p - 0.5, r = q * q
        return (((((a[0] * r + a[1]) * r + a[2]) * r + a[3]) * r + a[4]) * r + a[5]) * q / (((((b[0] * r + b[1]) * r + b[2]) * r + b[3]) * r + b[4]) * r + 1)
    }
}
