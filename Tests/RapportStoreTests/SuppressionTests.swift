import Foundation
import RapportCore
import RapportStore
import RapportTestSupport
import SQLKit
import Testing

/// Elimination (R1.10): what a suppression stops (contact segments, offers) and what it
/// leaves alone (reporting segments), that lifting restores, and that every change is
/// audited, announced and seen by the cached 360.
@Suite("Suppressions: deceased, undeliverable, on request")
struct SuppressionTests {
    let admin = TestActors.admin

    func suppress(
        _ store: Store, _ person: Person, _ reason: String, point: ContactPointID? = nil, until: String? = nil
    ) async throws -> Suppression {
        let fields = try SuppressionDraft(reason: reason, until: until, contactPointID: point?.rawValue).validated()
        return try await store.suppressions.suppress(person.id, fields, by: admin)
    }

    func email(_ store: Store, _ person: Person, _ address: String, primary: Bool = true) async throws -> ContactPoint {
        let point = try ContactPointDraft(kind: "email", value: address, isPrimary: primary).validated(
            id: store.ids.make(), personID: person.id, organisationID: nil, defaultCountry: "PL", now: Date())
        try await store.contactPoints.insert(point, by: admin)
        return point
    }

    func stamp(_ store: Store, _ id: PersonID) async throws -> Int64 {
        try #require(try await store.database.sql.raw("SELECT view_version FROM people WHERE id = \(bind: id.rawValue)").first())
            .decode(column: "view_version", as: Int64.self)
    }

    // MARK: Tests

