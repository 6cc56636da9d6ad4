import Foundation
import RapportCore
import RapportIntegration
import RapportStore
import RapportTestSupport
import Testing

@Suite("Households in the store (R1.8)")
struct HouseholdRebuildTests {
    let admin = TestActors.admin

    @Test func familyAtOneAddressIsOneHouseholdAndStrangersAreNot() async throws {
        try await withTestStore { store in
            let jan = try await HouseholdFixtures.resident(store, "Jan", "Kowalski", at: "ul. Długa 5")
            let anna = try await HouseholdFixtures.resident(store, "Anna", "Kowalska", at: "ulica Długa 5")
            let lodger = try await HouseholdFixtures.resident(store, "Piotr", "Wiśniewski", at: "ul. Długa 5")
            let placed = try await HouseholdFixtures.household(of: jan, in: store)
            #expect(placed != nil, "staff adding the address placed Jan at once")
            // Placement on arrival and the rebuild apply one rule: the rebuild finds nothing to change.
            let summary = try await store.householdRebuild.run(by: admin)
            #expect(summary.people == 3)
            #expect(summary.households == 2)
            #expect(summary.householdsCreated == 0 && summary.householdsChanged == 0 && summary.householdsDissolved == 0)
            #expect(summary.peopleMoved == 0)
            #expect(summary.linksAdded == 0 && summary.linksRemoved == 0)
            let family = try await HouseholdFixtures.household(of: jan, in: store)
            #expect(family == placed)
            #expect(family != nil)
            #expect(try await HouseholdFixtures.household(of: anna, in: store) == family)
            let alone = try await HouseholdFixtures.household(of: lodger, in: store)
            #expect(alone != nil && alone != family)

            let view = try await store.customers.view(of: anna.id, by: admin)
            #expect(view.householdLinks.map(\.personID) == [jan.id])
            #expect(view.householdLinks.first?.reason.contains("family name (kowalski)") == true)
            #expect(try await store.customers.view(of: lodger.id, by: admin).householdLinks.isEmpty)
            let trail = try await store.audit.list(entityID: anna.id.rawValue)
            #expect(trail.contains { $0.detail?.contains("household none → \(family!.rawValue)") == true })
        }
    }

    @Test func secondRebuildKeepsIDsAndWritesNothing() async throws {
        try await withTestStore { store in
            let jan = try await HouseholdFixtures.resident(store, "Jan", "Nowak", at: "ul. Krótka 1")
            try await HouseholdFixtures.resident(store, "Ewa", "Nowak", at: "ul. Krótka 1")
            _ = try await store.householdRebuild.run(by: admin)
            let first = try await HouseholdFixtures.household(of: jan, in: store)
            let again = try await store.householdRebuild.run(by: admin)
            #expect(again.householdsCreated == 0 && again.householdsChanged == 0 && again.householdsDissolved == 0)
            #expect(again.peopleMoved == 0 && again.linksAdded == 0 && again.linksRemoved == 0)
            #expect(try await HouseholdFixtures.household(of: jan, in: store) == first)

            // A third Nowak joins the household as staff add his address; it keeps its ID, and the
            // rebuild agrees.
            let son = try await HouseholdFixtures.resident(store, "Adam", "Nowak", at: "ul. Krótka 1")
            #expect(try await HouseholdFixtures.household(of: son, in: store) == first)
            let joined = try await store.householdRebuild.run(by: admin)
            #expect(joined.householdsChanged == 0 && joined.householdsCreated == 0 && joined.peopleMoved == 0)
            #expect(try await HouseholdFixtures.household(of: son, in: store) == first)
        }
    }

