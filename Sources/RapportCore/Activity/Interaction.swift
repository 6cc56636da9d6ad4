import Foundation

/// One contact with a customer on any channel — a call, an e-mail, a visit, a letter, a
/// chat — in either direction, with the staff member and the outcome (R9.1).
public struct Interaction: IdentifiedEntity, Hashable, Codable, Sendable {
    public static let idPrefix = "int"

    public var id: InteractionID
    public var personID: PersonID
    public var organisationID: OrganisationID?
    public var channel: Channel
    public var direction: Direction
    /// The staff member's user, when they have one.
    public var staffUserID: UserID?
    /// The staff member's name as recorded, kept even if the user is later removed.
    public var staffName: String?
    public var outcome: InteractionOutcome
    public var subject: String?
    public var notes: String?
    public var occurredAt: Date
    /// How long a visit, call or session lasted, when the channel records it (R3.2 visit length).
    public var durationSeconds: Int?
    public var sourceID: SourceID?

    public init(
        id: InteractionID, personID: PersonID, organisationID: OrganisationID? = nil, channel: Channel,
        direction: Direction, staffUserID: UserID? = nil, staffName: String? = nil, outcome: InteractionOutcome,
        subject: String? = nil, notes: String? = nil, occurredAt: Date, durationSeconds: Int? = nil,
        sourceID: SourceID? = nil
    ) {
        self.id = id
        self.personID = personID
        self.organisationID = organisationID
        self.channel = channel
        self.direction = direction
        self.staffUserID = staffUserID
        self.staffName = staffName
        self.outcome = outcome
        self.subject = subject
        self.notes = notes
        self.occurredAt = occurredAt
        self.durationSeconds = durationSeconds
        self.sourceID = sourceID
    }
}

public enum Channel: String, Codable, Sendable, CaseIterable {
    case phone, email, web, mail, inPerson = "in_person", social, sms, chat
}

public enum Direction: String, Codable, Sendable, CaseIterable {
    case inbound, outbound
}

public enum InteractionOutcome: String, Codable, Sendable, CaseIterable {
    case resolved, followUp = "follow_up", sale, complaint, noAnswer = "no_answer", information, escalated
}
