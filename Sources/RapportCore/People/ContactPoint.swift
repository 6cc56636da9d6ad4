import Foundation

/// A way to reach a person or organisation: an e-mail address, a phone number or a postal
/// address, valid from one date and — once it stops being used — until another, so the
/// history of where someone lived or could be reached is never lost.
public struct ContactPoint: IdentifiedEntity, Hashable, Codable, Sendable {
    public static let idPrefix = "cp"

    public var id: ContactPointID
    public var personID: PersonID?
    public var organisationID: OrganisationID?
    public var kind: ContactKind
    /// The value as it should be shown: "+48 601 234 567", "jan@example.pl", or the address lines.
    public var value: String
    /// The matching key: lower-cased e-mail, E.164 phone, folded address.
    public var normalized: String
    public var label: String?
    public var address: PostalAddress?
    public var validFrom: LocalDate?
    public var validTo: LocalDate?
    public var isPrimary: Bool
    public var sourceID: SourceID?
    public var createdAt: Date

    public init(
        id: ContactPointID, personID: PersonID? = nil, organisationID: OrganisationID? = nil, kind: ContactKind,
        value: String, normalized: String, label: String? = nil, address: PostalAddress? = nil,
        validFrom: LocalDate? = nil, validTo: LocalDate? = nil, isPrimary: Bool = false, sourceID: SourceID? = nil,
        createdAt: Date
    ) {
        self.id = id
        self.personID = personID
        self.organisationID = organisationID
        self.kind = kind
        self.value = value
        self.normalized = normalized
        self.label = label
        self.address = address
        self.validFrom = validFrom
        self.validTo = validTo
        self.isPrimary = isPrimary
        self.sourceID = sourceID
        self.createdAt = createdAt
    }

    /// True while the contact point is in use on `day`.
    public func isCurrent(on day: LocalDate) -> Bool {
        if let from = validFrom, day < from { return false }
        if let to = validTo, day >= to { return false }
        return true
    }
}

public enum ContactKind: String, Codable, Sendable, CaseIterable {
    case email, phone, postal
}

/// A postal address in the form the country uses, split into the parts that matter for
/// mailing and matching.
public struct PostalAddress: Hashable, Codable, Sendable {
    public var line1: String
    public var line2: String?
    public var city: String
    public var postcode: String?
    /// State, voivodeship or province.
    public var region: String?
    /// ISO 3166-1 alpha-2.
    public var country: String

    public init(line1: String, line2: String? = nil, city: String, postcode: String? = nil, region: String? = nil, country: String) {
        self.line1 = line1
        self.line2 = line2
        self.city = city
        self.postcode = postcode
        self.region = region
        self.country = country
    }

    /// The address as printed on an envelope in its country's order.
    public var formatted: String {
        var lines = [line1]
        if let line2, !line2.isEmpty { lines.append(line2) }
        switch country {
        case "US":
            lines.append([city + ",", region, postcode].compactMap { $0 }.joined(separator: " "))
        default:
            lines.append([postcode, city].compactMap { $0 }.joined(separator: " "))
            if let region, !region.isEmpty { lines.append(region) }
        }
        return lines.joined(separator: "\n")
    }
}
