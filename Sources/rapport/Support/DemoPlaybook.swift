import Foundation
import RapportCore
import RapportStore
import RapportValue

/// The demo's ready-made marketing set-up, so a first look at Rapport shows segments,
/// offers on the 360 pages and a segment with lifetime value assumptions of its own: a few
/// saved segments (contact and one reporting), offers and actions targeted at them. Added
/// once, after the demo data, to a store without segments.
enum DemoPlaybook {
    static let segments: [(key: String, name: String, purpose: String, rule: String)] = [
        ("lapsed-buyers", "Lapsed repeat buyers", "contact", "frequency >= 2 and recency_days > 180"),
        ("top-value", "Top-value customers", "contact", #"value_tier in ("top")"#),
        ("new-customers", "New customers", "contact", "first_purchase > 120 days ago"),
        ("web-shoppers-pl", "Web shoppers in Poland", "contact", #"country = "PL" and channels contains "web""#),
        ("likely-lost", "Likely lost (model)", "reporting", "p_alive < 0.3 and frequency >= 2"),
    ]

    static let offers: [OfferDraft] = [
        OfferDraft(
            key: "thank_you_call", name: "Personal thank-you call", description: "A call from their host, no selling.",
            kind: "action", segment: "top-value", channel: "phone", priority: 5),
        OfferDraft(
            key: "winback_voucher", name: "Win-back voucher", description: "A voucher for the next order, by e-mail.",
            kind: "offer", segment: "lapsed-buyers", channel: "email", value: 20, currency: "PLN", priority: 10),
        OfferDraft(
            key: "welcome_call", name: "Welcome call after the first order", kind: "action", segment: "new-customers",
            channel: "phone", priority: 20),
    ]

    /// Adds the set-up unless the store already has segments.
    static func install(on store: Store) async throws {
        guard try await store.segments.list().isEmpty else { return }
        for segment in segments {
            let fields = try SegmentDraft(key: segment.key, name: segment.name, purpose: segment.purpose).validated()
            _ = try await store.segments.create(fields, rule: try SegmentRuleRejection.parse(segment.rule), by: .system)
        }
        for offer in offers {
            _ = try await store.offers.create(try offer.validated(), by: .system)
        }
        _ = try await store.lifetimeValues.assumptions.set(
            ValueAssumptions(retentionRates: [0.7, 0.75, 0.8], discountRate: 0.08, years: 5,
                acquisitionCost: ["USD": 40, "PLN": 150, "IDR": 600_000]),
            forSegment: "top-value", by: .system)
        print("Added \(segments.count) demo segments and \(offers.count) offers.")
    }
}
