import Foundation

/// What a client sends to record an interaction.
public struct InteractionDraft: Codable, Sendable, Equatable {
    public var personID: String?
    public var organisationID: String?
    public var channel: String?
    public var direction: String?
    public var staffName: String?
    public var outcome: String?
    public var subject: String?
    public var notes: String?
    public var occurredAt: String?
    /// Seconds the visit, call or session lasted (0 to 86 400), when known.
    public var durationSeconds: Int?

    public init(
        personID: String? = nil, organisationID: String? = nil, channel: String? = nil, direction: String? = nil,
        staffName: String? = nil, outcome: String? = nil, subject: String? = nil, notes: String? = nil,
        occurredAt: String? = nil, durationSeconds: Int? = nil
    ) {
        self.personID = personID
        self.organisationID = organisationID
        self.channel = channel
        self.direction = direction
        self.staffName = staffName
        self.outcome = outcome
        self.subject = subject
        self.notes = notes
        self.occurredAt = occurredAt
        self.durationSeconds = durationSeconds
    }

    /// The interaction, recorded by `staff` when given; a missing time means now.
    public func validated(id: InteractionID, staff: Actor?, now: Date) throws(DomainError) -> Interaction {
        var check = IssueCollector()
        let person: PersonID? = PersonRules.identifier(personID, field: "personID", into: &check)
        if (personID ?? "").isEmpty { check.add(.required("personID")) }
        let organisation: OrganisationID? = PersonRules.identifier(organisationID, field: "organisationID", into: &check)
        let channel = DateRules.enumValue(channel, Channel.self, field: "channel", required: true, into: &check)
        let direction = DateRules.enumValue(direction, Direction.self, field: "direction", required: true, into: &check)
        let outcome = DateRules.enumValue(outcome, InteractionOutcome.self, field: "outcome", required: true, into: &check)
        let occurred = DateRules.instant(occurredAt, field: "occurredAt", required: false, into: &check) ?? now
        if occurred > now.addingTimeInterval(300) {
            check.add(.outOfRange("occurredAt", "occurredAt is in the future; record interactions once they happened."))
        }
        if let durationSeconds, !(0...86_400).contains(durationSeconds) {
            check.add(.outOfRange("durationSeconds", "durationSeconds must be from 0 to 86400 (one day); leave it out when unknown."))
        }
        let interaction = Interaction(
            id: id, personID: person ?? PersonID(rawValue: ""), organisationID: organisation,
            channel: channel ?? .phone, direction: direction ?? .inbound,
            staffUserID: staff?.userID, staffName: check.text(staffName, field: "staffName", maxLength: 100) ?? staff?.name,
            outcome: outcome ?? .information,
            subject: check.text(subject, field: "subject", maxLength: 200),
            notes: check.text(notes, field: "notes", maxLength: 4000),
            occurredAt: occurred, durationSeconds: durationSeconds)
        try check.check()
        return interaction
    }
}
