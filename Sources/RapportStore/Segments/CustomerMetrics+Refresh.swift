import Foundation
import RapportCore
import SQLKit

/// The three ways a person's ``CustomerMetrics`` row is rewritten, all inside the write's
/// own transaction: from the stored activity (one write through the repositories), the
/// same on a direct SQLite connection (bulk loads of activity for people already stored),
/// and from the records of a bulk batch (people new in the batch, no reads at all).
extension CustomerMetrics {
    /// A person's purchases grouped as ``Tally`` takes them.
    static let purchaseFacts = """
        SELECT currency, kind, channel, COUNT(*) AS n, CAST(SUM(total_minor) AS BIGINT) AS total,
          CAST(SUM(margin_minor) AS BIGINT) AS margin, MIN(occurred_at) AS first_at, MAX(occurred_at) AS last_at
        FROM purchases WHERE person_id = ? GROUP BY currency, kind, channel
        """

    /// A person's interactions grouped by channel, with the recorded durations.
    static let interactionFacts = """
        SELECT channel, COUNT(*) AS n, COUNT(duration_seconds) AS timed, CAST(SUM(duration_seconds) AS BIGINT) AS seconds
        FROM interactions WHERE person_id = ? GROUP BY channel
        """

    /// Recomputes these people's rows from what is stored, on `db` (the caller's transaction).
    static func refresh(_ personIDs: [PersonID], on db: any SQLDatabase) async throws {
        let now = Timestamp.now()
        for id in Set(personIDs.map(\.rawValue)).sorted() {
            let purchases = try await db.raw(Database.queryString(purchaseFacts, [.text(id)])).all()
            let interactions = try await db.raw(Database.queryString(interactionFacts, [.text(id)])).all()
            try await db.raw("DELETE FROM customer_metrics WHERE person_id = \(bind: id)").run()
            guard let metrics = try tally(id, purchases: purchases, interactions: interactions).metrics else {
                continue
            }
            try await db.insert(into: "customer_metrics").columns(columns).values(metrics.values(at: now)).run()
        }
    }

    /// ``refresh(_:on:)`` on a direct SQLite connection inside its transaction.
    static func refresh(_ personIDs: [String], on connection: DirectConnection) throws {
        let now = Timestamp.now()
        let insert =
            "INSERT INTO customer_metrics (\(columns.joined(separator: ", "))) VALUES ("
            + Array(repeating: "?", count: columns.count).joined(separator: ", ") + ")"
        for id in Set(personIDs).sorted() {
            let purchases = try connection.query(purchaseFacts, [.text(id)])
            let interactions = try connection.query(interactionFacts, [.text(id)])
            try connection.run("DELETE FROM customer_metrics WHERE person_id = ?", [.text(id)])
            guard let metrics = try tally(id, purchases: purchases, interactions: interactions).metrics else {
                continue
            }
            try connection.run(insert, metrics.values(at: now))
        }
    }

    /// Folds the grouped rows of ``purchaseFacts`` and ``interactionFacts``.
    static func tally(_ personID: String, purchases: [any SQLRow], interactions: [any SQLRow]) throws -> Tally {
        var tally = Tally(personID: personID)
        for row in purchases {
            tally.addPurchases(
                kind: try row.enumValue("kind", as: PurchaseKind.self), currency: try row.text("currency"),
                channel: try row.optionalText("channel"), count: try row.integer("n"), total: try row.int64("total"),
                margin: try row.int64("margin"), firstDay: String(try row.text("first_at").prefix(10)),
                lastDay: String(try row.text("last_at").prefix(10)))
        }
        for row in interactions {
            tally.addInteractions(
                channel: try row.text("channel"), count: try row.integer("n"), timed: try row.integer("timed"),
                seconds: try row.decode(column: "seconds", as: Int64?.self) ?? 0)
        }
        return tally
    }

    /// The rows of a bulk batch's people, added up from the batch's own records, and the
    /// other people whose activity the batch brings (their rows are refreshed from the store).
    static func split(_ batch: RecordBatch) -> (fresh: [CustomerMetrics], stored: [String]) {
        let newPeople = Set(batch.people.map(\.id.rawValue))
        var tallies: [String: Tally] = [:]
        var stored: Set<String> = []
        for purchase in batch.purchases {
            guard let id = purchase.personID?.rawValue else { continue }
            guard newPeople.contains(id) else {
                stored.insert(id)
                continue
            }
            let day = String(Timestamp.format(purchase.occurredAt).prefix(10))
            tallies[id, default: Tally(personID: id)].addPurchases(
                kind: purchase.kind, currency: purchase.total.currency, channel: purchase.channel?.rawValue, count: 1,
                total: purchase.total.minorUnits, margin: purchase.margin.minorUnits, firstDay: day, lastDay: day)
        }
        for interaction in batch.interactions {
            let id = interaction.personID.rawValue
            guard newPeople.contains(id) else {
                stored.insert(id)
                continue
            }
            tallies[id, default: Tally(personID: id)].addInteractions(
                channel: interaction.channel.rawValue, count: 1, timed: interaction.durationSeconds == nil ? 0 : 1,
                seconds: Int64(interaction.durationSeconds ?? 0))
        }
        return (tallies.keys.sorted().compactMap { tallies[$0]?.metrics }, stored.sorted())
    }
}
