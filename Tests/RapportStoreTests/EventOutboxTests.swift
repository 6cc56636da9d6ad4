import Foundation
import RapportCore
import RapportStore
import RapportTestSupport
import SQLKit
import Testing

@Suite("Webhook outbox: an event exists iff its change committed (R10.2)")
struct EventOutboxTests {
    let admin = TestActors.admin

    func subscribe(_ store: Store, _ events: [String], active: Bool = true) async throws -> WebhookSubscription {
        let draft = WebhookDraft(url: "http://127.0.0.1:9/hook", events: events, active: active)
        return try await store.webhooks.create(
            try draft.validated(id: store.ids.make(), by: admin, now: Date()), by: admin
        )
        .subscription
    }

    func person(_ store: Store) throws -> Person {
        try PersonDraft(givenName: "Łukasz", familyName: "Żółć", country: "PL").validated(
            id: store.ids.make(), now: Date())
    }

    func rows(_ store: Store, _ sql: String) async throws -> [any SQLRow] {
        try await store.database.sql.raw("\(unsafeRaw: sql)").all()
    }

    // MARK: Tests

    @Test func aPersonWriteRecordsAThinEventAndQueuesOnlyActiveSubscribers() async throws {
        try await withTestStore { store in
            let wanted = try await subscribe(store, ["person.created", "person.updated"])
            _ = try await subscribe(store, ["person.created"], active: false)
            _ = try await subscribe(store, ["purchase.created"])
            let p = try person(store)
            try await store.people.insert(p, by: admin)

            let events = try await rows(store, "SELECT * FROM webhook_events")
            #expect(events.count == 1)
            let payload = try events[0].decode(column: "payload", as: String.self)
            let json = try #require(try JSONSerialization.jsonObject(with: Data(payload.utf8)) as? [String: Any])
            #expect(json["type"] as? String == "person.created")
            let data = try #require(json["data"] as? [String: String])
            #expect(data == ["object": "person", "id": p.id.rawValue, "url": "/api/v1/people/\(p.id)"])
            #expect(!payload.contains("Łukasz") && !payload.contains("Żółć"), "no personal data in the payload")

            let deliveries = try await rows(store, "SELECT subscription_id, status FROM webhook_deliveries")
            #expect(deliveries.count == 1)
            #expect(try deliveries[0].decode(column: "subscription_id", as: String.self) == wanted.id.rawValue)
            #expect(try deliveries[0].decode(column: "status", as: String.self) == "pending")
        }
    }

    @Test func anEventNoActiveSubscriptionWantsIsNotWritten() async throws {
        try await withTestStore { store in
            _ = try await subscribe(store, ["person.created"], active: false)
            _ = try await subscribe(store, ["purchase.created"])
            try await store.people.insert(try person(store), by: admin)
            #expect(try await rows(store, "SELECT id FROM webhook_events").isEmpty)
            _ = try await subscribe(store, ["person.created"])
            try await store.people.insert(try person(store), by: admin)
            #expect(try await rows(store, "SELECT id FROM webhook_events").count == 1)
            #expect(try await rows(store, "SELECT id FROM webhook_deliveries").count == 1)
        }
    }

    @Test func aFailedWriteLeavesNoEvent() async throws {
        try await withTestStore { store in
            _ = try await subscribe(store, ["person.created", "person.updated"])
            let p = try person(store)
            try await store.people.insert(p, by: admin)
            await #expect(throws: (any Error).self) { try await store.people.insert(p, by: admin) }
            var patch = PersonPatch()
            patch.birthDate = .set("not a date")
            await #expect(throws: DomainError.self) { _ = try await store.people.update(p.id, with: patch, by: admin) }
            let types = try await rows(store, "SELECT type FROM webhook_events").map {
                try $0.decode(column: "type", as: String.self)
            }
            #expect(types == ["person.created"])
            #expect(try await rows(store, "SELECT id FROM webhook_deliveries").count == 1)
        }
    }

    @Test func purchasesInteractionsContactPointsAndIngestionRecordTheirEvents() async throws {
        try await withDemoStore(people: 20) { store in
            _ = try await subscribe(store, WebhookEventType.subscribable.map(\.rawValue))
            let personID = PersonID(
                rawValue: try await rows(store, "SELECT id FROM people LIMIT 1")[0].decode(
                    column: "id", as: String.self))
            let interaction = try InteractionDraft(
                personID: personID.rawValue, channel: "phone", direction: "inbound", outcome: "resolved"
            )
            .validated(id: store.ids.make(), staff: nil, now: Date())
            try await store.interactions.insert(interaction, by: admin)
            let purchase = try PurchaseDraft(
                personID: personID.rawValue, currency: "USD", lines: [.init(product: "Kettle", amount: 20, margin: 5)]
            ).validated(id: store.ids.make(), now: Date())
            try await store.purchases.insert(purchase, by: admin)
            let email = try ContactPointDraft(kind: "email", value: "ada@example.com").validated(
                id: store.ids.make(), personID: personID, organisationID: nil, defaultCountry: "PL", now: Date())
            try await store.contactPoints.insert(email, by: admin)
            let touchpoint = try await store.sources.list()[0]
            _ = try await store.ingestion.ingest(
                IngestionRequest(payload: "{}", parsed: .success(IngestRecord())), from: touchpoint, by: .system)
            let types = try await rows(store, "SELECT type FROM webhook_events ORDER BY id").map {
                try $0.decode(column: "type", as: String.self)
            }
            #expect(types == ["interaction.created", "purchase.created", "person.updated", "quarantine.created"])
        }
    }

    @Test func deactivatingCancelsWhatIsPending() async throws {
        try await withTestStore { store in
            let subscription = try await subscribe(store, ["person.created"])
            try await store.people.insert(try person(store), by: admin)
            _ = try await store.webhooks.update(subscription.id, with: WebhookPatch(active: false), by: admin)
            #expect(try await store.webhookDeliveries.claimDue(now: Date().addingTimeInterval(60)).isEmpty)
            try await store.people.insert(try person(store), by: admin)
            let deliveries = try await store.webhookDeliveries.deliveries(of: subscription.id)
            #expect(deliveries.map(\.status) == [.cancelled])
        }
    }

    @Test func bulkLoadsWriteEventsOnlyForTheTypesSomeoneWants() async throws {
        try await withTestStore { store in
            var batch = RecordBatch()
            batch.people = [try person(store), try person(store)]
            try await BulkLoader(store: store).load(batch, by: admin)
            #expect(try await rows(store, "SELECT id FROM webhook_events").isEmpty, "nobody listens: no outbox rows")

            let subscription = try await subscribe(store, ["person.created"])
            _ = try await subscribe(store, ["interaction.created"])
            batch.people = [try person(store), try person(store)]
            try await BulkLoader(store: store).load(batch, by: admin)
            let entities = try await rows(
                store, "SELECT entity_id FROM webhook_events WHERE type = 'person.created' ORDER BY entity_id"
            )
            .map { try $0.decode(column: "entity_id", as: String.self) }
            #expect(entities == batch.people.map(\.id.rawValue).sorted())
            let due = try await store.webhookDeliveries.claimDue(now: Date().addingTimeInterval(1))
            #expect(due.count == 2)
            #expect(due.allSatisfy { $0.eventType == .personCreated && $0.body.contains("/api/v1/people/per_") })
            #expect(try await store.webhookDeliveries.deliveries(of: subscription.id).count == 2)
        }
    }
}
