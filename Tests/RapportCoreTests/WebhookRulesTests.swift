import Foundation
import RapportCore
import Testing

@Suite("Webhook rules: target URLs, event types, retry schedule (R10.2)")
struct WebhookRulesTests {
    let actor = Actor(userID: nil, name: "admin", role: .administrator)
    let now = Date(timeIntervalSince1970: 1_800_000_000)

    func issues(_ draft: WebhookDraft) -> [String] {
        do {
            _ = try draft.validated(id: WebhookSubscriptionID(rawValue: "whk_x"), by: actor, now: now)
            return []
        } catch {
            guard case .invalid(let list) = error else { return ["\(error)"] }
            return list.map(\.field)
        }
    }

    // MARK: Tests

    @Test func targetsMustBeHTTPOrHTTPSWithAHostAndNoCredentials() {
        for good in ["https://hooks.example.com/rapport?tenant=7", "http://127.0.0.1:8081/hook"] {
            #expect(issues(WebhookDraft(url: good, events: ["person.created"])) == [], "\(good)")
        }
        for bad in [
            "ftp://example.com/x", "https://user:secret@example.com/x", "https://token@example.com/x",
            "example.com/hook",
            "https:///nohost", "https://example.com/x#part", "", "javascript:alert(1)",
        ] {
            #expect(issues(WebhookDraft(url: bad, events: ["person.created"])) == ["url"], "\(bad)")
        }
    }

    @Test func eventTypesAreCheckedOneByOneAndPingCannotBeSubscribed() throws {
        #expect(issues(WebhookDraft(url: "https://e.example", events: [])) == ["events"])
        #expect(
            issues(WebhookDraft(url: "https://e.example", events: ["person.created", "ping", "x"])) == [
                "events[1]", "events[2]",
            ])
        let s = try WebhookDraft(
            url: " https://e.example ", events: ["purchase.created", "person.created", "person.created"]
        )
        .validated(id: WebhookSubscriptionID(rawValue: "whk_x"), by: actor, now: now)
        #expect(s.url == "https://e.example")
        #expect(s.events == [.personCreated, .purchaseCreated])
        #expect(s.active)
    }

    @Test func aPatchKeepsWhatItDoesNotName() throws {
        let s = try WebhookDraft(url: "https://e.example", events: ["person.created"], description: "sync")
            .validated(id: WebhookSubscriptionID(rawValue: "whk_x"), by: actor, now: now)
        let later = now.addingTimeInterval(60)
        let patched = try WebhookPatch(active: false).applied(to: s, now: later)
        #expect(patched.url == s.url && patched.events == s.events && patched.description == "sync")
        #expect(!patched.active && patched.updatedAt == later)
        #expect(throws: DomainError.self) { try WebhookPatch(url: "https://a:b@e.example").applied(to: s, now: later) }
    }

    @Test func failedAttemptsAreRetriedAfterOneFiveThirtyMinutesTwoAndTwelveHoursThenGiveUp() {
        let policy = WebhookRetryPolicy()
        let waits = (1...5).map { policy.nextAttempt(afterFailedAttempts: $0, at: now)!.timeIntervalSince(now) }
        #expect(waits == [60, 300, 1800, 7200, 43_200])
        #expect(policy.nextAttempt(afterFailedAttempts: 6, at: now) == nil)
        #expect(policy.maximumAttempts == 6)
    }

    @Test func eventsCarryOnlyTheRecordsKindIDAndAPIPath() throws {
        let event = WebhookEvent(
            id: WebhookEventID(rawValue: "evt_1"), type: .purchaseCreated, entityID: "pur_9", occurredAt: now)
        #expect(
            [event.data.object, event.data.id, event.data.url] == ["purchase", "pur_9", "/api/v1/purchases/pur_9"])
        #expect(WebhookEventType.subscribable.count == 5)
    }
}
