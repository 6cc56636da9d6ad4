import Foundation
import RapportCore
import SQLKit

extension CustomerMetrics {
    /// Recomputes every person's row from the stored purchases and interactions, a few
    /// thousand people per transaction. Runs once when migration 005 adds the table to a
    /// store that already holds activity; afterwards every write keeps the rows current.
    /// Returns the number of rows written.
    @discardableResult
    static func rebuild(on database: Database, chunk: Int = 5_000) async throws -> Int {
        var after = ""
        var written = 0
        while true {
            let ids = try await database.sql.raw(
                "SELECT id FROM people WHERE id > \(bind: after) ORDER BY id LIMIT \(unsafeRaw: String(chunk))"
            ).all().map { try $0.text("id") }
            guard let first = ids.first, let last = ids.last else { return written }
            written += try await database.transaction { db in
                try await rebuild(from: first, through: last, on: db)
            }
            after = last
        }
    }

    /// Rewrites the rows of the people with ids from `first` through `last`.
    private static func rebuild(from first: String, through last: String, on db: any SQLDatabase) async throws -> Int {
        let purchases = try await db.raw(
            """
            SELECT person_id, currency, kind, channel, COUNT(*) AS n, CAST(SUM(total_minor) AS BIGINT) AS total,
              CAST(SUM(margin_minor) AS BIGINT) AS margin, MIN(occurred_at) AS first_at, MAX(occurred_at) AS last_at
            FROM purchases WHERE person_id >= \(bind: first) AND person_id <= \(bind: last)
            GROUP BY person_id, currency, kind, channel
            """
        ).all()
        let interactions = try await db.raw(
            """
            SELECT person_id, channel, COUNT(*) AS n, COUNT(duration_seconds) AS timed,
              CAST(SUM(duration_seconds) AS BIGINT) AS seconds
            FROM interactions WHERE person_id >= \(bind: first) AND person_id <= \(bind: last)
            GROUP BY person_id, channel
            """
        ).all()
        let purchasesByPerson = Dictionary(grouping: purchases) { (try? $0.text("person_id")) ?? "" }
        let interactionsByPerson = Dictionary(grouping: interactions) { (try? $0.text("person_id")) ?? "" }
        let now = Timestamp.now()
        var rows: [[QueryValue]] = []
        for id in Set(purchasesByPerson.keys).union(interactionsByPerson.keys).sorted() {
            let tally = try tally(
                id, purchases: purchasesByPerson[id] ?? [], interactions: interactionsByPerson[id] ?? [])
            if let metrics = tally.metrics { rows.append(metrics.values(at: now)) }
        }
        try await db.raw(
            "DELETE FROM customer_metrics WHERE person_id >= \(bind: first) AND person_id <= \(bind: last)"
        ).run()
        try await BulkTable("customer_metrics", columns, rows) { $0 }.insert(on: db)
        return rows.count
    }
}
