import Foundation
import RapportCore
import SQLKit

/// Each buying person's totals per currency — net revenue, margin, purchases, last
/// purchase — for portfolio analyses (Pareto, RFM) that the value engine computes.
public struct CustomerTotals: Sendable {
    public let personID: String
    public let revenueMinor: Int64
    public let marginMinor: Int64
    public let purchases: Int
    public let lastPurchase: Date

    /// All buyers, grouped by currency, in one aggregate query.
    public static func read(from database: Database) async throws -> [String: [CustomerTotals]] {
        let rows = try await database.sql.raw(
            """
            SELECT person_id, currency,
              CAST(SUM(CASE WHEN kind = 'purchase' THEN total_minor ELSE -total_minor END) AS BIGINT) AS revenue,
              CAST(SUM(CASE WHEN kind = 'purchase' THEN margin_minor ELSE -margin_minor END) AS BIGINT) AS margin,
              CAST(SUM(CASE WHEN kind = 'purchase' THEN 1 ELSE 0 END) AS BIGINT) AS purchases, MAX(occurred_at) AS last_at
            FROM purchases WHERE person_id IS NOT NULL GROUP BY person_id, currency
            """
        ).all()
        var result: [String: [CustomerTotals]] = [:]
        for row in rows {
            result[try row.text("currency"), default: []].append(
                CustomerTotals(
                    personID: try row.text("person_id"), revenueMinor: try row.int64("revenue"), marginMinor: try row.int64("margin"),
                    purchases: try row.integer("purchases"), lastPurchase: try row.instant("last_at")))
        }
        return result
    }
}

/// The latest fitted value model of each currency, as stored by a refit.
public struct ValueModelSummary: Sendable {
    public let currency: String
    public let fittedAt: Date
    /// The last day of the history the model was fitted on, `YYYY-MM-DD`.
    public let calibrationEnd: String
    public let customers: Int
    /// The fitted parameters as JSON.
    public let parameters: String
    /// The model's holdout validation as JSON; nil for a model fitted without one.
    public let holdout: String?

    public static func read(from database: Database) async throws -> [ValueModelSummary] {
        try await database.sql.raw(
            "SELECT currency, fitted_at, calibration_end, customers, parameters, holdout FROM value_models ORDER BY currency"
        ).all().map {
            ValueModelSummary(
                currency: try $0.text("currency"), fittedAt: try $0.instant("fitted_at"),
                calibrationEnd: try $0.text("calibration_end"), customers: try $0.integer("customers"),
                parameters: try $0.text("parameters"), holdout: try $0.decode(column: "holdout", as: String?.self))
        }
    }
}
