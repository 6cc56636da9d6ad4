import Foundation

/// What a client sends to create an organisation (account).
public struct OrganisationDraft: Codable, Sendable, Equatable {
    public var name: String?
    public var kind: String?
    public var parentID: String?
    public var resellerOfID: String?
    public var country: String?
    public var registrationNumber: String?

    public init(
        name: String? = nil, kind: String? = nil, parentID: String? = nil, resellerOfID: String? = nil,
        country: String? = nil, registrationNumber: String? = nil
    ) {
        self.name = name
        self.kind = kind
        self.parentID = parentID
        self.resellerOfID = resellerOfID
        self.country = country
        self.registrationNumber = registrationNumber
    }

    public func validated(id: OrganisationID, now: Date) throws(DomainError) -> Organisation {
        var check = IssueCollector()
        let name = check.text(name, field: "name", required: true)
        var kindValue = OrganisationKind.customer
        if let kind, !kind.isEmpty {
            if let parsed = OrganisationKind(rawValue: kind) {
                kindValue = parsed
            } else {
                check.add(.unknown("kind", value: kind, allowed: OrganisationKind.allCases.map(\.rawValue)))
            }
        }
        let organisation = Organisation(
            id: id, name: name ?? "", kind: kindValue,
            parentID: PersonRules.identifier(parentID, field: "parentID", into: &check),
            resellerOfID: PersonRules.identifier(resellerOfID, field: "resellerOfID", into: &check),
            country: PersonRules.country(country, field: "country", into: &check),
            registrationNumber: check.text(registrationNumber, field: "registrationNumber", maxLength: 40),
            createdAt: now, updatedAt: now)
        if organisation.parentID == id || organisation.resellerOfID == id {
            check.add(.invalid("parentID", "An organisation cannot be its own parent or reseller."))
        }
        try check.check()
        return organisation
    }

    /// Applies the fields present in this draft over `current` (a merge patch where
    /// absent fields are kept).
    public func merged(over current: Organisation, now: Date) throws(DomainError) -> Organisation {
        let merged = OrganisationDraft(
            name: name ?? current.name, kind: kind ?? current.kind.rawValue,
            parentID: parentID ?? current.parentID?.rawValue, resellerOfID: resellerOfID ?? current.resellerOfID?.rawValue,
            country: country ?? current.country, registrationNumber: registrationNumber ?? current.registrationNumber)
        var result = try merged.validated(id: current.id, now: now)
        result.createdAt = current.createdAt
        return result
    }
}

/// Links a person to an organisation with a role.
public struct MembershipDraft: Codable, Sendable, Equatable {
    public var personID: String?
    public var role: String?
    public var since: String?
    public var until: String?

    public init(personID: String? = nil, role: String? = nil, since: String? = nil, until: String? = nil) {
        self.personID = personID
        self.role = role
        self.since = since
        self.until = until
    }

    public func validated(organisationID: OrganisationID) throws(DomainError) -> Membership {
        var check = IssueCollector()
        let person: PersonID? = PersonRules.identifier(personID, field: "personID", into: &check)
        if personID == nil { check.add(.required("personID")) }
        let role = check.text(role, field: "role", required: true, maxLength: 100)
        let since = DateRules.day(since, field: "since", into: &check)
        let until = DateRules.day(until, field: "until", into: &check)
        if let since, let until, until < since { check.add(.outOfRange("until", "until must not be before since.")) }
        try check.check()
        return Membership(personID: person!, organisationID: organisationID, role: role!, since: since, until: until)
    }
}

/// Rules for dates and instants in drafts.
enum DateRules {
    static func day(_ text: String?, field: String, into check: inout IssueCollector) -> LocalDate? {
        guard let text, !text.isEmpty else { return nil }
        guard let day = LocalDate(iso: text) else {
            check.add(.invalid(field, "\(field) '\(text)' must be a date in the form YYYY-MM-DD."))
            return nil
        }
        return day
    }

    static func instant(_ text: String?, field: String, required: Bool, into check: inout IssueCollector) -> Date? {
        guard let text, !text.isEmpty else {
            if required { check.add(.required(field)) }
            return nil
        }
        guard let date = Timestamp.parse(text) else {
            check.add(.invalid(field, "\(field) '\(text)' must be an ISO 8601 time such as 2026-03-01T14:30:00Z."))
            return nil
        }
        return date
    }

    static func enumValue<E: RawRepresentable & CaseIterable>(
        _ text: String?, _ type: E.Type, field: String, required: Bool, into check: inout IssueCollector
    ) -> E? where E.RawValue == String {
        guard let text, !text.isEmpty else {
            if required { check.add(.required(field)) }
            return nil
        }
        guard let value = E(rawValue: text) else {
            check.add(.unknown(field, value: text, allowed: E.allCases.map(\.rawValue)))
            return nil
        }
        return value
    }
}
