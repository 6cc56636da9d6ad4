import Foundation
import RapportCore
import RapportStore
import RapportTestSupport
import Testing

@Suite("Offers and actions: definition, validation and purpose limitation (R3.4, R2.8)")
struct OfferRepositoryTests {
    @Test func anOfferIsCreatedFoundListedAndAudited() async throws {
        try await withTestStore { store in
            let f = OfferFixtures(store: store)
            try await f.segments.segment("poland", #"country = "PL""#)
            let draft = OfferDraft(
                key: "loyal_discount", name: "Loyalty discount", description: "10 % off the next order", kind: "offer",
                segment: "poland", channel: "email", value: 25.5, currency: "pln", priority: 5,
                validFrom: "2026-06-01", validTo: "2026-06-30")
            let created = try await store.offers.create(try draft.validated(), by: TestActors.admin)
            #expect(created.id.rawValue.hasPrefix("ofr_"))
            #expect(created.value == Money(minorUnits: 2550, currency: "PLN"))
            #expect(created.channel == .email && created.isActive && created.priority == 5)
            #expect(try await store.offers.find("loyal_discount") == created)
            try await f.offer("renewal_call", segment: "poland", kind: "action")
            #expect(try await store.offers.list().map(\.key) == ["loyal_discount", "renewal_call"])
            let trail = try await store.audit.list(entityID: created.id.rawValue)
            #expect(trail.map(\.action) == [.create])
            #expect(trail.first?.detail == "key loyal_discount, segment poland")
            await #expect(
                throws: DomainError.conflict(
                    field: "key", message: "An offer with key 'loyal_discount' already exists; choose another key.")
            ) {
                try await store.offers.create(try draft.validated(), by: TestActors.admin)
            }
        }
    }

    @Test func validationNamesEveryBadFieldAndWhy() async throws {
        let bad = OfferDraft(
            key: "Bad-Key", name: " ", kind: "gift", segment: "Not a key", channel: "pigeon", value: 10, priority: -1,
            validFrom: "2026-06-10", validTo: "2026-06-01")
        let issues = await OfferFixtures.issues { _ = try bad.validated() }
        #expect(
            Set(issues.map(\.field)) == [
                "key", "name", "kind", "segment", "channel", "currency", "priority", "validTo",
            ])
        #expect(issues.first { $0.field == "kind" }?.message == "kind 'gift' is not one of: offer, action.")
        #expect(issues.first { $0.field == "name" }?.code == "required")
        let currencyAlone = await OfferFixtures.issues {
            _ = try OfferDraft(key: "a", name: "A", kind: "offer", segment: "s", currency: "PLN").validated()
        }
        #expect(currencyAlone.map(\.field) == ["currency"])
        let badDay = await OfferFixtures.issues {
            _ = try OfferDraft(key: "a", name: "A", kind: "action", segment: "s", validTo: "30.06.2026").validated()
        }
        #expect(badDay.map(\.field) == ["validTo"])
    }

    @Test func unknownAndReportingSegmentsAreRefusedOnTheSegmentField() async throws {
        try await withTestStore { store in
            let f = OfferFixtures(store: store)
            try await f.segments.segment("pl_report", #"country = "PL""#, purpose: "reporting")
            let unknown = await OfferFixtures.issues { try await f.offer("x", segment: "nowhere") }
            #expect(unknown.map(\.field) == ["segment"])
            #expect(unknown.first?.message == "segment 'nowhere' does not exist.")
            let reporting = await OfferFixtures.issues { try await f.offer("x", segment: "pl_report") }
            #expect(reporting.map(\.field) == ["segment"])
            #expect(
                reporting.first?.message.contains("reporting segments may not select or personalise a contact") == true)
            #expect(try await store.offers.list().isEmpty)
        }
    }

    @Test func changesAreAuditedAndKeepOffersOnContactSegments() async throws {
        try await withTestStore { store in
            let f = OfferFixtures(store: store)
            try await f.segments.segment("poland", #"country = "PL""#)
            try await f.segments.segment("pl_report", #"country = "PL""#, purpose: "reporting")
            let offer = try await f.offer("comp", segment: "poland", value: 30)
            var patch = OfferPatch()
            patch.priority = .set(1)
            patch.value = .clear
            patch.channel = .set("phone")
            let changed = try await store.offers.update("comp", with: patch, by: TestActors.admin)
            #expect(changed.priority == 1 && changed.value == nil && changed.channel == .phone)
            #expect(try await store.offers.find("comp") == changed)
            var retarget = OfferPatch()
            retarget.segment = .set("pl_report")
            let refused = await OfferFixtures.issues {
                _ = try await store.offers.update("comp", with: retarget, by: TestActors.admin)
            }
            #expect(refused.map(\.field) == ["segment"])
            // The segment an offer targets can neither go nor turn into a reporting segment.
            let targeted = "Offer 'comp' targets segment 'poland'; change or delete the offer first."
            await #expect(throws: DomainError.conflict(field: "key", message: targeted)) {
                try await store.segments.delete("poland", by: TestActors.admin)
            }
            await #expect(throws: DomainError.conflict(field: "purpose", message: targeted)) {
                _ = try await store.segments.update(
                    "poland", with: SegmentPatch(purpose: .set("reporting")), rule: nil, by: TestActors.admin)
            }
            try await store.offers.delete("comp", by: TestActors.admin)
            await #expect(throws: DomainError.notFound(entity: "offer", id: "comp")) {
                try await store.offers.find("comp")
            }
            try await store.segments.delete("poland", by: TestActors.admin)
            let trail = try await store.audit.list(entityID: offer.id.rawValue)
            #expect(Set(trail.map(\.action)) == [.create, .update, .delete])
            #expect(trail.contains { $0.detail == "key comp, fields: channel, value, priority" })
        }
    }
}
