import Foundation
import RapportCore
import SQLKit

/// Writes and reads the audit trail (R10.3). Changes are recorded inside the same
/// transaction as the change itself, so there is never a change without its entry;
/// reads are recorded as they are served, written in small batches.
public struct AuditTrail: Sendable {
    let database: Database
    let ids: IDGenerator
    let buffer: AuditBuffer

    init(database: Database, ids: IDGenerator) {
        self.database = database
        self.ids = ids
        self.buffer = AuditBuffer(database: database)
    }

    /// The audit table's columns, in the order of ``values(_:)``.
    static let columns = ["id", "at", "actor_user_id", "actor_name", "action", "entity_type", "entity_id", "detail"]

    /// One entry as a row of ``columns``.
    static func values(_ entry: AuditEntry) -> [QueryValue] {
        [.text(entry.id.rawValue), .text(Timestamp.format(entry.at)), .text(entry.actorUserID?.rawValue), .text(entry.actorName),
         .text(entry.action.rawValue), .text(entry.entityType), .text(entry.entityID), .text(entry.detail)]
    }

    /// Records that `actor` did `action` to one entity, on `db` (a transaction or the pool).
    public func record(
        _ action: AuditAction, entityType: String, entityID: String, detail: String? = nil, by actor: Actor,
        on db: any SQLDatabase
    ) async throws {
        let id: AuditEntryID = ids.make()
        try await db.run(
            "INSERT INTO audit_log (id, at, actor_user_id, actor_name, action, entity_type, entity_id, detail) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
            [.text(id.rawValue), .text(Timestamp.now()), .text(actor.userID?.rawValue), .text(actor.name),
             .text(action.rawValue), .text(entityType), .text(entityID), .text(detail)])
    }

    /// Records a read of personal data (buffered: see ``AuditBuffer``).
    public func read(entityType: String, entityID: String, detail: String? = nil, by actor: Actor) async throws {
        buffer.append(
            AuditEntry(
                id: ids.make(), at: Date(), actorUserID: actor.userID, actorName: actor.name, action: .read,
                entityType: entityType, entityID: entityID, detail: detail))
    }

    /// Records that `actor` exported each of these people's data (buffered like reads: an
    /// export of thousands of people writes its entries in batches, not one by one).
    public func exported(_ people: [PersonID], detail: String, by actor: Actor) {
        let now = Date()
        for person in people {
            buffer.append(
                AuditEntry(
                    id: ids.make(), at: now, actorUserID: actor.userID, actorName: actor.name, action: .export,
                    entityType: "person", entityID: person.rawValue, detail: detail))
        }
    }

    /// Writes buffered read entries now.
    public func flush() async throws {
        try await buffer.flush()
    }

    /// Newest entries first, optionally for one entity or one actor.
    public func list(entityID: String? = nil, actorName: String? = nil, before: String? = nil, limit: Int = 100) async throws
        -> [AuditEntry]
    {
        try await flush()
        var query = SQLQueryString("SELECT * FROM audit_log WHERE 1 = 1")
        if let entityID { query.appendInterpolation(unsafeRaw: " AND entity_id = "); query.appendInterpolation(bind: entityID) }
        if let actorName { query.appendInterpolation(unsafeRaw: " AND actor_name = "); query.appendInterpolation(bind: actorName) }
        if let before { query.appendInterpolation(unsafeRaw: " AND id < "); query.appendInterpolation(bind: before) }
        query.appendInterpolation(unsafeRaw: " ORDER BY id DESC LIMIT \(max(1, min(limit, 500)))")
        return try await database.sql.raw(query).all().map { row in
            AuditEntry(
                id: try row.id("id"), at: try row.instant("at"), actorUserID: try row.optionalID("actor_user_id"),
                actorName: try row.text("actor_name"), action: try row.enumValue("action", as: AuditAction.self),
                entityType: try row.text("entity_type"), entityID: try row.text("entity_id"), detail: try row.optionalText("detail"))
        }
    }
}
