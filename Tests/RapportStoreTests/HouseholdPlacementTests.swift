import Foundation
import RapportCore
import RapportIntegration
import RapportStore
import RapportTestSupport
import Testing

@Suite("Households for people as they arrive (R1.8)")
struct HouseholdPlacementTests {
    let admin = TestActors.admin

    func touchpoint(_ store: Store) async throws -> Touchpoint {
        let touchpoint = Touchpoint(id: store.ids.make(), name: "Shop", kind: .pointOfSale, trustRank: 2, createdAt: Date())
        try await store.sources.register(touchpoint, by: admin)
        return touchpoint
    }

    func record(_ given: String, _ family: String, at line1: String, email: String? = nil, phone: String? = nil)
        -> IngestRecord
    {
        var record = IngestRecord(givenName: given, familyName: family, email: email, country: "PL")
        record.phone = phone
        record.address = AddressDraft(line1: line1, city: "Kraków", postcode: "30-001", country: "PL")
        return record
    }

    func request(_ record: IngestRecord) throws -> IngestionRequest {
        IngestionRequest(payload: String(decoding: try JSONEncoder().encode(record), as: UTF8.self), parsed: .success(record))
    }

    func arrive(_ record: IngestRecord, at touchpoint: Touchpoint, in store: Store) async throws -> Person {
        let result = try await store.ingestion.ingest(try request(record), from: touchpoint, by: admin)
        #expect(result.outcome == .created, "\(result)")
        return try await store.people.find(try #require(result.personID), by: admin)
    }

    @Test func aRelativeJoinsTheHouseholdAndAStrangerGetsOneOfTheirOwn() async throws {
        try await withTestStore { store in
            let shop = try await touchpoint(store)
            let anna = try await arrive(record("Anna", "Nowak", at: "ul. Długa 5"), at: shop, in: store)
            let household = try #require(anna.householdID, "a newcomer no one links to is a household of one")
            #expect(try await store.households.find(household).name == "Nowak, Kraków")
            let jan = try await arrive(record("Jan", "Nowak", at: "ul. Długa 5"), at: shop, in: store)
            #expect(jan.householdID == household)
            let lodger = try await arrive(record("Piotr", "Zieliński", at: "ul. Długa 5"), at: shop, in: store)
            #expect(lodger.householdID != nil && lodger.householdID != household)

            let view = try await store.customers.view(of: jan.id, by: admin)
            #expect(view.householdLinks.map(\.personID) == [anna.id])
            #expect(view.householdLinks.first?.reason.contains("family name (nowak)") == true)
            let trail = try await store.audit.list(entityID: jan.id.rawValue).compactMap(\.detail)
            #expect(trail.contains("household none → \(household.rawValue) (placed on arrival: ingestion)"), "\(trail)")

            let rebuild = try await store.householdRebuild.run(by: admin)
            #expect(rebuild.peopleMoved == 0 && rebuild.householdsCreated == 0 && rebuild.linksAdded == 0,
                "placement on arrival agrees with a rebuild: \(rebuild)")
        }
    }

