import Foundation
import RapportCore
import SQLKit

/// The transactional outbox of outbound webhooks (R10.2).
///
/// A repository write that causes an event calls ``record(_:entityID:on:)`` on its own
/// transaction, so the event row exists if and only if the change committed; in the same
/// step one pending delivery is queued per active subscription that wants the type, and
/// ``WebhookDispatcher`` sends them later. Nothing is ever sent from inside a transaction.
/// An event no active subscription wants is not written at all, as in bulk loads: nothing
/// would ever read it, and an import would otherwise write a row per record for no one.
///
/// Payloads are thin: the event's id, type and time and the record's kind, id and API
/// path — no personal data. The receiver fetches the record with its own token, which is
/// audited like every read, and every store of personal data stays behind one erasure:
/// deleting a person leaves nothing about them in the outbox or at a receiver's log.
public struct EventOutbox: Sendable {
    let ids: IDGenerator

    /// Writes the event for `entityID` and queues its deliveries, on `db` (a transaction);
    /// nil, and nothing written, when no active subscription wants `type`.
    @discardableResult
    public func record(_ type: WebhookEventType, entityID: String, on db: any SQLDatabase, now: Date = Date())
        async throws -> WebhookEvent?
    {
        let subscribers = try await db.rows(
            """
            SELECT s.id FROM webhook_subscription_events e JOIN webhook_subscriptions s ON s.id = e.subscription_id
            WHERE e.event_type = ? AND s.active = 1 ORDER BY s.id
            """, [.text(type.rawValue)]
        ).map { try $0.text("id") }
        guard !subscribers.isEmpty else { return nil }
        let event = WebhookEvent(id: ids.make(), type: type, entityID: entityID, occurredAt: now)
        try await insert(event, on: db)
        for subscriber in subscribers {
            try await queue(event, for: WebhookSubscriptionID(rawValue: subscriber), on: db)
        }
        return event
    }

    /// A `ping` for one subscription only, due now (the test button).
    func ping(_ subscription: WebhookSubscriptionID, on db: any SQLDatabase, now: Date = Date()) async throws
        -> WebhookDeliveryID
    {
        let event = WebhookEvent(id: ids.make(), type: .ping, entityID: subscription.rawValue, occurredAt: now)
        try await insert(event, on: db)
        return try await queue(event, for: subscription, on: db)
    }

    private func insert(_ event: WebhookEvent, on db: any SQLDatabase) async throws {
                try await db.run(
            "INSERT INTO webhook_events (id, type, entity_id, occurred_at, payload) VALUES (?, ?, ?, ?, ?)",
            [.text(event.id.rawValue), .text(event.type.rawValue), .text(event.data.id),
             .text(Timestamp.format(event.occurredAt)), .text(event.payload)])
    }

    @discardableResult
    private func queue(_ event: WebhookEvent, for subscription: WebhookSubscriptionID, on db: any SQLDatabase)
        async throws
        -> WebhookDeliveryID
    {
        let id: WebhookDeliveryID = ids.make()
        let at = Timestamp.format(event.occurredAt)
        try await db.raw(
            """
            INSERT INTO webhook_deliveries (id, subscription_id, event_id, event_type, status, attempts, next_attempt_at, created_at)
            VALUES (\(bind: id.rawValue), \(bind: subscription.rawValue), \(bind: event.id.rawValue), \(bind: event.type.rawValue),
              'pending', 0, \(bind: at), \(bind: at))
            """
        ).run()
        return id
    }
}
