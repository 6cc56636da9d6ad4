import Foundation
import RapportCore
import RapportStore
import RapportTestSupport

/// People with a home address (and optionally an e-mail), for household and movers tests.
enum HouseholdFixtures {
    static let admin = TestActors.admin

    @discardableResult
    static func resident(
        _ store: Store, _ given: String, _ family: String, at line1: String, city: String = "Kraków",
        postcode: String = "30-001", flat: String? = nil, email: String? = nil, since: String? = "2020-01-01"
    ) async throws -> Person {
        let person = try PersonDraft(givenName: given, familyName: family, country: "PL").validated(
            id: store.ids.make(), now: Date())
        try await store.people.insert(person, by: admin)
        let home = try ContactPointDraft(
            kind: "postal",
            address: AddressDraft(line1: line1, line2: flat, city: city, postcode: postcode, country: "PL"),
            validFrom: since, isPrimary: true
        ).validated(id: store.ids.make(), personID: person.id, organisationID: nil, defaultCountry: "PL", now: Date())
        try await store.contactPoints.insert(home, by: admin)
        if let email {
            let point = try ContactPointDraft(kind: "email", value: email).validated(
                id: store.ids.make(), personID: person.id, organisationID: nil, defaultCountry: "PL", now: Date())
            try await store.contactPoints.insert(point, by: admin)
        }
        return person
    }

    static func household(of person: Person, in store: Store) async throws -> HouseholdID? {
        try await store.people.find(person.id, by: admin).householdID
    }
}
