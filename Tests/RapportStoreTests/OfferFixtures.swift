import Foundation
import RapportCore
import RapportStore
import RapportTestSupport

/// Offers in a few words, over ``SegmentFixtures``.
struct OfferFixtures {
    let store: Store
    var segments: SegmentFixtures { SegmentFixtures(store: store) }
    /// The day the tests' validity windows are measured against.
    let today = LocalDate(year: 2026, month: 6, day: 15)!

    @discardableResult
    func offer(
        _ key: String, segment: String, kind: String = "offer", value: Double? = nil, priority: Int? = nil,
        from: String? = nil, to: String? = nil, active: Bool? = nil
    ) async throws -> Offer {
        let draft = OfferDraft(
            key: key, name: key.replacingOccurrences(of: "_", with: " ").capitalized, kind: kind, segment: segment,
            value: value, currency: value == nil ? nil : "PLN", priority: priority, validFrom: from, validTo: to,
            active: active)
        return try await store.offers.create(try draft.validated(), by: TestActors.admin)
    }

    /// The keys of the offers that fit `person` on ``today``, in the order shown.
    func keys(for person: Person, by actor: Actor = TestActors.admin) async throws -> [String] {
        try await store.offers.offers(for: person.id, by: actor, today: today).map(\.offer.key)
    }

    /// The field issues a failing call throws, or none when it throws no validation error.
    static func issues(_ body: () async throws -> Void) async -> [FieldIssue] {
        do {
            try await body()
            return []
        } catch DomainError.invalid(let issues) {
            return issues
        } catch {
            return []
        }
    }
}
