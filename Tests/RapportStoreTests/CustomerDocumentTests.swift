import Foundation
import RapportCore
import RapportStore
import RapportTestSupport
import Testing

/// The cached 360 must never be stale: every change the view shows moves the person's view
/// stamp (database triggers), whichever table it touches.
@Suite("Cached customer 360 documents")
struct CustomerDocumentTests {
    let admin = TestActors.admin

    func document(_ store: Store, _ id: PersonID) async throws -> String {
        let bytes = try await store.customers.document(of: id, by: admin) { Array(try JSONEncoder().encode($0)) }
        return String(decoding: bytes, as: UTF8.self)
    }

    func stamp(_ store: Store, _ id: PersonID) async throws -> Int64 {
        try #require(try await store.database.readFirst("SELECT view_version FROM people WHERE id = ?", [.text(id.rawValue)]))
            .decode(column: "view_version", as: Int64.self)
    }

    /// A person with a household member and an organisation.
    func subject(_ store: Store) async throws -> (person: PersonID, mate: PersonID, organisation: OrganisationID) {
        let row = try #require(
            try await store.database.readFirst(
                """
                SELECT p.id AS person, q.id AS mate, m.organisation_id AS organisation FROM people p
                JOIN people q ON q.household_id = p.household_id AND q.id <> p.id
                JOIN memberships m ON m.person_id = p.id ORDER BY p.id LIMIT 1
                """, []))
        return (
            PersonID(rawValue: try row.decode(column: "person", as: String.self)),
            PersonID(rawValue: try row.decode(column: "mate", as: String.self)),
            OrganisationID(rawValue: try row.decode(column: "organisation", as: String.self))
        )
    }

    @Test func everyChangeTheViewShowsReachesTheNextRead() async throws {
        try await withDemoStore(people: 300) { store in
            let (id, mate, organisationID) = try await subject(store)
            let first = try await document(store, id)
            #expect(try await document(store, id) == first)
            #expect(store.customers.documentCount == 1)

            let before = try await stamp(store, id)
            try await store.interactions.insert(
                Interaction(
                    id: store.ids.make(), personID: id, channel: .phone, direction: .inbound, outcome: .resolved,
                    subject: "Stamp check call", occurredAt: Date()), by: admin)
            #expect(try await stamp(store, id) > before)
            #expect(try await document(store, id).contains("Stamp check call"))

            var patch = PersonPatch()
            patch.familyName = .set("Zmieniony-Wiśniewski")
            _ = try await store.people.update(mate, with: patch, by: admin)
            #expect(try await document(store, id).contains("Zmieniony-Wiśniewski"))

            var organisation = try await store.organisations.find(organisationID)
            organisation.name = "Renamed Stamp Holdings"
            try await store.organisations.update(organisation, by: admin)
            #expect(try await document(store, id).contains("Renamed Stamp Holdings"))

            let email = try ContactPointDraft(kind: "email", value: "stamp.check@example.com").validated(
                id: store.ids.make(), personID: id, organisationID: nil, defaultCountry: "PL", now: Date())
            try await store.contactPoints.insert(email, by: admin)
            #expect(try await document(store, id).contains("stamp.check@example.com"))
        }
    }

    @Test func cachedReadsAreAuditedAndRestrictedActorsAreNotServedFromTheCache() async throws {
        try await withDemoStore(people: 120) { store in
            let (id, _, _) = try await subject(store)
            for _ in 0..<3 { _ = try await document(store, id) }
            let reads = try await store.audit.list(entityID: id.rawValue).filter { $0.action == .read && $0.detail == "customer 360" }
            #expect(reads.count == 3)
            await #expect(throws: DomainError.self) {
                _ = try await store.customers.document(of: id, by: TestActors.partnerAgent) { Array(try JSONEncoder().encode($0)) }
            }
        }
    }
}
