import Foundation
import RapportCore
import RapportStore
import RapportTestSupport
import Testing

@Suite("Segments: live membership, frozen lists, previews (R3.2, R3.4)")
struct SegmentMembershipTests {
    @Test func dynamicMembershipFollowsAPurchaseWithoutAnyJob() async throws {
        try await withTestStore { store in
            let f = SegmentFixtures(store: store)
            let anna = try await f.person("Anna")
            let jan = try await f.person("Jan")
            try await f.purchase(jan, 900)
            try await f.segment("big-spenders", #"spend >= 500 and country = "PL" and recency_days <= 30"#)
            #expect(try await f.keys(of: anna) == [])
            #expect(try await f.memberIDs("big-spenders") == [jan.id])
            try await f.purchase(anna, 300)
            #expect(try await f.keys(of: anna) == [], "300 PLN is not enough yet")
            try await f.purchase(anna, 250, product: "Toaster")
            #expect(try await f.keys(of: anna) == ["big-spenders"])
            #expect(try await f.memberIDs("big-spenders") == [anna.id, jan.id])
            #expect(try await store.segments.size(of: "big-spenders", by: f.admin) == 2)
            // A return brings the net spend back under the bar.
            try await f.purchase(anna, 250, product: "Toaster", kind: "return")
            #expect(try await f.keys(of: anna) == [])
        }
    }

    @Test func behaviourFieldsReadTheCurrentActivity() async throws {
        try await withTestStore { store in
            let f = SegmentFixtures(store: store)
            let anna = try await f.person("Anna")
            try await f.purchase(anna, 100, product: "Catan", brand: "Kosmos", channel: "in_person", daysAgo: 40)
            try await f.purchase(anna, 60, product: "Azul", brand: "Plan B", channel: "in_person", daysAgo: 10)
            let visit = try InteractionDraft(
                personID: anna.id.rawValue, channel: "web", direction: "inbound", outcome: "information",
                durationSeconds: 600
            ).validated(id: store.ids.make(), staff: nil, now: Date())
            try await store.interactions.insert(visit, by: f.admin)
            let rules: [(String, Bool)] = [
                ("frequency = 2", true), ("average_order = 80", true), ("recency_days between 9 and 11", true),
                ("last_purchase >= 12 days ago", true), ("first_purchase < 30 days ago", true),
                (#"products contains all ("Catan", "Azul")"#, true), (#"brands contains "Lego""#, false),
                (#"channel = "in_person""#, true), (#"channels contains all ("web", "in_person")"#, true),
                ("visit_minutes = 10", true), (#"value_tier = "top""#, true), (#"city is empty"#, true),
                (#"not (country in ("US", "ID"))"#, true),
            ]
            for (rule, expected) in rules {
                let count = try await store.segments.count(
                    try SegmentRuleRejection.parse(rule), purpose: .contact, by: f.admin)
                #expect(count == (expected ? 1 : 0), "\(rule)")
            }
        }
    }

    @Test func aFrozenSegmentKeepsItsMembers() async throws {
        try await withTestStore { store in
            let f = SegmentFixtures(store: store)
            let anna = try await f.person("Anna")
            let jan = try await f.person("Jan")
            try await f.purchase(anna, 100)
            try await f.segment("buyers", "frequency >= 1")
            let frozen = try await store.segments.freeze("buyers", as: "buyers-may", by: f.admin)
            #expect(frozen.kind == .frozen)
            #expect(frozen.frozenFrom == "buyers")
            try await f.purchase(jan, 100)
            #expect(try await f.memberIDs("buyers") == [anna.id, jan.id])
            #expect(try await f.memberIDs("buyers-may") == [anna.id])
            #expect(try await f.keys(of: jan) == ["buyers"])
            #expect(try await f.keys(of: anna) == ["buyers", "buyers-may"])
            // A rule may test the frozen list; the list itself has no rule to edit.
            try await f.segment("new-buyers", #"in segment "buyers" and not in segment "buyers-may""#)
            #expect(try await f.memberIDs("new-buyers") == [jan.id])
            await #expect(throws: DomainError.self) {
                try await store.segments.update(
                    "buyers-may", with: SegmentPatch(), rule: try SegmentRuleRejection.parse("frequency >= 0"),
                    by: f.admin)
            }
            let listed = try await store.segments.create(
                try SegmentDraft(key: "picked", name: "Picked", kind: "frozen").validated(), rule: nil,
                personIDs: [jan.id], by: f.admin)
            #expect(try await f.memberIDs(listed.key) == [jan.id])
        }
    }

    @Test func partnerAgentsCountAndSeeOnlyTheirPeople() async throws {
        try await withTestStore { store in
            let f = SegmentFixtures(store: store)
            let agentUser = User(
                id: store.ids.make(), username: "agent", displayName: "Agent", role: .partnerAgent, createdAt: Date())
            try await store.users.create(agentUser, passwordHash: "!", by: f.admin)
            let agent = Actor(agentUser)
            let mine = try await f.person("Budi", country: "ID", owner: agentUser.id)
            let other = try await f.person("Siti", country: "ID")
            try await f.segment("indonesia", #"country = "ID""#)
            #expect(try await f.memberIDs("indonesia") == [mine.id, other.id])
            #expect(try await f.memberIDs("indonesia", by: agent) == [mine.id])
            #expect(try await store.segments.size(of: "indonesia", by: agent) == 1)
            await #expect(throws: DomainError.self) { try await store.segments.segments(of: other.id, by: agent) }
        }
    }

    @Test func previewGivesSizeAndValueWithoutSaving() async throws {
        try await withTestStore { store in
            let f = SegmentFixtures(store: store)
            let anna = try await f.person("Anna")
            let john = try await f.person("John", country: "US")
            _ = try await f.person("Nobody")
            try await f.purchase(anna, 100)
            try await f.purchase(anna, 50)
            try await f.purchase(john, 20, currency: "USD")
            let preview = try await store.segments.preview(
                try SegmentRuleRejection.parse("spend >= 0"), purpose: .contact, by: f.admin)
            #expect(preview.size == 3)
            #expect(preview.value.map(\.currency) == ["PLN", "USD"])
            #expect(preview.value.first?.revenue == Money(minorUnits: 15_000, currency: "PLN"))
            #expect(preview.value.first?.margin == Money(minorUnits: 3_750, currency: "PLN"))
            #expect(preview.value.first?.customers == 1)
            #expect(preview.explanation == ["total spend is at least 0"])
            #expect(try await store.segments.list().isEmpty)
        }
    }

    @Test func storedSummariesMatchARebuildFromTheActivity() async throws {
        try await withDemoStore(people: 150) { store in
            let f = SegmentFixtures(store: store)
            let someone = try await store.database.sql.raw("SELECT id FROM people ORDER BY id LIMIT 1").first()!.decode(
                column: "id", as: String.self)
            let person = try await store.people.find(PersonID(rawValue: someone), by: f.admin)
            try await f.purchase(person, 42, currency: "EUR")
            func snapshot() async throws -> [String] {
                try await store.database.sql.raw(
                    """
                    SELECT person_id, currency, purchases, orders, spend_minor, margin_minor, first_purchase, last_purchase,
                      last_day, channel, channels, visit_minutes FROM customer_metrics ORDER BY person_id
                    """
                ).all().map { row in
                    try ["person_id", "currency", "channel", "channels", "first_purchase", "last_purchase"].map {
                        try row.decode(column: $0, as: String?.self) ?? "-"
                    }.joined(separator: "|") + "|"
                        + (try ["purchases", "orders", "spend_minor", "margin_minor", "last_day"].map {
                            String(try row.decode(column: $0, as: Int64?.self) ?? -1)
                        }.joined(separator: "|"))
                }
            }
            let maintained = try await snapshot()
            #expect(maintained.count > 100)
            try await store.rebuildCustomerMetrics()
            #expect(try await snapshot() == maintained)
        }
    }
}
