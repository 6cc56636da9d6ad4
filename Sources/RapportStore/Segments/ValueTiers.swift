import Foundation
import RapportSegments
import SQLKit

/// The spend thresholds of the value tiers (`value_tier` in rules), per currency, as of now.
///
/// Within each main currency, people are ranked by spend: the top 20 % are `top`, the next
/// 30 % `high`, the next 30 % `medium`, the rest `low`; people without purchases are `none`.
/// A tier depends on everyone else's spend, so it is not stored per person: the thresholds
/// are read when a rule that tests a tier is evaluated (three index steps per currency over
/// `customer_metrics_spend`), which keeps tiers current without any job.
struct ValueTiers: Sendable, Equatable {
    /// The lowest spend (minor units) of `top`, `high` and `medium`, per currency.
    var thresholds: [String: [Int64]]

    /// No thresholds: every buyer is `low` (used when no rule tests a tier).
    static let none = ValueTiers(thresholds: [:])

    /// The share of buyers at or above each threshold.
    static let shares = [0.2, 0.5, 0.8]

    /// Reads the thresholds of every currency on `db`.
    static func read(on db: any SQLDatabase) async throws -> ValueTiers {
        var thresholds: [String: [Int64]] = [:]
        let counts = try await db.raw(
            "SELECT currency, COUNT(*) AS n FROM customer_metrics WHERE currency IS NOT NULL GROUP BY currency"
        ).all()
        for row in counts {
            let currency = try row.text("currency")
            let buyers = try row.integer("n")
            guard buyers > 0 else { continue }
            var levels: [Int64] = []
            for share in shares {
                let rank = max(0, Int((share * Double(buyers)).rounded(.up)) - 1)
                let spend = try await db.raw(
                    """
                    SELECT spend_minor FROM customer_metrics WHERE currency = \(bind: currency)
                    ORDER BY spend_minor DESC LIMIT 1 OFFSET \(unsafeRaw: String(rank))
                    """
                ).first()?.int64("spend_minor")
                levels.append(spend ?? .max)
            }
            thresholds[currency] = levels
        }
        return ValueTiers(thresholds: thresholds)
    }

    /// A CASE expression giving each person's tier.
    var expression: SegmentSQLTemplate {
        var parts: [SegmentSQLTemplate.Part] = [.sql("(CASE WHEN COALESCE(m.purchases, 0) = 0 THEN 'none'")]
        let names = ["top", "high", "medium"]
        for currency in thresholds.keys.sorted() {
            for (name, level) in zip(names, thresholds[currency]!) {
                parts += [
                    .sql(" WHEN m.currency = "), .bind(.text(currency)), .sql(" AND m.spend_minor >= "),
                    .bind(.integer(level)), .sql(" THEN '\(name)'"),
                ]
            }
        }
        parts.append(.sql(" ELSE 'low' END)"))
        return SegmentSQLTemplate(parts: parts)
    }
}
