import Foundation
import RapportCore
import SQLKit

/// The purchase history the value models are fitted on, and the predictions they give,
/// replaced whole at every refit (one transaction per currency).
public struct ValueScoreRepository: Sendable {
    let database: Database
    let ids: IDGenerator

    /// One purchase day of one person: returns carry a negative amount.
    public struct Purchase: Sendable {
        public let personID: String
        public let day: LocalDate
        public let amountMinor: Int64
    }

    /// Every person's purchases and returns, grouped by currency, oldest first.
    public func history() async throws -> [String: [Purchase]] {
        var result: [String: [Purchase]] = [:]
        let rows = try await database.sql.raw(
            "SELECT person_id, occurred_at, currency, kind, total_minor FROM purchases WHERE person_id IS NOT NULL ORDER BY occurred_at"
        ).all()
        for row in rows {
            let sign: Int64 = try row.enumValue("kind", as: PurchaseKind.self) == .return ? -1 : 1
            result[try row.text("currency"), default: []].append(
                Purchase(
                    personID: try row.text("person_id"), day: LocalDate(try row.instant("occurred_at")),
                    amountMinor: sign * (try row.int64("total_minor"))))
        }
        return result
    }

    /// Replaces the predictions of one currency with a new model's; `holdout` is the model's
    /// holdout validation as JSON, when one was made.
    public func replace(
        currency: String, calibrationEnd: LocalDate, parameters: String, holdout: String? = nil, scores: [PredictedValue]
    ) async throws {
        let modelID = ids.make(AttributeDefinition.self).rawValue.replacingOccurrences(of: "attr_", with: "vm_")
        try await database.transaction { db in
            try await db.raw("DELETE FROM value_models WHERE currency = \(bind: currency)").run()
            try await db.raw(
                """
                INSERT INTO value_models (id, currency, fitted_at, calibration_end, customers, parameters, holdout)
                VALUES (\(bind: modelID), \(bind: currency), \(bind: Timestamp.now()), \(bind: calibrationEnd.description),
                  \(bind: scores.count), \(bind: parameters), \(bind: holdout))
                """
            ).run()
            for start in stride(from: 0, to: scores.count, by: 2000) {
                let builder = db.insert(into: "value_scores").columns(
                    "person_id", "currency", "model_id", "frequency", "p_alive", "expected_purchases", "horizon_weeks",
                    "expected_spend_minor", "clv_minor", "months")
                for s in scores[start..<min(start + 2000, scores.count)] {
                    builder.values([
                        s.personID.rawValue, currency, modelID, s.frequency, s.probabilityAlive, s.expectedPurchases, s.horizonWeeks,
                        s.expectedSpend?.minorUnits, s.lifetimeValue?.minorUnits, s.months,
                    ] as [any Encodable & Sendable])
                }
                try await builder.run()
            }
        }
    }

    /// A person's predictions, one per currency they bought in.
    public func predictions(for id: PersonID) async throws -> [PredictedValue] {
        try await database.read(
            """
            SELECT s.*, m.fitted_at FROM value_scores s JOIN value_models m ON m.id = s.model_id
            WHERE s.person_id = ? ORDER BY s.currency
            """, [.text(id.rawValue)]
        ).map { row in
            let currency = try row.text("currency")
            return PredictedValue(
                personID: id, currency: currency, frequency: try row.integer("frequency"),
                probabilityAlive: try row.decode(column: "p_alive", as: Double.self),
                expectedPurchases: try row.decode(column: "expected_purchases", as: Double.self),
                horizonWeeks: try row.decode(column: "horizon_weeks", as: Double.self),
                expectedSpend: try row.decode(column: "expected_spend_minor", as: Int64?.self).map { Money(minorUnits: $0, currency: currency) },
                lifetimeValue: try row.decode(column: "clv_minor", as: Int64?.self).map { Money(minorUnits: $0, currency: currency) },
                months: try row.integer("months"),
                fittedAt: try row.instant("fitted_at"))
        }
    }
}
