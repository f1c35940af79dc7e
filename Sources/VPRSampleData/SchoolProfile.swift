import VPRAnalysis

/// The hidden, honest parameters of one generated school.
struct SchoolProfile: Sendable {
    var school: School
    var kind: SchoolKind
    /// Mean ability of the school's students (population SD = 1).
    var meanAbility: Double
    /// How generous the school's term marks are, on the ability scale: g_s ~ N(0, 0.3).
    var generosity: Double
    /// Share of students absent on the day of a work.
    var absenceRate: Double
    var classesPerGrade: ClosedRange<Int>
    var classSize: ClosedRange<Int>

    var id: String { school.id }
}

enum SchoolDirectory {
    static let city = "г. Северск"
    static let rayons = ["Заречный район", "Озёрский район"]
    static let villages = [
        "Ивановская", "Петровская", "Берёзовская", "Никольская", "Сосновская", "Покровская", "Каменская",
        "Луговская", "Троицкая", "Михайловская", "Знаменская", "Ольховская", "Кедровская", "Липовская",
        "Дубровская", "Воскресенская", "Успенская", "Горская", "Озёрненская", "Рябиновская", "Полевская",
        "Вознесенская", "Сергеевская", "Александровская", "Красноярская", "Черёмуховская", "Ключевская",
        "Соколовская", "Ясеневская", "Малиновская", "Боровская", "Заречная", "Медведевская", "Подгорненская",
    ]

    /// The mix of kinds for a district of `n` schools: for 40, 18 city, 12 rural, 6 tiny rural,
    /// 1 gymnasium, 1 lyceum, 2 weak.
    static func mix(_ n: Int) -> [SchoolKind] {
        func r(_ x: Double) -> Int { Int(x.rounded()) }
        let gym = n >= 8 ? max(1, r(Double(n) / 40)) : 0
        let lyc = n >= 20 ? max(1, r(Double(n) / 40)) : 0
        let weak = n >= 8 ? max(1, r(Double(n) / 20)) : 0
        let tiny = n >= 5 ? r(Double(n) * 0.15) : 0
        let rural = n >= 2 ? r(Double(n) * 0.30) : 0
        var kinds = Array(repeating: SchoolKind.gymnasium, count: gym)
            + Array(repeating: .lyceum, count: lyc) + Array(repeating: .weak, count: weak)
            + Array(repeating: .tinyRural, count: tiny) + Array(repeating: .rural, count: rural)
        let city = max(0, n - kinds.count)
        kinds += Array(repeating: .city, count: city)
        return Array(kinds.prefix(n))
    }

    static func profiles(seed: UInt64, kinds: [(schoolID: String, kind: SchoolKind)]) -> [SchoolProfile] {
        var names = Xoshiro256StarStar(seed: seed, stream: ["names"])
        var numbers = Array(2...(kinds.count + 12))
        names.shuffle(&numbers)
        var villages = villages
        names.shuffle(&villages)
        var nextNumber = 0, nextVillage = 0, gymnasiums = 0, lyceums = 0

        return kinds.map { slot in
            var rng = Xoshiro256StarStar(seed: seed, stream: ["school", StreamTag(slot.schoolID)])
            let townMunicipality = rng.bernoulli(0.7) ? city : rng.pick(rayons)
            let rayon = rng.pick(rayons)
            func cityNumber() -> Int { defer { nextNumber += 1 }; return numbers[nextNumber % numbers.count] + 100 * (nextNumber / numbers.count) }
            func village() -> String {
                defer { nextVillage += 1 }
                let base = villages[nextVillage % villages.count]
                let round = nextVillage / villages.count
                return round == 0 ? base : "\(base) № \(round + 1)"
            }
            var school = School(id: slot.schoolID)
            let mean: Double
            var classes = 1...1, size = 8...20
            switch slot.kind {
            case .city:
                school.name = "МБОУ СОШ № \(cityNumber())"
                school.municipality = townMunicipality; school.locality = "город"; school.schoolType = "СОШ"
                mean = rng.normal(mean: 0.05, sd: 0.25)
                classes = 2...4; size = 20...28
            case .rural:
                let v = village()
                let full = rng.bernoulli(0.7)
                school.name = full ? "МКОУ \(v) СОШ" : "МКОУ \(v) ООШ"
                school.municipality = rayon; school.locality = "село"; school.schoolType = full ? "СОШ" : "ООШ"
                mean = rng.normal(mean: -0.2, sd: 0.25)
                classes = 1...1; size = 8...20
            case .tinyRural:
                school.name = "МКОУ \(village()) ООШ"
                school.municipality = rayon; school.locality = "село"; school.schoolType = "ООШ"
                mean = rng.normal(mean: -0.3, sd: 0.3)
                classes = 1...1; size = 3...10
            case .gymnasium:
                gymnasiums += 1
                school.name = "МАОУ Гимназия № \(gymnasiums)"
                school.municipality = city; school.locality = "город"; school.schoolType = "гимназия"
                mean = rng.uniform(0.8, 1.2)
                classes = 2...4; size = 22...28
            case .lyceum:
                lyceums += 1
                school.name = "МАОУ Лицей № \(lyceums)"
                school.municipality = city; school.locality = "город"; school.schoolType = "лицей"
                mean = rng.uniform(0.8, 1.2)
                classes = 2...3; size = 22...28
            case .weak:
                school.name = "МБОУ СОШ № \(cityNumber())"
                school.municipality = townMunicipality; school.locality = "город"; school.schoolType = "СОШ"
                mean = rng.uniform(-0.9, -0.7)
                classes = 1...2; size = 15...25
            }
            let generosity = rng.normal(mean: 0, sd: 0.3)
            let absence = rng.beta(2, 40)
            return SchoolProfile(school: school, kind: slot.kind, meanAbility: mean, generosity: generosity,
                                 absenceRate: absence, classesPerGrade: classes, classSize: size)
        }
    }
}
