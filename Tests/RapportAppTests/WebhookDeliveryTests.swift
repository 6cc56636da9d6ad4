import Foundation
import Logging
import NIOConcurrencyHelpers
import RapportApp
import RapportCore
import RapportStore
import RapportTestSupport
import Testing

@Suite("Webhook delivery to a real receiver on 127.0.0.1 (R10.2)")
struct WebhookDeliveryTests {
    let admin = TestActors.admin
    let start = Date(timeIntervalSince1970: 1_800_000_000)

    /// A clock the test moves by hand.
    final class Clock: Sendable {
        private let box: NIOLockedValueBox<Date>
        init(_ date: Date) { box = NIOLockedValueBox(date) }
        var now: Date { box.withLockedValue { $0 } }
        func set(_ date: Date) { box.withLockedValue { $0 = date } }
    }

    func dispatcher(_ store: Store, _ client: any WebhookClient, clock: Clock, timeout: TimeInterval = 10)
        -> WebhookDispatcher
    {
        var logger = Logger(label: "test")
        logger.logLevel = .error
        return WebhookDispatcher(
            store: store, client: client, policy: WebhookRetryPolicy(timeout: timeout), logger: logger,
            clock: { clock.now })
    }

    func subscribe(_ store: Store, url: String, active: Bool = true) async throws -> (WebhookSubscription, String) {
        let draft = WebhookDraft(url: url, events: ["person.created"], active: active)
        let created = try await store.webhooks.create(
            try draft.validated(id: store.ids.make(), by: admin, now: start), by: admin)
        return (created.subscription, created.secret)
    }

    func addPerson(_ store: Store, at time: Date) async throws -> Person {
        let person = try PersonDraft(givenName: "Ada", familyName: "Lovelace").validated(
            id: store.ids.make(), now: time)
        try await store.people.insert(person, by: admin)
        return person
    }

    // MARK: Tests

    @Test func theReceiverGetsTheEventWithAValidSignature() async throws {
        try await withTestStore { store in
            let receiver = WebhookReceiver()
            try await receiver.run { url in
                let (subscription, secret) = try await subscribe(store, url: url)
                let person = try await addPerson(store, at: Date())
                let clock = Clock(Date())
                #expect(try await dispatcher(store, LiveWebhookClient.forTests, clock: clock).deliverDue() == 1)

                let request = try #require(receiver.received.first)
                #expect(receiver.received.count == 1)
                let delivery = try #require(try await store.webhookDeliveries.deliveries(of: subscription.id).first)
                #expect(request.headers[.init("Rapport-Event")!] == "person.created")
                #expect(request.headers[.init("Rapport-Delivery")!] == delivery.id.rawValue)
                #expect(request.headers[.contentType] == "application/json")
                let signature = try #require(request.headers[.init("Rapport-Signature")!])
                #expect(WebhookSignature.isValid(signature, body: request.body, secret: secret, now: Date()))
                let json = try #require(try JSONSerialization.jsonObject(with: Data(request.body)) as? [String: Any])
                #expect((json["data"] as? [String: String])?["url"] == "/api/v1/people/\(person.id)")
                #expect(delivery.status == .succeeded)
                #expect(delivery.log.map(\.statusCode) == [200])
            }
        }
    }

    @Test func aFailingReceiverIsRetriedWithBackoffAndEveryAttemptIsLogged() async throws {
        try await withTestStore { store in
            let receiver = WebhookReceiver(answering: .internalServerError)
            try await receiver.run { url in
                let (subscription, _) = try await subscribe(store, url: url)
                _ = try await addPerson(store, at: start)
                let clock = Clock(start)
                let service = dispatcher(store, LiveWebhookClient.forTests, clock: clock)
                var at = start
                for (attempt, delay) in [60.0, 300, 1800, 7200, 43_200].enumerated() {
                    #expect(try await service.deliverDue() == 1, "attempt \(attempt + 1)")
                    let delivery = try #require(try await store.webhookDeliveries.deliveries(of: subscription.id).first)
                    #expect(delivery.status == .pending)
                    #expect(delivery.nextAttemptAt == at.addingTimeInterval(delay))
                    clock.set(at.addingTimeInterval(delay - 1))
                    #expect(try await service.deliverDue() == 0, "not before the backoff")
                    at = at.addingTimeInterval(delay)
                    clock.set(at)
                }
                #expect(try await service.deliverDue() == 1, "sixth and last attempt")
                let delivery = try #require(try await store.webhookDeliveries.deliveries(of: subscription.id).first)
                #expect(delivery.status == .failed)
                #expect(delivery.nextAttemptAt == nil)
                #expect(delivery.attempts == 6)
                #expect(delivery.log.count == 6)
                #expect(delivery.log.allSatisfy { $0.statusCode == 500 && $0.error == "receiver answered 500" })
                #expect(receiver.received.count == 6)
                clock.set(at.addingTimeInterval(86_400))
                #expect(try await service.deliverDue() == 0)
            }
        }
    }

    @Test func redirectsAreNotFollowed() async throws {
        try await withTestStore { store in
            let receiver = WebhookReceiver(answering: .temporaryRedirect, location: "/elsewhere")
            try await receiver.run { url in
                let (subscription, _) = try await subscribe(store, url: url)
                _ = try await addPerson(store, at: start)
                #expect(try await dispatcher(store, LiveWebhookClient.forTests, clock: Clock(start)).deliverDue() == 1)
                #expect(receiver.received.count == 1, "only the configured URL was called")
                let delivery = try #require(try await store.webhookDeliveries.deliveries(of: subscription.id).first)
                #expect(delivery.log.map(\.statusCode) == [307])
                #expect(delivery.status == .pending)
            }
        }
    }

    @Test func deactivatedSubscriptionsGetNothing() async throws {
        try await withTestStore { store in
            let (inactive, _) = try await subscribe(store, url: "http://127.0.0.1:9/never", active: false)
            let (later, _) = try await subscribe(store, url: "http://127.0.0.1:9/never")
            _ = try await addPerson(store, at: start)
            _ = try await store.webhooks.update(later.id, with: WebhookPatch(active: false), by: admin)
            _ = try await addPerson(store, at: start)
            // The client fails the test if anything is sent.
            let service = dispatcher(
                store, UnimplementedWebhookClient(), clock: Clock(start.addingTimeInterval(86_400)))
            #expect(try await service.deliverDue() == 0)
            #expect(try await store.webhookDeliveries.deliveries(of: inactive.id).isEmpty)
            #expect(try await store.webhookDeliveries.deliveries(of: later.id).map(\.status) == [.cancelled])
        }
    }

    @Test func aReceiverThatCannotBeReachedIsLoggedAsAnError() async throws {
        try await withTestStore { store in
            let (subscription, _) = try await subscribe(store, url: "http://127.0.0.1:1/closed")
            _ = try await addPerson(store, at: start)
            #expect(
                try await dispatcher(store, LiveWebhookClient.forTests, clock: Clock(start), timeout: 1).deliverDue()
                    == 1)
            let delivery = try #require(try await store.webhookDeliveries.deliveries(of: subscription.id).first)
            #expect(delivery.status == .pending)
            #expect(delivery.log.first?.statusCode == nil)
            #expect(delivery.log.first?.error?.isEmpty == false)
        }
    }
}

extension LiveWebhookClient {
    /// One client for the whole test run (an HTTP client must be shut down before it goes).
    static let forTests = LiveWebhookClient()
}
