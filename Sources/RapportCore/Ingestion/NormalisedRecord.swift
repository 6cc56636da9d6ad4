import Foundation

/// An ingested record after validation and normalisation: the person it describes, their
/// contact points in standard form, and the deterministic keys to match on.
public struct NormalisedRecord: Sendable, Equatable {
    public var givenName: String?
    public var familyName: String?
    public var birthDate: LocalDate?
    public var gender: Gender?
    public var language: String?
    public var country: String?
    /// Without owner yet; ``contactPoints(of:)`` sets it once the person is known.
    public var contactPoints: [ContactPoint]
    /// In ``PersonKey/precedence`` order.
    public var keys: [PersonKey]

    /// True when a new person can be created from this record (it has a name).
    public var canCreatePerson: Bool { givenName != nil || familyName != nil }

    /// A new person from this record, or nil without a name.
    public func newPerson(id: PersonID, now: Date) -> Person? {
        guard canCreatePerson else { return nil }
        return Person(
            id: id, givenName: givenName, familyName: familyName, birthDate: birthDate, gender: gender, language: language,
            country: country, createdAt: now, updatedAt: now)
    }

    /// The contact points, owned by `person`.
    public func contactPoints(of person: PersonID) -> [ContactPoint] {
        contactPoints.map { point in
            var point = point
            point.personID = person
            return point
        }
    }

    /// The contact points of a person created from this record: owned by `person`, the first of
    /// each kind primary. With one source there is nothing to weigh, so this is what
    /// survivorship would make primary, without running it for every new person.
    public func contactPoints(ofNewPerson person: PersonID) -> [ContactPoint] {
        var kinds = Set<ContactKind>()
        return contactPoints(of: person).map { point in
            var point = point
            point.isPrimary = kinds.insert(point.kind).inserted
            return point
        }
    }
}
