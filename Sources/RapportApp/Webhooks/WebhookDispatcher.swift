import Foundation
import Logging
import RapportCore
import RapportStore
import ServiceLifecycle

/// Sends the deliveries the outbox queued (R10.2): a background service that `rapport
/// serve` runs beside the HTTP server. Every `interval` it claims what is due, POSTs each
/// (at most `batch` at once) with the `Rapport-Event`, `Rapport-Delivery` and
/// `Rapport-Signature` headers, logs the attempt and schedules the retry per `policy`.
/// Once a day it drops events older than `retention` that are no longer waiting.
///
/// Delivery is at least once and not ordered: a send cut short (a crash, a shutdown) is
/// repeated after its lease, and a retried event can arrive after a later one. Receivers
/// drop repeats by `Rapport-Delivery`, which stays the same on every attempt, and order by
/// the event's `occurredAt`.
public struct WebhookDispatcher: Service {
    let store: Store
    let client: any WebhookClient
    let policy: WebhookRetryPolicy
    let interval: Duration
    let batch: Int
    let retention: TimeInterval
    let logger: Logger
    let clock: @Sendable () -> Date

    public init(
        store: Store, client: any WebhookClient, policy: WebhookRetryPolicy = WebhookRetryPolicy(),
        interval: Duration = .seconds(2), batch: Int = 16, retention: TimeInterval = 30 * 86_400, logger: Logger,
        clock: @escaping @Sendable () -> Date = { Date() }
    ) {
        self.store = store
        self.client = client
        self.policy = policy
        self.interval = interval
        self.batch = batch
        self.retention = retention
        self.logger = logger
        self.clock = clock
    }

    /// Works until graceful shutdown; an attempt cut short by it is retried after its lease.
    public func run() async throws {
        await cancelWhenGracefulShutdown { await work() }
    }

    private func work() async {
        var lastPrune = Date.distantPast
        while !Task.isCancelled {
            do {
                while try await deliverDue() == batch {}
                if clock().timeIntervalSince(lastPrune) > 86_400 {
                    try await store.webhookDeliveries.prune(before: clock().addingTimeInterval(-retention))
                    lastPrune = clock()
                }
            } catch is CancellationError {
                return
            } catch {
                logger.error("webhook deliveries failed", metadata: ["error": "\(error)"])
            }
            do { try await Task.sleep(for: interval) } catch { return }
        }
    }

    /// Sends every delivery due now (one claim of up to `batch`); returns how many were tried.
    @discardableResult
    public func deliverDue() async throws -> Int {
        let due = try await store.webhookDeliveries.claimDue(now: clock(), limit: batch, lease: policy.timeout + 60)
        await withTaskGroup(of: Void.self) { group in
            for delivery in due {
                group.addTask { await self.deliver(delivery) }
            }
        }
        return due.count
    }

    /// One attempt at one delivery, logged whatever happens.
    func deliver(_ delivery: WebhookDeliveryQueue.Due) async {
        let started = clock()
        let body = Array(delivery.body.utf8)
        let request = WebhookRequest(
            url: delivery.url,
            headers: [
                ("Content-Type", "application/json"), ("User-Agent", "Rapport-Webhooks/1"),
                ("Rapport-Event", delivery.eventType.rawValue), ("Rapport-Delivery", delivery.id.rawValue),
                ("Rapport-Signature", WebhookSignature.header(for: body, secret: delivery.secret, at: started)),
            ],
            body: body, timeout: policy.timeout)
        let watch = ContinuousClock.now
        var status: Int?
        var failure: String?
        do {
            status = try await client.post(request)
            if let status, !(200..<300).contains(status) { failure = "receiver answered \(status)" }
        } catch {
            failure = String(describing: error).prefix(500).description
        }
        let elapsed = ContinuousClock.now - watch
        let milliseconds = Int(
            elapsed.components.seconds * 1000 + elapsed.components.attoseconds / 1_000_000_000_000_000)
        let attempt = WebhookAttempt(
            id: store.webhookDeliveries.attemptID(), attemptedAt: started, statusCode: status,
            error: status.map { (200..<300).contains($0) } == true ? nil : failure, durationMilliseconds: milliseconds)
        do {
            try await store.webhookDeliveries.record(attempt, for: delivery, policy: policy)
        } catch {
            logger.error("webhook attempt not logged", metadata: ["delivery": "\(delivery.id)", "error": "\(error)"])
        }
        if !attempt.succeeded {
            logger.warning(
                "webhook delivery failed", metadata: ["delivery": "\(delivery.id)", "error": "\(attempt.error ?? "")"])
        }
    }
}
