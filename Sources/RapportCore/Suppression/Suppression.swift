import Foundation

/// A stop on contacting a person, or one of their contact points (R1.10 elimination):
/// deceased, undeliverable, on the person's request, or another reason with a note.
///
/// Lifting never deletes: `liftedAt`/`liftedBy` are set and the row stays as history.
/// An `until` day ends the suppression by itself (the day is the first one it no longer
/// applies); see ``ContactGate`` for when a suppression is current.
public struct Suppression: IdentifiedEntity, Sendable, Equatable, Codable {
    public static let idPrefix = "sup"

    public var id: SuppressionID
    public var personID: PersonID
    /// Set when only this contact point is suppressed; nil for the whole person.
    public var contactPointID: ContactPointID?
    public var reason: SuppressionReason
    public var note: String?
    public var until: LocalDate?
    public var createdBy: String
    public var createdAt: Date
    public var liftedAt: Date?
    public var liftedBy: String?

    public init(
        id: SuppressionID, personID: PersonID, contactPointID: ContactPointID? = nil, reason: SuppressionReason,
        note: String? = nil, until: LocalDate? = nil, createdBy: String, createdAt: Date, liftedAt: Date? = nil,
        liftedBy: String? = nil
    ) {
        self.id = id
        self.personID = personID
        self.contactPointID = contactPointID
        self.reason = reason
        self.note = note
        self.until = until
        self.createdBy = createdBy
        self.createdAt = createdAt
        self.liftedAt = liftedAt
        self.liftedBy = liftedBy
    }

    /// True while the suppression applies on `day`: not lifted and not past its until-day.
    public func isCurrent(on day: LocalDate) -> Bool {
        liftedAt == nil && (until.map { day < $0 } ?? true)
    }
}

/// Why a person or contact point is suppressed.
public enum SuppressionReason: String, Codable, Sendable, CaseIterable {
    case deceased
    case undeliverable
    case onRequest = "on_request"
    case other

    /// How the 360 badge names it: "deceased", "on request".
    public var label: String { rawValue.replacingOccurrences(of: "_", with: " ") }
}

public typealias SuppressionID = Identifier<Suppression>
