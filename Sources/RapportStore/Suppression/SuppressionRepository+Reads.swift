import Foundation
import RapportCore
import SQLKit

/// Reading suppressions: one person's (current and lifted, for the 360) and the whole list
/// (the admin page and `GET /api/v1/suppressions`). Both are reads of personal data and
/// are audited; partner agents see only their own people's.
extension SuppressionRepository {
    /// Every suppression of one person, newest first. Records the read.
    public func forPerson(_ personID: PersonID, by actor: Actor) async throws -> [Suppression] {
        try await Visibility.requirePerson(personID, visibleTo: actor, on: database.sql)
        let result = try await Self.of(personID, on: database.sql)
        try await audit.read(entityType: "person", entityID: personID.rawValue, detail: "suppressions", by: actor)
        return result
    }

    /// One person's suppressions, newest first, with no check and no audit (callers do both).
    static func of(_ personID: PersonID, on db: any SQLDatabase) async throws -> [Suppression] {
        try await db.raw(
            "SELECT * FROM suppressions WHERE person_id = \(bind: personID.rawValue) ORDER BY id DESC"
        ).all().map(suppression(from:))
    }

    /// ``of(_:on:)`` outside a transaction, on the 360's path: the direct reader on SQLite,
    /// like the view's other parts.
    static func of(_ personID: PersonID, in database: Database) async throws -> [Suppression] {
        try await database.read("SELECT * FROM suppressions WHERE person_id = ? ORDER BY id DESC", [.text(personID.rawValue)])
            .map(suppression(from:))
    }

    /// A page of suppressions, newest first, optionally of one reason and only current ones.
    public func list(
        reason: SuppressionReason? = nil, currentOnly: Bool = false, cursor: Cursor? = nil, limit: Int = 50,
        by actor: Actor, today: LocalDate = LocalDate(Date())
    ) async throws -> Page<Suppression> {
        var sql = SQLQueryString("SELECT * FROM suppressions WHERE 1 = 1")
        try await Visibility.restrict(&sql, toPerson: nil, actor: actor, on: database.sql)
        if let reason { sql += " AND reason = \(bind: reason.rawValue)" }
        if currentOnly {
            sql += " AND lifted_at IS NULL AND (until_day IS NULL OR until_day > \(bind: today.description))"
        }
        if let cursor { sql += " AND id < \(bind: cursor.id)" }
        sql += " ORDER BY id DESC LIMIT \(unsafeRaw: String(limit + 1))"
        let rows = try await database.sql.raw(sql).all()
        let items = try rows.prefix(limit).map(Self.suppression(from:))
        let next = rows.count > limit ? items.last.map { Cursor(sortValue: "", id: $0.id.rawValue).encoded } : nil
        try await audit.read(
            entityType: "person", entityID: "*", detail: "suppressions list: \(items.count)", by: actor)
        return Page(items: items, nextCursor: next)
    }
}
