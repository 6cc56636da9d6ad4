import Foundation
import RapportCore
import RapportStore
import RapportTestSupport

/// Small builders for segment tests: people, purchases and segments in a few words.
struct SegmentFixtures {
    let store: Store
    let admin = TestActors.admin

    func person(_ given: String, country: String = "PL", owner: UserID? = nil) async throws -> Person {
        let person = try PersonDraft(
            givenName: given, familyName: "Testowy", country: country, ownerUserID: owner?.rawValue
        )
        .validated(id: store.ids.make(), now: Date())
        try await store.people.insert(person, by: admin)
        return person
    }

    @discardableResult
    func purchase(
        _ person: Person, _ amount: Double, currency: String = "PLN", product: String = "Kettle",
        brand: String? = "Zelmer",
        channel: String = "web", kind: String = "purchase", daysAgo: Double = 3
    ) async throws -> Purchase {
        let occurred = Timestamp.format(Date().addingTimeInterval(-daysAgo * 86_400))
        let purchase = try PurchaseDraft(
            personID: person.id.rawValue, kind: kind, channel: channel, occurredAt: occurred, currency: currency,
            lines: [.init(product: product, brand: brand, quantity: 1, amount: amount, margin: amount / 4)]
        ).validated(id: store.ids.make(), now: Date())
        try await store.purchases.insert(purchase, by: admin)
        return purchase
    }

    @discardableResult
    func segment(
        _ key: String, _ rule: String, purpose: String = "contact", kind: String = "dynamic", by actor: Actor? = nil
    ) async throws -> Segment {
        let fields = try SegmentDraft(key: key, name: key.capitalized, purpose: purpose, kind: kind).validated()
        return try await store.segments.create(fields, rule: try SegmentRuleRejection.parse(rule), by: actor ?? admin)
    }

    func keys(of person: Person) async throws -> [String] {
        try await store.segments.segments(of: person.id, by: admin).map(\.key)
    }

    func memberIDs(_ key: String, by actor: Actor? = nil) async throws -> Set<PersonID> {
        var ids: Set<PersonID> = []
        var cursor: Cursor?
        repeat {
            let page = try await store.segments.members(of: key, cursor: cursor, limit: 3, by: actor ?? admin)
            ids.formUnion(page.items.map(\.id))
            cursor = page.nextCursor.flatMap(Cursor.init(encoded:))
        } while cursor != nil
        return ids
    }

    /// The rejection a failing call throws, or nil when it did not throw one.
    func rejection(_ body: () async throws -> Void) async -> SegmentRuleRejection? {
        do {
            try await body()
            return nil
        } catch let rejection as SegmentRuleRejection {
            return rejection
        } catch {
            return nil
        }
    }
}