    @Test func relativesInOneBatchFindEachOtherAndASharedPhoneLinksAnywhere() async throws {
        try await withTestStore { store in
            let shop = try await touchpoint(store)
            let results = try await store.ingestion.ingest(
                transaction: [
                    try request(record("Ewa", "Lis", at: "ul. Krótka 1")),
                    try request(record("Adam", "Lis", at: "ul. Krótka 1")),
                    try request(record("Ola", "Lis", at: "ul. Polna 9", phone: "+48 601 222 333")),
                    try request(record("Kuba", "Wróbel", at: "ul. Miodowa 3", phone: "601 222 333")),
                ], from: shop, by: admin)
            let people = try await results.asyncMap { try await store.people.find(try #require($0.personID), by: admin) }
            let households = people.map(\.householdID)
            #expect(households.allSatisfy { $0 != nil })
            #expect(households[0] == households[1])
            #expect(households[2] == households[3], "a shared phone number links anywhere under the standard rule")
            #expect(households[0] != households[2])
        }
    }

    @Test func aNewcomerWhoMovesLaterInTheSameBatchIsPlacedAtTheNewAddress() async throws {
        try await withTestStore { store in
            let shop = try await touchpoint(store)
            let results = try await store.ingestion.ingest(
                transaction: [
                    try request(record("Ewa", "Lis", at: "ul. Krótka 1", email: "ewa.lis@example.pl")),
                    try request(record("Ewa", "Lis", at: "ul. Polna 9", email: "ewa.lis@example.pl")),
                    try request(record("Adam", "Lis", at: "ul. Polna 9")),
                ], from: shop, by: admin)
            #expect(results.map(\.outcome) == [.created, .matched, .created])
            #expect(results[1].personID == results[0].personID)
            let ewa = try await store.people.find(try #require(results[0].personID), by: admin)
            let adam = try await store.people.find(try #require(results[2].personID), by: admin)
            #expect(ewa.householdID != nil)
            #expect(ewa.householdID == adam.householdID,
                "Ewa is placed where she lives at the end of the batch, not where her first record put her")
        }
    }

    @Test func aNewcomerJoinsAnExistingHouseholdWithoutMovingAnyone() async throws {
        try await withTestStore { store in
            let shop = try await touchpoint(store)
            let mother = try await HouseholdFixtures.resident(store, "Maria", "Kowalska", at: "ul. Lipowa 2")
            let father = try await HouseholdFixtures.resident(store, "Adam", "Kowalski", at: "ul. Lipowa 2")
            _ = try await store.householdRebuild.run(by: admin)
            let family = try #require(try await HouseholdFixtures.household(of: mother, in: store))
            #expect(try await HouseholdFixtures.household(of: father, in: store) == family)
            let daughter = try await arrive(record("Zofia", "Kowalska", at: "ul. Lipowa 2"), at: shop, in: store)
            #expect(daughter.householdID == family)
            #expect(try await store.households.members(of: family, by: admin).count == 3)
        }
    }

    @Test func staffAddingAnAddressMovesSomeoneAloneIntoTheirFamilysHousehold() async throws {
        try await withTestStore { store in
            let mother = try await HouseholdFixtures.resident(store, "Maria", "Kowalska", at: "ul. Lipowa 2")
            let family = try #require(try await HouseholdFixtures.household(of: mother, in: store))
            let daughter = try PersonDraft(givenName: "Zofia", familyName: "Kowalska", country: "PL").validated(
                id: store.ids.make(), now: Date())
            try await store.people.insert(daughter, by: admin)
            #expect(try await HouseholdFixtures.household(of: daughter, in: store) == nil, "nothing to group her by yet")
            let email = try ContactPointDraft(kind: "email", value: "zofia@example.pl").validated(
                id: store.ids.make(), personID: daughter.id, organisationID: nil, defaultCountry: "PL", now: Date())
            try await store.contactPoints.insert(email, by: admin)
            let own = try #require(try await HouseholdFixtures.household(of: daughter, in: store))
            #expect(own != family, "her e-mail links her to nobody: a household of her own")
            let home = try ContactPointDraft(
                kind: "postal", address: AddressDraft(line1: "ul. Lipowa 2", city: "Kraków", postcode: "30-001", country: "PL"),
                isPrimary: true
            ).validated(id: store.ids.make(), personID: daughter.id, organisationID: nil, defaultCountry: "PL", now: Date())
            try await store.contactPoints.insert(home, by: admin)
            #expect(try await HouseholdFixtures.household(of: daughter, in: store) == family)
            #expect(try await store.households.members(of: family, by: admin).count == 2)
            await #expect(throws: DomainError.notFound(entity: "household", id: own.rawValue)) {
                _ = try await store.households.find(own)
            }
            let trail = try await store.audit.list(entityID: daughter.id.rawValue).compactMap(\.detail)
            #expect(trail.contains { $0.hasPrefix("household \(own.rawValue) → \(family.rawValue) (was alone in it") }, "\(trail)")
            #expect(try await store.audit.list(entityID: own.rawValue).contains { $0.action == .delete })
            let view = try await store.customers.view(of: daughter.id, by: admin)
            #expect(view.householdLinks.map(\.personID) == [mother.id])
        }
    }

    /// Ingestion settles known people as staff edits do: a customer first known by an e-mail
    /// alone joins their family once a later record brings the family's address; someone who
    /// shares a household stays in it when a record brings them another address.
    @Test func aLaterRecordWithTheFamilysAddressMovesSomeoneAloneIntoTheirHousehold() async throws {
        try await withTestStore { store in
            let shop = try await touchpoint(store)
            let anna = try await arrive(record("Anna", "Nowak", at: "ul. Długa 5"), at: shop, in: store)
            let family = try #require(anna.householdID)
            let jan = try await arrive(
                IngestRecord(givenName: "Jan", familyName: "Nowak", email: "jan.nowak@example.pl", country: "PL"), at: shop,
                in: store)
            let own = try #require(jan.householdID)
            #expect(own != family, "his e-mail links him to nobody")

            let results = try await store.ingestion.ingest(
                transaction: [try request(record("Jan", "Nowak", at: "ul. Długa 5", email: "jan.nowak@example.pl"))],
                from: shop, by: admin)
            #expect(results.map(\.outcome) == [.matched] && results[0].personID == jan.id)
            #expect(try await store.people.find(jan.id, by: admin).householdID == family)
            await #expect(throws: DomainError.notFound(entity: "household", id: own.rawValue)) {
                _ = try await store.households.find(own)
            }

            let moved = try await store.ingestion.ingest(
                try request(record("Anna", "Nowak", at: "ul. Polna 9", email: "anna.nowak@example.pl")), from: shop, by: admin)
            #expect(moved.outcome == .matched && moved.personID == anna.id, "\(moved)")
            #expect(try await store.people.find(anna.id, by: admin).householdID == family, "she shares it: the rebuild decides")
        }
    }

    @Test func aCrowdedAddressMakesNoLinks() async throws {
        try await withTestStore { store in
            let shop = try await touchpoint(store)
            let rule = try await store.householdRules.set(HouseholdRuleDraft(maximumPeoplePerAddress: 2), by: admin)
            #expect(rule.maximumPeoplePerAddress == 2)
            let first = try await arrive(record("Anna", "Mazur", at: "os. Centrum 7"), at: shop, in: store)
            let second = try await arrive(record("Jan", "Mazur", at: "os. Centrum 7"), at: shop, in: store)
            #expect(second.householdID == first.householdID)
            let third = try await arrive(record("Ewa", "Mazur", at: "os. Centrum 7"), at: shop, in: store)
            #expect(third.householdID != nil && third.householdID != first.householdID,
                "three people at an address the rule caps at two: an apartment block, no address links")
        }
    }

