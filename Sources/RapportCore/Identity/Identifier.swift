/// A persistent, typed identifier such as `per_01JD3…` for a person.
///
/// The phantom `Entity` keeps a ``PersonID`` from being passed where an ``OrganisationID``
/// is expected. The raw value is a short entity prefix, an underscore and a 26-character
/// ULID (Crockford base32, time-ordered), so identifiers sort by creation time and make
/// stable cursor keys for pagination.
public struct Identifier<Entity: IdentifiedEntity>: RawRepresentable, Hashable, Comparable, Codable, Sendable,
    CustomStringConvertible
{
    public let rawValue: String

    public init(rawValue: String) {
        self.rawValue = rawValue
    }

    /// Parses user input: the entity prefix must match and the ULID part must be well formed.
    public init?(parsing text: String) {
        let prefix = Entity.idPrefix + "_"
        guard text.hasPrefix(prefix), text.utf8.count == prefix.utf8.count + 26,
            text.dropFirst(prefix.count).allSatisfy({ ULID.alphabet.contains($0) })
        else { return nil }
        self.rawValue = text
    }

    public var description: String { rawValue }

    public static func < (lhs: Self, rhs: Self) -> Bool { lhs.rawValue < rhs.rawValue }

    public init(from decoder: any Decoder) throws {
        rawValue = try decoder.singleValueContainer().decode(String.self)
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(rawValue)
    }
}

/// An entity with its own identifier space.
public protocol IdentifiedEntity {
    /// The short prefix of this entity's identifiers, e.g. `per` for people.
    static var idPrefix: String { get }
}

public typealias PersonID = Identifier<Person>
public typealias HouseholdID = Identifier<Household>
public typealias OrganisationID = Identifier<Organisation>
public typealias ContactPointID = Identifier<ContactPoint>
public typealias SourceID = Identifier<Touchpoint>
public typealias RawRecordID = Identifier<RawRecord>
public typealias InteractionID = Identifier<Interaction>
public typealias PurchaseID = Identifier<Purchase>
public typealias AttributeID = Identifier<AttributeDefinition>
public typealias UserID = Identifier<User>
public typealias AuditEntryID = Identifier<AuditEntry>
public typealias SegmentID = Identifier<Segment>
public typealias OfferID = Identifier<Offer>
