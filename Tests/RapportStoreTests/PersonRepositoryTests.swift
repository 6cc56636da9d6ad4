import Foundation
import RapportCore
import RapportStore
import RapportTestSupport
import Testing

@Suite("People in the store (R1.8, R10.3, R10.6)")
struct PersonRepositoryTests {
    let admin = TestActors.admin

    func person(_ store: Store, _ given: String?, _ family: String?, country: String = "PL", owner: UserID? = nil) throws -> Person {
        try PersonDraft(givenName: given, familyName: family, country: country, ownerUserID: owner?.rawValue).validated(id: store.ids.make(), now: Date())
    }

    @Test func createReadUpdateIsAudited() async throws {
        try await withTestStore { store in
            let p = try person(store, "Łukasz", "Żółć")
            try await store.people.insert(p, by: admin)
            let read = try await store.people.find(p.id, by: admin)
            #expect(read.displayName == "Łukasz Żółć")
            var patch = PersonPatch()
            patch.familyName = .set("Zółć-Nowak")
            let updated = try await store.people.update(p.id, with: patch, by: admin)
            #expect(updated.familyName == "Zółć-Nowak")
            let trail = try await store.audit.list(entityID: p.id.rawValue)
            #expect(trail.map(\.action) == [.update, .read, .create])
            #expect(trail.first?.detail == "fields: familyName")
            #expect(trail.allSatisfy { $0.actorName == "test-admin" })
        }
    }

    @Test func searchFindsByFoldedNamePrefixEmailPhoneAndID() async throws {
        try await withTestStore { store in
            let p = try person(store, "Łukasz", "Żółć")
            let other = try person(store, "Jan", "Kowalski")
            try await store.people.insert(p, by: admin)
            try await store.people.insert(other, by: admin)
            let email = try ContactPointDraft(kind: "email", value: "Lukasz.Zolc@Example.PL").validated(
                id: store.ids.make(), personID: p.id, organisationID: nil, defaultCountry: "PL", now: Date())
            let phone = try ContactPointDraft(kind: "phone", value: "601 234 567").validated(
                id: store.ids.make(), personID: p.id, organisationID: nil, defaultCountry: "PL", now: Date())
            try await store.contactPoints.insert(email, by: admin)
            try await store.contactPoints.insert(phone, by: admin)
            for query in ["zolc", "Żół", "lukasz z", "lukasz.zolc@example.pl", "+48 601 234 567", "0601234567", p.id.rawValue] {
                let found = try await store.people.list(PersonFilter(text: query), order: ListOrder(column: "search_family", descending: false), cursor: nil, limit: 10, by: admin)
                #expect(found.items.map(\.id) == [p.id], "query \(query)")
            }
        }
    }

    @Test func keysetPagesCoverEveryoneOnce() async throws {
        try await withTestStore { store in
            var ids: Set<PersonID> = []
            for index in 0..<23 {
                let p = try person(store, "Anna", "Nowak\(index % 5)")
                ids.insert(p.id)
                try await store.people.insert(p, by: admin)
            }
            for order in [ListOrder(column: "search_family", descending: false), ListOrder(column: "created_at", descending: true)] {
                var seen: [PersonID] = []
                var cursor: Cursor?
                repeat {
                    let page = try await store.people.list(PersonFilter(), order: order, cursor: cursor, limit: 5, by: admin)
                    seen += page.items.map(\.id)
                    cursor = page.nextCursor.flatMap(Cursor.init(encoded:))
                } while cursor != nil
                #expect(seen.count == 23)
                #expect(Set(seen) == ids)
            }
        }
    }

    @Test func partnerAgentsSeeOnlyTheirPeople() async throws {
        try await withTestStore { store in
            let agentUser = User(id: store.ids.make(), username: "agent", displayName: "Agent", role: .partnerAgent, createdAt: Date())
            try await store.users.create(agentUser, passwordHash: "!", by: admin)
            let agent = Actor(agentUser)
            let mine = try person(store, "Budi", nil, country: "ID", owner: agentUser.id)
            let notMine = try person(store, "Siti", nil, country: "ID")
            try await store.people.insert(mine, by: admin)
            try await store.people.insert(notMine, by: admin)
            let page = try await store.people.list(PersonFilter(), order: ListOrder(column: "created_at", descending: true), cursor: nil, limit: 10, by: agent)
            #expect(page.items.map(\.id) == [mine.id])
            await #expect(throws: DomainError.notFound(entity: "person", id: notMine.id.rawValue)) {
                try await store.people.find(notMine.id, by: agent)
            }
            await #expect(throws: DomainError.self) { try await store.customers.view(of: notMine.id, by: agent) }
        }
    }

    @Test func aFailedWriteLeavesNothingBehind() async throws {
        try await withTestStore { store in
            let p = try person(store, "Anna", "Nowak")
            try await store.people.insert(p, by: admin)
            let before = try await store.audit.list().count
            // The second insert of the same id fails inside the transaction after nothing else was written.
            await #expect(throws: (any Error).self) { try await store.people.insert(p, by: admin) }
            let address = try ContactPointDraft(kind: "postal", address: AddressDraft(line1: "ul. Długa 5", city: "Kraków", postcode: "31-123")).validated(
                id: store.ids.make(), personID: store.ids.make(), organisationID: nil, defaultCountry: "PL", now: Date())
            await #expect(throws: DomainError.self) { try await store.contactPoints.insert(address, by: admin) }
            #expect(try await store.audit.list().count == before)
            #expect(try await store.contactPoints.forPerson(p.id).isEmpty)
        }
    }

    @Test func aNewAddressEndsThePreviousOne() async throws {
        try await withTestStore { store in
            let p = try person(store, "Anna", "Nowak")
            try await store.people.insert(p, by: admin)
            for (line, from) in [("ul. Długa 5", "2020-01-01"), ("al. Jerozolimskie 12", "2024-05-01")] {
                let address = try ContactPointDraft(kind: "postal", address: AddressDraft(line1: line, city: "Warszawa", postcode: "00-001"), validFrom: from)
                    .validated(id: store.ids.make(), personID: p.id, organisationID: nil, defaultCountry: "PL", now: Date())
                try await store.contactPoints.insert(address, by: admin)
            }
            let points = try await store.contactPoints.forPerson(p.id)
            #expect(points.count == 2)
            let old = points.first { $0.address?.line1 == "ul. Długa 5" }
            #expect(old?.validTo == LocalDate(iso: "2024-05-01"))
            #expect(points.first { $0.validTo == nil }?.address?.line1 == "al. Jerozolimskie 12")
        }
    }
}