    /// Someone staff created and placed alone (by an e-mail) joins a family when an ingested
    /// record matches them and brings the family's address.
    @Test func aMatchedRecordSettlesSomeoneStaffPlacedAlone() async throws {
        try await withTestStore { store in
            let shop = try await touchpoint(store)
            let staff = try PersonDraft(givenName: "Ida", familyName: "Nowak", country: "PL").validated(
                id: store.ids.make(), now: Date())
            try await store.people.insert(staff, by: admin)
            let email = try ContactPointDraft(kind: "email", value: "ida@example.pl").validated(
                id: store.ids.make(), personID: staff.id, organisationID: nil, defaultCountry: "PL", now: Date())
            try await store.contactPoints.insert(email, by: admin)
            let placed = try await store.people.find(staff.id, by: admin).householdID
            #expect(placed != nil, "her e-mail, added by staff, placed her")
            let jan = try await arrive(record("Jan", "Nowak", at: "ul. Długa 5"), at: shop, in: store)
            let result = try await store.ingestion.ingest(
                try request(record("Ida", "Nowak", at: "ul. Długa 5", email: "ida@example.pl")), from: shop, by: admin)
            #expect(result.outcome == .matched && result.personID == staff.id)
            #expect(try await store.people.find(staff.id, by: admin).householdID == jan.householdID)
            let trail = try await store.audit.list(entityID: staff.id.rawValue).compactMap(\.detail)
            #expect(trail.contains { $0.contains("(was alone in it; ingestion)") }, "\(trail)")
        }
    }
}

extension Array {
    fileprivate func asyncMap<T>(_ transform: (Element) async throws -> T) async rethrows -> [T] {
        var out: [T] = []
        for element in self { out.append(try await transform(element)) }
        return out
    }
}
