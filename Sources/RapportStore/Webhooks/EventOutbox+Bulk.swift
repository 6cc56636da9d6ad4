import Foundation
import RapportCore
import SQLKit

/// The outbox for bulk loads (``BulkLoader``, ``BulkLoadQueue``): the same event and
/// delivery rows, written as tables of the batch in its one transaction.
///
/// One decision differs from single writes: a bulk load writes events only for the types
/// some active subscription wants when the load starts. Loading a million demo records with
/// nobody listening should not fill the outbox with a million rows no one will read.
extension EventOutbox {
    /// The active subscriptions wanting each event type.
    public struct Subscribers: Sendable {
        var byType: [WebhookEventType: [String]] = [:]

        public static let none = Subscribers()

        var isEmpty: Bool { byType.isEmpty }
    }

    /// Who wants what now (read before a bulk load's transaction begins).
    func subscribers(on db: any SQLDatabase) async throws -> Subscribers {
        var result = Subscribers()
        let rows = try await db.raw(
            """
            SELECT e.event_type, s.id FROM webhook_subscription_events e JOIN webhook_subscriptions s ON s.id = e.subscription_id
            WHERE s.active = 1 ORDER BY s.id
            """
        ).all()
        for row in rows {
            guard let type = WebhookEventType(rawValue: try row.text("event_type")) else { continue }
            result.byType[type, default: []].append(try row.text("id"))
        }
        return result
    }

    /// The batch's `person.created`, `purchase.created` and `interaction.created` events and
    /// their deliveries, as two tables (events first, for the foreign key).
    func tables(for batch: RecordBatch, subscribers: Subscribers, now: Date = Date()) -> [BulkTable] {
        guard !subscribers.isEmpty else { return [] }
        var events: [[QueryValue]] = []
        var deliveries: [[QueryValue]] = []
        let at = Timestamp.format(now)
        func add(_ type: WebhookEventType, _ ids: [String]) {
            guard let wanting = subscribers.byType[type], !wanting.isEmpty else { return }
            for entityID in ids {
                let event = WebhookEvent(id: self.ids.make(), type: type, entityID: entityID, occurredAt: now)
                events.append([
                    .text(event.id.rawValue), .text(type.rawValue), .text(entityID), .text(at), .text(event.payload),
                ])
                for subscription in wanting {
                    let delivery: WebhookDeliveryID = self.ids.make()
                    deliveries.append([
                        .text(delivery.rawValue), .text(subscription), .text(event.id.rawValue), .text(type.rawValue),
                        .text("pending"), .integer(0), .text(at), .text(at),
                    ])
                }
            }
        }
        add(.personCreated, batch.people.map(\.id.rawValue))
        add(.purchaseCreated, batch.purchases.map(\.id.rawValue))
        add(.interactionCreated, batch.interactions.map(\.id.rawValue))
        return [
            BulkTable("webhook_events", ["id", "type", "entity_id", "occurred_at", "payload"], events) { $0 },
            BulkTable(
                "webhook_deliveries",
                [
                    "id", "subscription_id", "event_id", "event_type", "status", "attempts", "next_attempt_at",
                    "created_at",
                ],
                deliveries
            ) { $0 },
        ]
    }
}
