import RapportCore

/// A person as household grouping sees them: where they live, their family name and how
/// they can be reached — all as matching keys.
public struct HouseholdMember: Hashable, Sendable {
    public var personID: PersonID
    /// The household the person belongs to now, kept where the new grouping allows.
    public var householdID: HouseholdID?
    /// The normalised key of the current home address (``AddressStandardizer/matchKey(_:)``),
    /// including the flat number; nil when unknown.
    public var addressKey: String?
    /// See ``FamilyNameKey``.
    public var familyNameKeys: [String]
    public var contacts: [HouseholdContact]

    public init(
        personID: PersonID, householdID: HouseholdID? = nil, addressKey: String?, familyName: String?,
        contacts: [HouseholdContact] = []
    ) {
        self.personID = personID
        self.householdID = householdID
        self.addressKey = addressKey.flatMap { $0.isEmpty ? nil : $0 }
        self.familyNameKeys = FamilyNameKey.keys(familyName)
        self.contacts = contacts
    }

    /// A stored person with their contact points: the address is the current postal contact
    /// point (the primary one, else the one valid from the latest date), the contacts are the
    /// current e-mail addresses and phone numbers, all by their `normalized` keys.
    public init(person: Person, contactPoints: [ContactPoint], on day: LocalDate) {
        let current = contactPoints.filter { $0.personID == person.id && $0.isCurrent(on: day) }
        let home = current.filter { $0.kind == .postal }.sorted { a, b in
            if a.isPrimary != b.isPrimary { return a.isPrimary }
            switch (a.validFrom, b.validFrom) {
            case (let x?, let y?) where x != y: return x > y
            case (.some, nil): return true
            case (nil, .some): return false
            default: return a.id < b.id
            }
        }.first
        let addressKey = home.map { $0.address.map(AddressStandardizer.matchKey) ?? $0.normalized }
        let contacts = current.filter { $0.kind != .postal && !$0.normalized.isEmpty }.map {
            HouseholdContact(kind: $0.kind, key: $0.normalized)
        }
        self.init(
            personID: person.id, householdID: person.householdID, addressKey: addressKey, familyName: person.familyName,
            contacts: contacts)
    }
}

/// An e-mail address or phone number by its normalised key (lower-case e-mail, E.164 phone).
public struct HouseholdContact: Hashable, Codable, Sendable, Comparable {
    public var kind: ContactKind
    public var key: String

    public init(kind: ContactKind, key: String) {
        self.kind = kind
        self.key = key
    }

    public static func < (a: Self, b: Self) -> Bool {
        (a.kind.rawValue, a.key) < (b.kind.rawValue, b.key)
    }
}
