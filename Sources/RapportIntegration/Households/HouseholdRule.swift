/// When two people belong to one household (R1.8). Stored as JSON and set by administrators.
///
/// **Same address alone is not enough under the standard rule.** An address key without a
/// flat number covers a whole apartment block, and even with one, lodgers and flatmates are
/// not a household for mailing and value. So the standard rule links people at one address
/// only when they also share a family name (``FamilyNameKey``), and links anyone who shares a
/// phone number or e-mail address. Flatmates can be grouped by turning on
/// ``linksSameAddressAlone``.
///
/// Two limits keep a block or a shared office line from gluing hundreds of people together:
/// an address with more than ``maximumPeoplePerAddress`` people makes no address links at all,
/// and a contact shared by more than ``maximumPeoplePerContact`` people makes no contact links.
/// Both are reported in ``HouseholdGroupingResult``.
public struct HouseholdRule: Hashable, Codable, Sendable {
    /// Link people at one address who share a family name. On by default.
    public var linksSameAddressAndFamilyName: Bool
    /// Link everyone at one address whatever their names. Off by default (see above).
    public var linksSameAddressAlone: Bool
    /// Where a shared phone number or e-mail address links people.
    public var sharedContacts: SharedContactLinking
    /// More people than this at one address key: no address links there (an apartment block).
    public var maximumPeoplePerAddress: Int
    /// More people than this sharing one contact: no links through it (a switchboard).
    public var maximumPeoplePerContact: Int

    public init(
        linksSameAddressAndFamilyName: Bool = true, linksSameAddressAlone: Bool = false,
        sharedContacts: SharedContactLinking = .anywhere, maximumPeoplePerAddress: Int = 10,
        maximumPeoplePerContact: Int = 6
    ) {
        self.linksSameAddressAndFamilyName = linksSameAddressAndFamilyName
        self.linksSameAddressAlone = linksSameAddressAlone
        self.sharedContacts = sharedContacts
        self.maximumPeoplePerAddress = maximumPeoplePerAddress
        self.maximumPeoplePerContact = maximumPeoplePerContact
    }

    /// Address plus family name, or a shared contact anywhere; blocks of more than 10 people
    /// and contacts of more than 6 people make no links.
    public static let standard = HouseholdRule()
}

/// Where a shared phone number or e-mail address makes a household link.
public enum SharedContactLinking: String, Codable, Sendable {
    /// Never: contacts play no part.
    case never
    /// Only between people at the same address (a shared landline at home) — also at a
    /// crowded address, since the contact, not the address, is the evidence.
    case sameAddress = "same_address"
    /// Wherever the people live (a parent's phone on a student's record).
    case anywhere
}
