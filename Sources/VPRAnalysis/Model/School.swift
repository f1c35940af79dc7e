/// An educational organisation (ОО) as `schools.csv` describes it.
public struct School: Hashable, Sendable, Codable {
    public var id: String
    public var name: String
    public var municipality: String
    /// «город» or «село» when known.
    public var locality: String
    /// «гимназия», «лицей», «СОШ», «ООШ»… when known.
    public var schoolType: String

    public init(id: String, name: String = "", municipality: String = "", locality: String = "", schoolType: String = "") {
        self.id = id
        self.name = name
        self.municipality = municipality
        self.locality = locality
        self.schoolType = schoolType
    }

    /// Gymnasiums and lyceums teach some subjects at an advanced level and legitimately score higher.
    public var isAdvancedStudy: Bool {
        let t = schoolType.lowercased()
        return t.contains("гимназ") || t.contains("лицей") || t.contains("лицея")
    }
}
