import Foundation
import RapportCore
import SQLKit

/// The deliveries the outbox queued, as the dispatcher works through them: claim what is
/// due, log each attempt, schedule the retry or close the delivery. Holds no personal data
/// (events are thin), so attempts are not audited; subscription changes are.
public struct WebhookDeliveryQueue: Sendable {
    let database: Database
    let ids: IDGenerator

    /// A delivery ready to be sent: the stored body, where to and the key to sign with.
    public struct Due: Sendable, Equatable {
        public let id: WebhookDeliveryID
        public let eventType: WebhookEventType
        public let attempts: Int
        public let url: String
        public let secret: String
        public let body: String
    }

    /// Claims up to `limit` deliveries due at `now` by moving their next attempt to `now +
    /// lease`: another dispatcher (a second server on the same PostgreSQL) skips them, and
    /// if this one dies mid-send they fall due again after the lease (at least once).
    public func claimDue(now: Date, limit: Int = 16, lease: TimeInterval = 120) async throws -> [Due] {
        let rows = try await database.sql.raw(
            """
            SELECT d.id, d.event_type, d.attempts, d.next_attempt_at, s.url, s.secret, e.payload
            FROM webhook_deliveries d JOIN webhook_subscriptions s ON s.id = d.subscription_id
            JOIN webhook_events e ON e.id = d.event_id
            WHERE d.status = 'pending' AND d.next_attempt_at <= \(bind: Timestamp.format(now))
              AND (s.active = 1 OR d.event_type = 'ping')
            ORDER BY d.next_attempt_at, d.id LIMIT \(unsafeRaw: String(max(1, limit)))
            """
        ).all()
        var claimed: [Due] = []
        for row in rows {
            let id = try row.text("id")
            let taken = try await database.sql.raw(
                """
                UPDATE webhook_deliveries SET next_attempt_at = \(bind: Timestamp.format(now.addingTimeInterval(lease)))
                WHERE id = \(bind: id) AND status = 'pending' AND next_attempt_at = \(bind: try row.text("next_attempt_at"))
                RETURNING id
                """
            ).first()
            guard taken != nil else { continue }
            claimed.append(
                Due(
                    id: WebhookDeliveryID(rawValue: id),
                    eventType: try row.enumValue("event_type", as: WebhookEventType.self),
                    attempts: try row.integer("attempts"), url: try row.text("url"), secret: try row.text("secret"),
                    body: try row.text("payload")))
        }
        return claimed
    }

    /// Logs `attempt` and moves the delivery on: succeeded, due again per `policy`, or failed.
    public func record(_ attempt: WebhookAttempt, for delivery: Due, policy: WebhookRetryPolicy) async throws {
        let attempts = delivery.attempts + 1
        let next = attempt.succeeded ? nil : policy.nextAttempt(afterFailedAttempts: attempts, at: attempt.attemptedAt)
        let status: WebhookDelivery.Status = attempt.succeeded ? .succeeded : next == nil ? .failed : .pending
        let completed = status == .pending ? nil : Timestamp.format(attempt.attemptedAt)
        try await database.transaction { db in
            try await db.raw(
                """
                INSERT INTO webhook_attempts (id, delivery_id, attempted_at, status_code, error, duration_ms)
                VALUES (\(bind: attempt.id.rawValue), \(bind: delivery.id.rawValue), \(bind: Timestamp.format(attempt.attemptedAt)),
                  \(bind: attempt.statusCode), \(bind: attempt.error), \(bind: attempt.durationMilliseconds))
                """
            ).run()
            try await db.raw(
                """
                UPDATE webhook_deliveries SET attempts = \(bind: attempts), status = \(bind: status.rawValue),
                  next_attempt_at = \(bind: next.map(Timestamp.format)), completed_at = \(bind: completed)
                WHERE id = \(bind: delivery.id.rawValue)
                """
            ).run()
        }
    }

    /// The subscription's newest deliveries, each with its attempts (newest first).
    public func deliveries(of subscription: WebhookSubscriptionID, limit: Int = 50) async throws -> [WebhookDelivery] {
        let rows = try await database.sql.raw(
            """
            SELECT * FROM webhook_deliveries WHERE subscription_id = \(bind: subscription.rawValue)
            ORDER BY id DESC LIMIT \(unsafeRaw: String(max(1, min(limit, 200))))
            """
        ).all()
        var deliveries = try rows.map(Self.delivery(from:))
        for index in deliveries.indices {
            deliveries[index].log = try await database.sql.raw(
                "SELECT * FROM webhook_attempts WHERE delivery_id = \(bind: deliveries[index].id.rawValue) ORDER BY id DESC"
            ).all().map(Self.attempt(from:))
        }
        return deliveries
    }

    /// Deletes events older than `cutoff` that nothing is waiting to send, with their
    /// deliveries and attempts; returns how many events went.
    @discardableResult
    public func prune(before cutoff: Date) async throws -> Int {
        try await database.sql.raw(
            """
            DELETE FROM webhook_events WHERE occurred_at < \(bind: Timestamp.format(cutoff))
              AND NOT EXISTS (SELECT 1 FROM webhook_deliveries d WHERE d.event_id = webhook_events.id AND d.status = 'pending')
            RETURNING id
            """
        ).all().count
    }

    /// A fresh attempt identifier.
    public func attemptID() -> WebhookAttemptID { ids.make() }

    static func delivery(from row: any SQLRow) throws -> WebhookDelivery {
        WebhookDelivery(
            id: try row.id("id"), subscriptionID: try row.id("subscription_id"), eventID: try row.id("event_id"),
            eventType: try row.enumValue("event_type", as: WebhookEventType.self),
            status: try row.enumValue("status", as: WebhookDelivery.Status.self), attempts: try row.integer("attempts"),
            nextAttemptAt: try row.optionalInstant("next_attempt_at"), createdAt: try row.instant("created_at"),
            completedAt: try row.optionalInstant("completed_at"))
    }

    static func attempt(from row: any SQLRow) throws -> WebhookAttempt {
        WebhookAttempt(
            id: try row.id("id"), attemptedAt: try row.instant("attempted_at"),
            statusCode: try row.decode(column: "status_code", as: Int?.self), error: try row.optionalText("error"),
            durationMilliseconds: try row.integer("duration_ms"))
    }
}