    @Test func ruleChangeRegroupsAndDissolvesEmptiedHouseholds() async throws {
        try await withTestStore { store in
            let jan = try await HouseholdFixtures.resident(store, "Jan", "Kowalski", at: "ul. Długa 5")
            let lodger = try await HouseholdFixtures.resident(store, "Piotr", "Wiśniewski", at: "ul. Długa 5")
            _ = try await store.householdRebuild.run(by: admin)
            #expect(
                try await HouseholdFixtures.household(of: jan, in: store)
                    != HouseholdFixtures.household(of: lodger, in: store))

            try await store.householdRules.set(HouseholdRuleDraft(linksSameAddressAlone: true), by: admin)
            #expect(try await store.householdRules.current().linksSameAddressAlone)
            let regrouped = try await store.householdRebuild.run(by: admin)
            #expect(regrouped.householdsDissolved == 1 && regrouped.peopleMoved == 1 && regrouped.households == 1)
            #expect(
                try await HouseholdFixtures.household(of: jan, in: store)
                    == HouseholdFixtures.household(of: lodger, in: store))
            let view = try await store.customers.view(of: lodger.id, by: admin)
            #expect(view.householdLinks.first?.reason.hasPrefix("same address") == true)
            #expect(try await store.audit.list(entityID: "household_rule").first?.actorName == "test-admin")
        }
    }

    @Test func sharedEmailLinksAcrossAddresses() async throws {
        try await withTestStore { store in
            let mother = try await HouseholdFixtures.resident(
                store, "Maria", "Zielińska", at: "ul. Polna 2", email: "dom@example.pl")
            let student = try await HouseholdFixtures.resident(
                store, "Ola", "Zielińska", at: "ul. Akademicka 9", city: "Warszawa", postcode: "00-001",
                email: "dom@example.pl")
            _ = try await store.householdRebuild.run(by: admin)
            #expect(
                try await HouseholdFixtures.household(of: mother, in: store)
                    == HouseholdFixtures.household(of: student, in: store))
            try await store.householdRules.set(HouseholdRuleDraft(sharedContacts: "never"), by: admin)
            _ = try await store.householdRebuild.run(by: admin)
            #expect(
                try await HouseholdFixtures.household(of: mother, in: store)
                    != HouseholdFixtures.household(of: student, in: store))
        }
    }

    @Test func badRuleNamesItsFields() async throws {
        try await withTestStore { store in
            do {
                try await store.householdRules.set(
                    HouseholdRuleDraft(sharedContacts: "sometimes", maximumPeoplePerAddress: 1), by: admin)
                Issue.record("a bad rule was stored")
            } catch let error as DomainError {
                guard case .invalid(let issues) = error else { throw error }
                #expect(Set(issues.map(\.field)) == ["sharedContacts", "maximumPeoplePerAddress"])
            }
            #expect(try await store.householdRules.current() == .standard)
        }
    }

    @Test func erasingAPersonRemovesTheirLinks() async throws {
        try await withTestStore { store in
            let jan = try await HouseholdFixtures.resident(store, "Jan", "Nowak", at: "ul. Krótka 1")
            let ewa = try await HouseholdFixtures.resident(store, "Ewa", "Nowak", at: "ul. Krótka 1")
            _ = try await store.householdRebuild.run(by: admin)
            try await store.database.sql.raw("DELETE FROM people WHERE id = \(bind: jan.id.rawValue)").run()
            #expect(try await store.customers.view(of: ewa.id, by: admin).householdLinks.isEmpty)
        }
    }
}

@Suite("Households on the cached 360 (R1.8, view stamps)")
struct HouseholdViewStampTests {
    @Test func theCached360FollowsPlacementAndRebuild() async throws {
        try await withTestStore { store in
            let admin = TestActors.admin
            let encode: (CustomerView) throws -> [UInt8] = { Array(try JSONEncoder().encode($0)) }
            let jan = try await HouseholdFixtures.resident(store, "Jan", "Nowak", at: "ul. Krótka 1")
            let document = { String(decoding: try await store.customers.document(of: jan.id, by: admin, encode: encode), as: UTF8.self) }
            let alone = try await document()
            let ewa = try await HouseholdFixtures.resident(store, "Ewa", "Nowak", at: "ul. Krótka 1")
            #expect(!alone.contains(ewa.id.rawValue))
            let placed = try await document()
            #expect(placed.contains("\"householdLinks\"") && placed.contains(ewa.id.rawValue), "Ewa joined on arrival")
            // Ewa moves out: staff give her a new address, which does not move someone who shares a
            // household; the rebuild does, and Jan's cached 360 follows it.
            let moved = try ContactPointDraft(
                kind: "postal", address: AddressDraft(line1: "ul. Nowa 9", city: "Gdańsk", postcode: "80-001", country: "PL"),
                validFrom: "2024-05-01", isPrimary: true
            ).validated(id: store.ids.make(), personID: ewa.id, organisationID: nil, defaultCountry: "PL", now: Date())
            try await store.contactPoints.insert(moved, by: admin)
            #expect(try await HouseholdFixtures.household(of: ewa, in: store) == HouseholdFixtures.household(of: jan, in: store))
            _ = try await store.householdRebuild.run(by: admin)
            #expect(!(try await document()).contains(ewa.id.rawValue))
        }
    }
}
