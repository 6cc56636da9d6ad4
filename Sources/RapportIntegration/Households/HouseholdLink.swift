import RapportCore

/// Why two people were put in one household: one edge of the group's spanning tree.
public struct HouseholdLink: Hashable, Codable, Sendable {
    /// The first member of the bucket that made the link (lowest person ID).
    public var person: PersonID
    /// The person joined to them.
    public var otherPerson: PersonID
    public var reason: HouseholdLinkReason
}

/// The evidence behind a household link.
public enum HouseholdLinkReason: Hashable, Codable, Sendable, CustomStringConvertible {
    /// Same address key and a shared family-name key.
    case sameAddressAndFamilyName(addressKey: String, familyNameKey: String)
    /// Same e-mail address or phone number.
    case sharedContact(HouseholdContact)
    /// Same address key, names not considered (``HouseholdRule/linksSameAddressAlone``).
    case sameAddress(addressKey: String)

    public var description: String {
        switch self {
        case .sameAddressAndFamilyName(let address, let name): "same address (\(address)) and family name (\(name))"
        case .sharedContact(let contact):
            "shared \(contact.kind == .email ? "e-mail address" : "phone number") \(contact.key)"
        case .sameAddress(let address): "same address (\(address))"
        }
    }
}
