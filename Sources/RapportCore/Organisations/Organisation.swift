import Foundation

/// A company or institution that is a customer, a prospect, a reseller (dealer, agent,
/// wholesaler) or a partner. Accounts form trees (`parentID`) and sales chains
/// (`resellerOfID`: this account resells for that one) (R1.8, R7.1).
public struct Organisation: IdentifiedEntity, Hashable, Codable, Sendable {
    public static let idPrefix = "org"

    public var id: OrganisationID
    public var name: String
    public var kind: OrganisationKind
    public var parentID: OrganisationID?
    public var resellerOfID: OrganisationID?
    public var country: String?
    /// Tax or company-register number (EIN, NIP, NPWP).
    public var registrationNumber: String?
    public var createdAt: Date
    public var updatedAt: Date

    public init(
        id: OrganisationID, name: String, kind: OrganisationKind, parentID: OrganisationID? = nil,
        resellerOfID: OrganisationID? = nil, country: String? = nil, registrationNumber: String? = nil,
        createdAt: Date, updatedAt: Date
    ) {
        self.id = id
        self.name = name
        self.kind = kind
        self.parentID = parentID
        self.resellerOfID = resellerOfID
        self.country = country
        self.registrationNumber = registrationNumber
        self.createdAt = createdAt
        self.updatedAt = updatedAt
    }
}

public enum OrganisationKind: String, Codable, Sendable, CaseIterable {
    case customer, prospect, reseller, dealer, agent, wholesaler, partner, supplier
}

/// A person's role at an organisation ("Purchasing manager at Kowalski Sp. z o.o."), with
/// the period it held.
public struct Membership: Hashable, Codable, Sendable {
    public var personID: PersonID
    public var organisationID: OrganisationID
    public var role: String
    public var since: LocalDate?
    public var until: LocalDate?

    public init(personID: PersonID, organisationID: OrganisationID, role: String, since: LocalDate? = nil, until: LocalDate? = nil) {
        self.personID = personID
        self.organisationID = organisationID
        self.role = role
        self.since = since
        self.until = until
    }
}
