import Foundation
import RapportCore
import SQLKit

/// Webhook subscriptions (R10.2), kept by administrators. Every change is audited in its
/// own transaction. The signing secret is generated here, returned once by ``create(_:by:)``
/// and otherwise read only by ``WebhookDeliveryQueue`` for signing (see ``Migration/m010Webhooks``
/// for why it is stored as is).
public struct WebhookRepository: Sendable {
    let database: Database
    let audit: AuditTrail
    let ids: IDGenerator
    let outbox: EventOutbox

    /// Stores a new subscription; returns it with its secret, which is never shown again.
    public func create(_ subscription: WebhookSubscription, by actor: Actor) async throws
        -> (subscription: WebhookSubscription, secret: String)
    {
        let secret = "whsec_" + UserRepository.randomToken()
        try await database.transaction { db in
            try await db.raw(
                """
                INSERT INTO webhook_subscriptions (id, url, description, secret, active, created_by, created_at, updated_at)
                VALUES (\(bind: subscription.id.rawValue), \(bind: subscription.url), \(bind: subscription.description),
                  \(bind: secret), \(bind: subscription.active ? 1 : 0), \(bind: subscription.createdBy),
                  \(bind: Timestamp.format(subscription.createdAt)), \(bind: Timestamp.format(subscription.updatedAt)))
                """
            ).run()
            try await Self.writeEvents(of: subscription, on: db)
            try await audit.record(
                .create, entityType: "webhook", entityID: subscription.id.rawValue, detail: Self.detail(subscription),
                by: actor, on: db)
        }
        return (subscription, secret)
    }

    /// Every subscription, oldest first.
    public func list() async throws -> [WebhookSubscription] {
        let events = try await database.sql.raw("SELECT * FROM webhook_subscription_events ORDER BY event_type").all()
        var byID: [String: [WebhookEventType]] = [:]
        for row in events {
            byID[try row.text("subscription_id"), default: []].append(
                try row.enumValue("event_type", as: WebhookEventType.self))
        }
        return try await database.sql.raw("SELECT * FROM webhook_subscriptions ORDER BY id").all().map {
            try Self.subscription(from: $0, events: byID[try $0.text("id")] ?? [])
        }
    }

    public func find(_ id: WebhookSubscriptionID) async throws -> WebhookSubscription {
        try await Self.find(id, on: database.sql)
    }

    /// Applies `patch`. Deactivating cancels the deliveries still pending, so a
    /// deactivated subscription gets nothing, not even what was queued before.
    public func update(_ id: WebhookSubscriptionID, with patch: WebhookPatch, by actor: Actor, now: Date = Date())
        async throws -> WebhookSubscription
    {
        try await database.transaction { db in
            let next = try patch.applied(to: try await Self.find(id, on: db), now: now)
            try await db.raw(
                """
                UPDATE webhook_subscriptions SET url = \(bind: next.url), description = \(bind: next.description),
                  active = \(bind: next.active ? 1 : 0), updated_at = \(bind: Timestamp.format(now))
                WHERE id = \(bind: id.rawValue)
                """
            ).run()
            try await db.raw("DELETE FROM webhook_subscription_events WHERE subscription_id = \(bind: id.rawValue)")
                .run()
            try await Self.writeEvents(of: next, on: db)
            if !next.active {
                try await db.raw(
                    """
                    UPDATE webhook_deliveries SET status = 'cancelled', next_attempt_at = NULL, completed_at = \(bind: Timestamp.format(now))
                    WHERE subscription_id = \(bind: id.rawValue) AND status = 'pending'
                    """
                ).run()
            }
            try await audit.record(
                .update, entityType: "webhook", entityID: id.rawValue, detail: Self.detail(next), by: actor, on: db)
            return next
        }
    }

    /// Removes the subscription with its deliveries and their attempts.
    public func delete(_ id: WebhookSubscriptionID, by actor: Actor) async throws {
        try await database.transaction { db in
            let current = try await Self.find(id, on: db)
            try await db.raw("DELETE FROM webhook_subscriptions WHERE id = \(bind: id.rawValue)").run()
            try await audit.record(
                .delete, entityType: "webhook", entityID: id.rawValue, detail: current.url, by: actor, on: db)
        }
    }

    /// Queues a `ping` to this subscription, due now, whether or not it is active.
    public func ping(_ id: WebhookSubscriptionID, by actor: Actor) async throws -> WebhookDeliveryID {
        try await database.transaction { db in
            _ = try await Self.find(id, on: db)
            let delivery = try await outbox.ping(id, on: db)
            try await audit.record(
                .update, entityType: "webhook", entityID: id.rawValue, detail: "ping \(delivery)", by: actor, on: db)
            return delivery
        }
    }

    static func find(_ id: WebhookSubscriptionID, on db: any SQLDatabase) async throws -> WebhookSubscription {
        guard let row = try await db.raw("SELECT * FROM webhook_subscriptions WHERE id = \(bind: id.rawValue)").first()
        else {
            throw DomainError.notFound(entity: "webhook", id: id.rawValue)
        }
        let events = try await db.raw(
            "SELECT event_type FROM webhook_subscription_events WHERE subscription_id = \(bind: id.rawValue) ORDER BY event_type"
        ).all().map { try $0.enumValue("event_type", as: WebhookEventType.self) }
        return try subscription(from: row, events: events)
    }

    private static func writeEvents(of subscription: WebhookSubscription, on db: any SQLDatabase) async throws {
        for type in subscription.events {
            try await db.raw(
                """
                INSERT INTO webhook_subscription_events (subscription_id, event_type)
                VALUES (\(bind: subscription.id.rawValue), \(bind: type.rawValue))
                """
            ).run()
        }
    }

    private static func detail(_ s: WebhookSubscription) -> String {
        "\(s.url) [\(s.events.map(\.rawValue).joined(separator: ", "))]" + (s.active ? "" : " inactive")
    }

    static func subscription(from row: any SQLRow, events: [WebhookEventType]) throws -> WebhookSubscription {
        WebhookSubscription(
            id: try row.id("id"), url: try row.text("url"), events: events,
            description: try row.optionalText("description"),
            active: try row.flag("active"), createdBy: try row.text("created_by"),
            createdAt: try row.instant("created_at"),
            updatedAt: try row.instant("updated_at"))
    }
}
