import Foundation
import RapportCore
import SQLKit

/// Registered touchpoints (R1.1). Registrations and changes are audited; the name is
/// unique, and a taken name is reported as a conflict on `name`.
public struct SourceRepository: Sendable {
    let database: Database
    let audit: AuditTrail

    /// Stores a source without an audit entry (bulk loads and the demo use ``BulkLoader``).
    public func insert(_ source: Touchpoint) async throws {
        try await Self.insert(source, on: database.sql)
    }

    /// Registers a touchpoint on behalf of `actor`.
    public func register(_ source: Touchpoint, by actor: Actor) async throws {
        try await database.transaction { db in
            try await Self.requireFreeName(source.name, except: nil, on: db)
            try await Self.insert(source, on: db)
            try await audit.record(.create, entityType: "touchpoint", entityID: source.id.rawValue, detail: source.name, by: actor, on: db)
        }
    }

    static func insert(_ s: Touchpoint, on db: any SQLDatabase) async throws {
        try await db.raw(
            """
            INSERT INTO sources (id, name, kind, trust_rank, allowed_attributes, created_at)
            VALUES (\(bind: s.id.rawValue), \(bind: s.name), \(bind: s.kind.rawValue), \(bind: s.trustRank),
              \(bind: s.allowedAttributes.joined(separator: ",")), \(bind: Timestamp.format(s.createdAt)))
            """
        ).run()
    }

    /// Applies `patch` in one transaction; the audit entry lists the fields touched.
    public func update(_ id: SourceID, with patch: TouchpointPatch, customAttributes: Set<String>, by actor: Actor) async throws
        -> Touchpoint
    {
        try await database.transaction { db in
            let current = try await Self.find(id, on: db)
            let s = try patch.applied(to: current, customAttributes: customAttributes)
            try await Self.requireFreeName(s.name, except: id, on: db)
            try await db.raw(
                """
                UPDATE sources SET name = \(bind: s.name), kind = \(bind: s.kind.rawValue), trust_rank = \(bind: s.trustRank),
                  allowed_attributes = \(bind: s.allowedAttributes.joined(separator: ",")), updated_at = \(bind: Timestamp.now())
                WHERE id = \(bind: id.rawValue)
                """
            ).run()
            try await audit.record(
                .update, entityType: "touchpoint", entityID: id.rawValue,
                detail: "fields: " + patch.touchedFields.joined(separator: ", "), by: actor, on: db)
            return s
        }
    }

    public func find(_ id: SourceID) async throws -> Touchpoint {
        try await Self.find(id, on: database.sql)
    }

    static func find(_ id: SourceID, on db: any SQLDatabase) async throws -> Touchpoint {
        guard let row = try await db.raw("SELECT * FROM sources WHERE id = \(bind: id.rawValue)").first() else {
            throw DomainError.notFound(entity: "touchpoint", id: id.rawValue)
        }
        return try touchpoint(from: row)
    }

    public func list() async throws -> [Touchpoint] {
        try await database.sql.raw("SELECT * FROM sources ORDER BY trust_rank, name").all().map(Self.touchpoint(from:))
    }

    private static func requireFreeName(_ name: String, except id: SourceID?, on db: any SQLDatabase) async throws {
        let row = try await db.raw("SELECT id FROM sources WHERE name = \(bind: name)").first()
        if let row, try row.text("id") != id?.rawValue {
            throw DomainError.conflict(field: "name", message: "A touchpoint named '\(name)' is already registered.")
        }
    }

    static func touchpoint(from row: any SQLRow) throws -> Touchpoint {
        Touchpoint(
            id: try row.id("id"), name: try row.text("name"), kind: try row.enumValue("kind", as: TouchpointKind.self),
            trustRank: try row.integer("trust_rank"),
            allowedAttributes: try row.text("allowed_attributes").split(separator: ",").map(String.init),
            createdAt: try row.instant("created_at"))
    }
}
