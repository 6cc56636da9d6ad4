import Foundation
import Hummingbird
import HummingbirdTesting
import RapportCore
import Testing

@Suite("Webhooks API: /api/v1/webhooks (R10.2)")
struct WebhookAPITests {
    // MARK: Tests

    @Test func createReadChangeTestAndDeleteASubscription() async throws {
        try await AppFixture.run(people: 5) { client, fixture in
            let created = try await fixture.send(
                client, .post, "/api/v1/webhooks",
                #"{"url":"https://crm-sync.example.com/rapport","events":["person.created","purchase.created"],"description":"Shop sync"}"#
            )
            #expect(created.status == .created)
            let id = try #require(created.json["id"] as? String)
            let secret = try #require(created.json["secret"] as? String)
            #expect(secret.hasPrefix("whsec_") && secret.count > 30)
            #expect(created.json["events"] as? [String] == ["person.created", "purchase.created"])

            let read = try await fixture.send(client, .get, "/api/v1/webhooks/\(id)")
            #expect(read.status == .ok)
            #expect(read.json["secret"] == nil, "the secret is shown once")
            let list = try await fixture.send(client, .get, "/api/v1/webhooks")
            #expect(list.array.count == 1)
            #expect(!String(describing: list.array).contains(secret))

            let changed = try await fixture.send(
                client, .patch, "/api/v1/webhooks/\(id)", #"{"active":false,"events":["person.updated"]}"#)
            #expect(changed.status == .ok)
            #expect(changed.json["active"] as? Bool == false)
            #expect(changed.json["events"] as? [String] == ["person.updated"])

            let ping = try await fixture.send(client, .post, "/api/v1/webhooks/\(id)/test")
            #expect(ping.status == .accepted)
            let deliveries = try await fixture.send(client, .get, "/api/v1/webhooks/\(id)/deliveries")
            let items = try #require(deliveries.json["items"] as? [[String: Any]])
            #expect(items.map { $0["eventType"] as? String } == ["ping"])
            #expect(items.first?["status"] as? String == "pending")
            #expect(items.first?["id"] as? String == ping.json["deliveryID"] as? String)

            let trail = try await fixture.store.audit.list(entityID: id)
            #expect(trail.map(\.action) == [.update, .update, .create])
            #expect(try await fixture.send(client, .delete, "/api/v1/webhooks/\(id)").status == .noContent)
            #expect(try await fixture.send(client, .get, "/api/v1/webhooks/\(id)").status == .notFound)
        }
    }

    @Test func badSubscriptionsNameEveryBadField() async throws {
        try await AppFixture.run(people: 5) { client, fixture in
            let cases: [(String, [String])] = [
                (#"{"url":"ftp://example.com/x","events":["person.created"]}"#, ["url"]),
                (#"{"url":"https://user:pw@example.com/x","events":["person.created"]}"#, ["url"]),
                (#"{"url":"/relative","events":["person.created"]}"#, ["url"]),
                (#"{"url":"https://example.com/x","events":["person.deleted","ping"]}"#, ["events[0]", "events[1]"]),
                (#"{}"#, ["url", "events"]),
            ]
            for (body, expected) in cases {
                let response = try await fixture.send(client, .post, "/api/v1/webhooks", body)
                #expect(response.status == .unprocessableContent, "\(body)")
                #expect(fields(response.json) == expected, "\(body)")
            }
            #expect(
                try await fixture.send(
                    client, .post, "/api/v1/webhooks", #"{"url":"https://example.com","events":["person.created"]}"#,
                    as: .privacyOfficer
                ).status == .forbidden)
        }
    }
}
