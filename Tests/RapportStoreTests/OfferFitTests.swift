import Foundation
import RapportCore
import RapportStore
import RapportTestSupport
import Testing

@Suite("Segments of one: the offers and actions that fit one person (R3.4)")
struct OfferFitTests {
    @Test func aPersonGetsExactlyTheAvailableOffersOfTheirSegmentsInOrder() async throws {
        try await withTestStore { store in
            let f = OfferFixtures(store: store)
            let jan = try await f.segments.person("Jan", country: "PL")
            let budi = try await f.segments.person("Budi", country: "ID")
            try await f.segments.segment("poland", #"country = "PL""#)
            try await f.segments.segment("indonesia", #"country = "ID""#)
            try await f.segments.segment("nobody", #"country = "US""#)
            try await f.offer("pl_discount", segment: "poland", value: 20, priority: 10)
            try await f.offer("pl_comp", segment: "poland", value: 50, priority: 10)
            try await f.offer("pl_call", segment: "poland", kind: "action", priority: 5)
            try await f.offer("pl_today_only", segment: "poland", priority: 20, from: "2026-06-15", to: "2026-06-15")
            try await f.offer("pl_switched_off", segment: "poland", priority: 1, active: false)
            try await f.offer("pl_expired", segment: "poland", priority: 1, to: "2026-06-14")
            try await f.offer("pl_not_yet", segment: "poland", priority: 1, from: "2026-06-16")
            try await f.offer("id_voucher", segment: "indonesia", value: 10)
            try await f.offer("us_voucher", segment: "nobody", value: 10)
            #expect(try await f.keys(for: jan) == ["pl_call", "pl_comp", "pl_discount", "pl_today_only"])
            #expect(try await f.keys(for: budi) == ["id_voucher"])
            let fitting = try await store.offers.offers(for: budi.id, by: TestActors.admin, today: f.today)
            #expect(fitting.first?.segment.key == "indonesia")
            #expect(fitting.first?.segment.name == "Indonesia")
            let reads = try await store.audit.list(entityID: jan.id.rawValue).filter { $0.action == .read }
            #expect(reads.contains { $0.detail == "offers: 4" && $0.entityType == "person" })
        }
    }

    @Test func membershipFollowsTheDataAndFrozenListsCount() async throws {
        try await withTestStore { store in
            let f = OfferFixtures(store: store)
            let ewa = try await f.segments.person("Ewa", country: "PL")
            let anna = try await f.segments.person("Anna", country: "PL")
            try await f.segments.segment("buyers", "frequency >= 1")
            _ = try await store.segments.create(
                try SegmentDraft(key: "picked", name: "Picked", kind: "frozen").validated(), rule: nil,
                personIDs: [anna.id], by: TestActors.admin)
            try await f.offer("thank_you", segment: "buyers", kind: "action")
            try await f.offer("picked_comp", segment: "picked", value: 15)
            #expect(try await f.keys(for: ewa) == [])
            try await f.segments.purchase(ewa, 80)
            #expect(try await f.keys(for: ewa) == ["thank_you"])
            #expect(try await f.keys(for: anna) == ["picked_comp"])
        }
    }

    @Test func partnerAgentsSeeOffersOnlyForTheirOwnPeople() async throws {
        try await withTestStore { store in
            let f = OfferFixtures(store: store)
            let agentUser = User(
                id: store.ids.make(), username: "agent", displayName: "Agent", role: .partnerAgent, createdAt: Date())
            try await store.users.create(agentUser, passwordHash: "!", by: TestActors.admin)
            let agent = Actor(agentUser)
            let mine = try await f.segments.person("Budi", country: "ID", owner: agentUser.id)
            let other = try await f.segments.person("Siti", country: "ID")
            try await f.segments.segment("indonesia", #"country = "ID""#)
            try await f.offer("id_voucher", segment: "indonesia", value: 10)
            #expect(try await f.keys(for: mine, by: agent) == ["id_voucher"])
            #expect(try await f.keys(for: other) == ["id_voucher"])
            await #expect(throws: DomainError.notFound(entity: "person", id: other.id.rawValue)) {
                _ = try await f.keys(for: other, by: agent)
            }
            await #expect(throws: DomainError.self) { _ = try await f.keys(for: other, by: TestActors.partnerAgent) }
        }
    }
}