    @Test func aSuppressedPersonLeavesContactSegmentsAndOffersButNotReportingOnesUntilLifted() async throws {
        try await withTestStore { store in
            let f = OfferFixtures(store: store)
            let ada = try await f.segments.person("Ada")
            let bolek = try await f.segments.person("Bolek")
            try await f.segments.segment("poland", #"country = "PL""#)
            try await f.segments.segment("pl_report", #"country = "PL""#, purpose: "reporting")
            try await f.segments.segment("pl_list", #"country = "PL""#, kind: "frozen")
            try await f.offer("welcome", segment: "poland")
            #expect(try await f.keys(for: ada) == ["welcome"])

            let stop = try await suppress(store, ada, "deceased")
            #expect(try await f.segments.memberIDs("poland") == [bolek.id])
            #expect(try await f.segments.memberIDs("pl_list") == [bolek.id], "a frozen contact list is gated too")
            #expect(try await store.segments.size(of: "poland", by: admin) == 1)
            #expect(try await store.segments.size(of: "pl_report", by: admin) == 2, "reporting still counts everyone")
            let rule = try SegmentRuleRejection.parse(#"country = "PL""#)
            #expect(try await store.segments.count(rule, purpose: .contact, by: admin) == 1)
            #expect(try await store.segments.preview(rule, purpose: .contact, by: admin).size == 1)
            #expect(try await f.keys(for: ada).isEmpty)
            #expect(try await f.segments.keys(of: ada) == ["pl_report"])

            _ = try await store.suppressions.lift(stop.id, by: admin)
            #expect(try await f.segments.memberIDs("poland") == [ada.id, bolek.id])
            #expect(try await f.keys(for: ada) == ["welcome"])
            let history = try await store.suppressions.forPerson(ada.id, by: admin)
            #expect(history.count == 1 && history[0].liftedBy == admin.name && history[0].liftedAt != nil)
        }
    }

    @Test func aSuppressionWithAnUntilDayEndsByItselfAndAPointSuppressionDoesNotStopThePerson() async throws {
        try await withTestStore { store in
            let f = OfferFixtures(store: store)
            let ada = try await f.segments.person("Ada")
            try await f.segments.segment("poland", #"country = "PL""#)
            let until = LocalDate(Date().addingTimeInterval(3 * 86_400))
            _ = try await suppress(store, ada, "on_request", until: until.description)
            #expect(try await store.segments.size(of: "poland", by: admin) == 0)
            #expect(try await store.segments.size(of: "poland", by: admin, today: until) == 1)

            let bob = try await f.segments.person("Bob")
            let mail = try await email(store, bob, "bob@example.com")
            _ = try await suppress(store, bob, "undeliverable", point: mail.id)
            #expect(try await store.segments.size(of: "poland", by: admin) == 1, "Bob stays; only his address stops")
            let view = try await store.customers.view(of: bob.id, by: admin)
            #expect(view.contactPoints.first?.isPrimary == false, "an undeliverable point is no longer primary")
            #expect(ContactGate.stoppedPoints(in: view.suppressions, on: LocalDate(Date())) == [mail.id])
            #expect(!ContactGate.mayUse(mail.id, status: .active, suppressions: view.suppressions, on: LocalDate(Date())))
        }
    }

    @Test func aSourceSuppliedStatusStopsContactToo() async throws {
        try await withTestStore { store in
            let f = SegmentFixtures(store: store)
            let ada = try await f.person("Ada")
            try await f.segment("poland", #"country = "PL""#)
            var patch = PersonPatch()
            patch.status = .set("suppressed_deceased")
            _ = try await store.people.update(ada.id, with: patch, by: admin)
            #expect(try await store.segments.size(of: "poland", by: admin) == 0)
        }
    }

    @Test func everyChangeIsAuditedAnnouncedAndMovesTheViewStamp() async throws {
        try await withTestStore { store in
            try await store.subscribeTestReceiver(to: ["person.updated"])
            let ada = try await SegmentFixtures(store: store).person("Ada")
            let before = try await stamp(store, ada.id)
            let stop = try await suppress(store, ada, "on_request")
            let afterSuppress = try await stamp(store, ada.id)
            #expect(afterSuppress > before)
            _ = try await store.suppressions.lift(stop.id, by: admin)
            #expect(try await stamp(store, ada.id) > afterSuppress)
            let details = try await store.audit.list(entityID: ada.id.rawValue).filter { $0.action == .update }
                .compactMap(\.detail)
            #expect(details.contains("suppressed person: on_request (\(stop.id))"))
            #expect(details.contains("lifted suppression \(stop.id) (on_request)"))
            let events = try await store.database.sql.raw(
                "SELECT type FROM webhook_events WHERE entity_id = \(bind: ada.id.rawValue)"
            ).all().map { try $0.decode(column: "type", as: String.self) }
            #expect(events.filter { $0 == "person.updated" }.count == 2)
            await #expect(throws: DomainError.self) { _ = try await store.suppressions.lift(stop.id, by: admin) }
        }
    }

    @Test func badInputNamesTheField() async throws {
        try await withTestStore { store in
            let f = SegmentFixtures(store: store)
            let ada = try await f.person("Ada")
            let bob = try await f.person("Bob")
            let bobs = try await email(store, bob, "bob@example.com")
            let issues = await OfferFixtures.issues {
                _ = try SuppressionDraft(reason: "moved", until: "2020-01-01", contactPointID: "nope").validated()
            }
            #expect(Set(issues.map(\.field)) == ["reason", "until", "contactPointID"])
            let other = await OfferFixtures.issues { _ = try SuppressionDraft(reason: "other").validated() }
            #expect(other.map(\.field) == ["note"])
            let foreign = await OfferFixtures.issues { _ = try await suppress(store, ada, "undeliverable", point: bobs.id) }
            #expect(foreign.map(\.field) == ["contactPointID"])
            await #expect(throws: DomainError.notFound(entity: "person", id: ada.id.rawValue)) {
                _ = try await store.suppressions.suppress(
                    ada.id, .init(reason: .deceased), by: TestActors.partnerAgent)
            }
        }
    }

    @Test func aFileOfIDsAndAddressesIsSuppressedInOneGoReportingWhatMatchedNobody() async throws {
        try await withTestStore { store in
            let f = SegmentFixtures(store: store)
            let ada = try await f.person("Ada")
            let bob = try await f.person("Bob")
            _ = try await email(store, bob, "Bob@Example.com")
            let lines = ["email", ada.id.rawValue, "\"bob@example.com\",x", "", "nobody@example.com", "garbage", ada.id.rawValue]
            let result = try await store.suppressions.suppress(lines: lines, reason: .deceased, by: admin)
            #expect(result.suppressed == 2 && result.alreadySuppressed == 1)
            #expect(result.unmatched.map(\.line) == [5, 6])
            #expect(result.unmatched[0].reason == "no person with this e-mail address")
            let page = try await store.suppressions.list(reason: .deceased, limit: 1, by: admin)
            #expect(page.items.count == 1 && page.nextCursor != nil)
            let rest = try await store.suppressions.list(
                reason: .deceased, cursor: page.nextCursor.flatMap(Cursor.init(encoded:)), by: admin)
            #expect(Set((page.items + rest.items).map(\.personID)) == [ada.id, bob.id])
            #expect(try await store.suppressions.list(reason: .onRequest, by: admin).items.isEmpty)
        }
    }
}
