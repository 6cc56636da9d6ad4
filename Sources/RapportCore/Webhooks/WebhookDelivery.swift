import Foundation

/// One event on its way to one subscription, with every attempt made so far.
public struct WebhookDelivery: IdentifiedEntity, Hashable, Codable, Sendable {
    public static let idPrefix = "whd"

    public var id: WebhookDeliveryID
    public var subscriptionID: WebhookSubscriptionID
    public var eventID: WebhookEventID
    public var eventType: WebhookEventType
    public var status: Status
    /// Attempts made so far.
    public var attempts: Int
    /// When the next attempt is due; nil once the delivery succeeded, failed or was cancelled.
    public var nextAttemptAt: Date?
    public var createdAt: Date
    public var completedAt: Date?
    /// Newest first.
    public var log: [WebhookAttempt]

    public enum Status: String, Codable, Sendable, CaseIterable {
        case pending, succeeded, failed
        /// The subscription was deactivated before the delivery went out.
        case cancelled
    }

    public init(
        id: WebhookDeliveryID, subscriptionID: WebhookSubscriptionID, eventID: WebhookEventID,
        eventType: WebhookEventType,
        status: Status, attempts: Int, nextAttemptAt: Date?, createdAt: Date, completedAt: Date?,
        log: [WebhookAttempt] = []
    ) {
        self.id = id
        self.subscriptionID = subscriptionID
        self.eventID = eventID
        self.eventType = eventType
        self.status = status
        self.attempts = attempts
        self.nextAttemptAt = nextAttemptAt
        self.createdAt = createdAt
        self.completedAt = completedAt
        self.log = log
    }
}

/// One POST to a receiver: what came back (a status code or an error) and how long it took.
public struct WebhookAttempt: IdentifiedEntity, Hashable, Codable, Sendable {
    public static let idPrefix = "wha"

    public var id: WebhookAttemptID
    public var attemptedAt: Date
    public var statusCode: Int?
    public var error: String?
    public var durationMilliseconds: Int

    public init(id: WebhookAttemptID, attemptedAt: Date, statusCode: Int?, error: String?, durationMilliseconds: Int) {
        self.id = id
        self.attemptedAt = attemptedAt
        self.statusCode = statusCode
        self.error = error
        self.durationMilliseconds = durationMilliseconds
    }

    /// A 2xx answer; anything else (or no answer) is retried.
    public var succeeded: Bool { statusCode.map { (200..<300).contains($0) } ?? false }
}

public typealias WebhookDeliveryID = Identifier<WebhookDelivery>
public typealias WebhookAttemptID = Identifier<WebhookAttempt>
