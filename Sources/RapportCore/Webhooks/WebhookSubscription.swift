import Foundation

/// A receiver of outbound webhooks (R10.2): where events go, which types, and whether it
/// is active. The signing secret is not part of this value, so it is never serialised by
/// accident; the store hands it out once at creation and to the dispatcher only.
public struct WebhookSubscription: IdentifiedEntity, Hashable, Codable, Sendable {
    public static let idPrefix = "whk"

    public var id: WebhookSubscriptionID
    public var url: String
    public var events: [WebhookEventType]
    public var description: String?
    public var active: Bool
    public var createdBy: String
    public var createdAt: Date
    public var updatedAt: Date

    public init(
        id: WebhookSubscriptionID, url: String, events: [WebhookEventType], description: String?, active: Bool,
        createdBy: String, createdAt: Date, updatedAt: Date
    ) {
        self.id = id
        self.url = url
        self.events = events
        self.description = description
        self.active = active
        self.createdBy = createdBy
        self.createdAt = createdAt
        self.updatedAt = updatedAt
    }
}

public typealias WebhookSubscriptionID = Identifier<WebhookSubscription>

/// A new subscription as sent by an administrator (API or form).
public struct WebhookDraft: Codable, Sendable {
    public var url: String?
    public var events: [String]?
    public var description: String?
    public var active: Bool?

    public init(url: String?, events: [String]?, description: String? = nil, active: Bool? = nil) {
        self.url = url
        self.events = events
        self.description = description
        self.active = active
    }

    /// Checks every field at once and builds the subscription.
    public func validated(id: WebhookSubscriptionID, by actor: Actor, now: Date) throws(DomainError)
        -> WebhookSubscription
    {
        var issues = IssueCollector()
        let target = WebhookTarget.check(url, field: "url", into: &issues)
        let types = WebhookDraft.eventTypes(events, field: "events", into: &issues)
        let text = issues.text(description, field: "description", maxLength: 200)
        try issues.check()
        return WebhookSubscription(
            id: id, url: target!, events: types!, description: text, active: active ?? true, createdBy: actor.name,
            createdAt: now, updatedAt: now)
    }

    /// Parses the event type names: at least one, each one of ``WebhookEventType/subscribable``.
    static func eventTypes(_ names: [String]?, field: String, into issues: inout IssueCollector) -> [WebhookEventType]?
    {
        guard let names, !names.isEmpty else {
            issues.add(.required(field))
            return nil
        }
        let allowed = WebhookEventType.subscribable
        var types: Set<WebhookEventType> = []
        var allKnown = true
        for (index, name) in names.enumerated() {
            guard let type = WebhookEventType(rawValue: name), allowed.contains(type) else {
                issues.add(.unknown("\(field)[\(index)]", value: name, allowed: allowed.map(\.rawValue)))
                allKnown = false
                continue
            }
            types.insert(type)
        }
        return allKnown ? types.sorted { $0.rawValue < $1.rawValue } : nil
    }
}

/// A change to a subscription: absent fields are kept.
public struct WebhookPatch: Codable, Sendable {
    public var url: String?
    public var events: [String]?
    public var description: String?
    public var active: Bool?

    public init(url: String? = nil, events: [String]? = nil, description: String? = nil, active: Bool? = nil) {
        self.url = url
        self.events = events
        self.description = description
        self.active = active
    }

    /// The subscription with this patch applied, every field checked.
    public func applied(to current: WebhookSubscription, now: Date) throws(DomainError) -> WebhookSubscription {
        var issues = IssueCollector()
        var next = current
        if let url, let target = WebhookTarget.check(url, field: "url", into: &issues) { next.url = target }
        if let events, let types = WebhookDraft.eventTypes(events, field: "events", into: &issues) {
            next.events = types
        }
        if let description { next.description = issues.text(description, field: "description", maxLength: 200) }
        if let active { next.active = active }
        try issues.check()
        next.updatedAt = now
        return next
    }
}
