import Foundation
import RapportCore
import SQLKit

/// The historic value (R4.1) of a group — a household, an organisation, a segment — per
/// currency: what its members bought and returned, the margin it left, and when.
public struct GroupValue: Sendable, Encodable, Equatable {
    public struct Currency: Sendable, Encodable, Equatable {
        public var currency: String
        /// People with at least one purchase or return in this currency.
        public var buyers: Int
        public var purchases: Int
        public var returns: Int
        /// Σ purchases.
        public var revenue: Money
        /// Σ returns, as a positive amount.
        public var returned: Money
        /// Revenue − returns.
        public var netRevenue: Money
        /// Σ purchase margin − Σ returned margin.
        public var margin: Money
        public var firstPurchase: LocalDate?
        public var lastPurchase: LocalDate?
    }

    public var currencies: [Currency]

    /// Aggregates the purchases that `condition` selects (a condition on `purchases pu`).
    static func read(_ condition: SQLQueryString, on db: any SQLDatabase) async throws -> GroupValue {
        let sql =
            SQLQueryString(
                """
                SELECT pu.currency AS currency, COUNT(DISTINCT pu.person_id) AS buyers,
                  CAST(SUM(CASE WHEN pu.kind = 'purchase' THEN 1 ELSE 0 END) AS BIGINT) AS purchases,
                  CAST(SUM(CASE WHEN pu.kind = 'return' THEN 1 ELSE 0 END) AS BIGINT) AS returns,
                  CAST(SUM(CASE WHEN pu.kind = 'purchase' THEN pu.total_minor ELSE 0 END) AS BIGINT) AS revenue,
                  CAST(SUM(CASE WHEN pu.kind = 'return' THEN pu.total_minor ELSE 0 END) AS BIGINT) AS returned,
                  CAST(SUM(CASE WHEN pu.kind = 'purchase' THEN pu.margin_minor ELSE -pu.margin_minor END) AS BIGINT) AS margin,
                  MIN(CASE WHEN pu.kind = 'purchase' THEN pu.occurred_at END) AS first_at,
                  MAX(CASE WHEN pu.kind = 'purchase' THEN pu.occurred_at END) AS last_at
                FROM purchases pu WHERE
                """) + " " + condition + " GROUP BY pu.currency ORDER BY pu.currency"
        return GroupValue(
            currencies: try await db.raw(sql).all().map { row in
                let currency = try row.text("currency")
                let revenue = try row.int64("revenue")
                let returned = try row.int64("returned")
                return Currency(
                    currency: currency, buyers: try row.integer("buyers"), purchases: try row.integer("purchases"),
                    returns: try row.integer("returns"), revenue: Money(minorUnits: revenue, currency: currency),
                    returned: Money(minorUnits: returned, currency: currency),
                    netRevenue: Money(minorUnits: revenue - returned, currency: currency),
                    margin: Money(minorUnits: try row.int64("margin"), currency: currency),
                    firstPurchase: try row.optionalInstant("first_at").map { LocalDate($0) },
                    lastPurchase: try row.optionalInstant("last_at").map { LocalDate($0) })
            })
    }
}
