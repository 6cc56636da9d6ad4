import Foundation

/// What an outbound webhook reports (R10.2). Each event names one changed record; the
/// receiver fetches the record itself with its own API token, so every read of personal
/// data stays audited.
public enum WebhookEventType: String, Codable, Sendable, CaseIterable {
    case personCreated = "person.created"
    case personUpdated = "person.updated"
    case purchaseCreated = "purchase.created"
    case interactionCreated = "interaction.created"
    case quarantineCreated = "quarantine.created"
    /// Sent only on request (`POST /api/v1/webhooks/{id}/test`), to check a receiver.
    case ping

    /// The types a subscription may choose (`ping` goes to every subscription asked to test).
    public static var subscribable: [WebhookEventType] { allCases.filter { $0 != .ping } }

    /// The kind of record the event is about, as named in the payload's `data.object`.
    public var object: String {
        switch self {
        case .personCreated, .personUpdated: "person"
        case .purchaseCreated: "purchase"
        case .interactionCreated: "interaction"
        case .quarantineCreated: "quarantine_item"
        case .ping: "webhook"
        }
    }

    /// The API path of the record, where the receiver reads it.
    public func path(of entityID: String) -> String {
        switch self {
        case .personCreated, .personUpdated: "/api/v1/people/\(entityID)"
        case .purchaseCreated: "/api/v1/purchases/\(entityID)"
        case .interactionCreated: "/api/v1/interactions/\(entityID)"
        case .quarantineCreated: "/api/v1/quarantine/\(entityID)"
        case .ping: "/api/v1/webhooks/\(entityID)"
        }
    }
}

/// One event as it is stored in the outbox and sent: thin on purpose (see ``EventOutbox``).
public struct WebhookEvent: IdentifiedEntity, Hashable, Codable, Sendable {
    public static let idPrefix = "evt"

    public var id: WebhookEventID
    public var type: WebhookEventType
    public var occurredAt: Date
    public var data: Subject

    /// The record the event is about: its kind, identifier and API path.
    public struct Subject: Hashable, Codable, Sendable {
        public var object: String
        public var id: String
        public var url: String
    }

    public init(id: WebhookEventID, type: WebhookEventType, entityID: String, occurredAt: Date) {
        self.id = id
        self.type = type
        self.occurredAt = occurredAt
        data = Subject(object: type.object, id: entityID, url: type.path(of: entityID))
    }
}

public typealias WebhookEventID = Identifier<WebhookEvent>
