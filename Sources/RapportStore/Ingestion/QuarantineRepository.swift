import Foundation
import RapportCore
import SQLKit

/// The quarantine (R1.4): records that could not be used as sent, with the reasons, until
/// they are corrected and replayed or discarded. Items hold personal data: reads are
/// audited, and every replay or discard is audited in its own transaction.
public struct QuarantineRepository: Sendable {
    let database: Database
    let audit: AuditTrail
    let ingestion: IngestionRepository

    static func insert(
        id: QuarantineID, rawID: RawRecordID, source: SourceID, reasons: [FieldIssue], now: Date, on db: any SQLDatabase
    ) async throws {
        let json = String(decoding: try encoder.encode(reasons), as: UTF8.self)
        try await db.raw(
            """
            INSERT INTO quarantine (id, raw_record_id, source_id, reasons, status, created_at)
            VALUES (\(bind: id.rawValue), \(bind: rawID.rawValue), \(bind: source.rawValue), \(bind: json), 'open',
              \(bind: Timestamp.format(now)))
            """
        ).run()
    }

    /// Newest first, optionally for one touchpoint or status, after `cursor`.
    public func list(source: SourceID?, status: QuarantineStatus?, cursor: Cursor?, limit: Int, by actor: Actor) async throws
        -> Page<QuarantineItem>
    {
        var query = SQLQueryString(Self.select + " WHERE 1 = 1")
        if let source { query.appendInterpolation(unsafeRaw: " AND q.source_id = "); query.appendInterpolation(bind: source.rawValue) }
        if let status { query.appendInterpolation(unsafeRaw: " AND q.status = "); query.appendInterpolation(bind: status.rawValue) }
        if let cursor { query.appendInterpolation(unsafeRaw: " AND q.id < "); query.appendInterpolation(bind: cursor.id) }
        query.appendInterpolation(unsafeRaw: " ORDER BY q.id DESC LIMIT \(limit + 1)")
        let rows = try await database.sql.raw(query).all()
        let items = try rows.prefix(limit).map(Self.item(from:))
        let next = rows.count > limit ? items.last.map { Cursor(sortValue: $0.id.rawValue, id: $0.id.rawValue).encoded } : nil
        try await audit.read(entityType: "quarantine", entityID: "*", detail: "list: \(items.count) items", by: actor)
        return Page(items: items, nextCursor: next)
    }

    public func find(_ id: QuarantineID, by actor: Actor) async throws -> QuarantineItem {
        let item = try await Self.find(id, on: database.sql)
        try await audit.read(entityType: "quarantine", entityID: id.rawValue, by: actor)
        return item
    }

    /// Ingests a corrected payload in place of the quarantined one. The original raw
    /// record is kept; the corrected one is a new raw record whose lineage points to it.
    /// If the correction is still unusable it gets a quarantine item of its own, and this
    /// one is closed as replayed either way.
    public func replay(_ id: QuarantineID, with request: IngestionRequest, by actor: Actor) async throws
        -> (item: QuarantineItem, result: IngestionResult)
    {
        try await database.transaction { db in
            let item = try await Self.openItem(id, on: db, kind: database.kind)
            let touchpoint = try await SourceRepository.find(item.sourceID, on: db)
            var corrected = request
            corrected.lineage = "replay of \(item.rawRecordID) (quarantine \(id))"
            let result = try await ingestion.ingestPlaced(corrected, from: touchpoint, parent: item.rawRecordID, by: actor, on: db)
            try await db.raw(
                """
                UPDATE quarantine SET status = 'replayed', resolved_at = \(bind: Timestamp.now()), resolved_by = \(bind: actor.name),
                  replay_raw_record_id = \(bind: result.rawRecordID.rawValue) WHERE id = \(bind: id.rawValue)
                """
            ).run()
            try await audit.record(
                .update, entityType: "quarantine", entityID: id.rawValue,
                detail: "replayed as \(result.rawRecordID): \(result.outcome.rawValue)", by: actor, on: db)
            return (try await Self.find(id, on: db), result)
        }
    }

    /// Closes an item without using it; the raw record stays. `reason` is required.
    public func discard(_ id: QuarantineID, reason: String?, by actor: Actor) async throws -> QuarantineItem {
        var check = IssueCollector()
        let reason = check.text(reason, field: "reason", required: true, maxLength: 500)
        try check.check()
        return try await database.transaction { db in
            _ = try await Self.openItem(id, on: db, kind: database.kind)
            try await db.raw(
                """
                UPDATE quarantine SET status = 'discarded', resolved_at = \(bind: Timestamp.now()), resolved_by = \(bind: actor.name),
                  note = \(bind: reason) WHERE id = \(bind: id.rawValue)
                """
            ).run()
            try await audit.record(.update, entityType: "quarantine", entityID: id.rawValue, detail: "discarded: \(reason!)", by: actor, on: db)
            return try await Self.find(id, on: db)
        }
    }

    /// The item, locked for the rest of the transaction on PostgreSQL (SQLite's
    /// `BEGIN IMMEDIATE` already serialises writers); a closed item is a conflict.
    private static func openItem(_ id: QuarantineID, on db: any SQLDatabase, kind: Database.Kind) async throws -> QuarantineItem {
        if kind == .postgres {
            _ = try await db.raw("SELECT id FROM quarantine WHERE id = \(bind: id.rawValue) FOR UPDATE").first()
        }
        let item = try await find(id, on: db)
        guard item.status == .open else {
            throw DomainError.conflict(field: "status", message: "Quarantine item \(id) is already \(item.status.rawValue).")
        }
        return item
    }

    static func find(_ id: QuarantineID, on db: any SQLDatabase) async throws -> QuarantineItem {
        guard let row = try await db.raw(SQLQueryString(select + " WHERE q.id = ") + "\(bind: id.rawValue)").first() else {
            throw DomainError.notFound(entity: "quarantine item", id: id.rawValue)
        }
        return try item(from: row)
    }

    private static let select = "SELECT q.*, r.payload FROM quarantine q JOIN raw_records r ON r.id = q.raw_record_id"
    private static let encoder: JSONEncoder = {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        return encoder
    }()

    static func item(from row: any SQLRow) throws -> QuarantineItem {
        QuarantineItem(
            id: try row.id("id"), rawRecordID: try row.id("raw_record_id"), sourceID: try row.id("source_id"),
            payload: try row.text("payload"),
            reasons: try JSONDecoder().decode([FieldIssue].self, from: Data(try row.text("reasons").utf8)),
            status: try row.enumValue("status", as: QuarantineStatus.self), createdAt: try row.instant("created_at"),
            resolvedAt: try row.optionalInstant("resolved_at"), resolvedBy: try row.optionalText("resolved_by"),
            note: try row.optionalText("note"), replayRawRecordID: try row.optionalID("replay_raw_record_id"))
    }
}
