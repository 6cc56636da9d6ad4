import RapportCore

/// One row of a movers file (R1.6, like the US NCOA service): who moved, from where to where,
/// and since when.
public struct MoverRecord: Hashable, Codable, Sendable {
    /// Given name as the file has it; may be an initial ("J.") or missing.
    public var givenName: String?
    public var familyName: String
    /// The old address's matching key (``AddressStandardizer/matchKey(_:)``).
    public var oldAddressKey: String
    public var newAddress: PostalAddress
    /// The first day at the new address: the old address is valid until this day.
    public var effectiveDate: LocalDate
    public var moveType: MoveType

    public init(
        givenName: String?, familyName: String, oldAddressKey: String, newAddress: PostalAddress,
        effectiveDate: LocalDate,
        moveType: MoveType = .family
    ) {
        self.givenName = givenName
        self.familyName = familyName
        self.oldAddressKey = oldAddressKey
        self.newAddress = newAddress
        self.effectiveDate = effectiveDate
        self.moveType = moveType
    }

    /// "Jan Kowalski" or "Kowalski".
    var name: String { [givenName, familyName].compactMap { $0 }.joined(separator: " ") }
}

/// Who a movers-file row says moved, as NCOA codes it.
public enum MoveType: String, Codable, Sendable {
    /// One person moved; the rest of the household stays.
    case individual
    /// The whole family (household) moved.
    case family
}

/// A person living (or recorded) at the old address, as the movers matcher sees them.
public struct MoveCandidate: Hashable, Sendable {
    public var personID: PersonID
    public var householdID: HouseholdID?
    public var givenName: String?
    public var familyName: String?
    /// The matching key of the person's current address.
    public var addressKey: String?
    /// Since when the person lives there (the address's `validFrom`), if known.
    public var livingThereSince: LocalDate?

    public init(
        personID: PersonID, householdID: HouseholdID? = nil, givenName: String?, familyName: String?,
        addressKey: String?,
        livingThereSince: LocalDate? = nil
    ) {
        self.personID = personID
        self.householdID = householdID
        self.givenName = givenName
        self.familyName = familyName
        self.addressKey = addressKey
        self.livingThereSince = livingThereSince
    }

    /// A stored person at the address held by `home`, their postal contact point.
    public init(person: Person, home: ContactPoint) {
        self.init(
            personID: person.id, householdID: person.householdID, givenName: person.givenName,
            familyName: person.familyName,
            addressKey: home.address.map(AddressStandardizer.matchKey) ?? home.normalized,
            livingThereSince: home.validFrom)
    }
}
