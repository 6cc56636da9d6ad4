import Foundation
import RapportCore
import RapportSegments
import SQLKit

/// Data marts (R1.10): define, change and delete named extracts, each in one transaction
/// with its audit entry, and count who a mart holds now. Exporting is in
/// `DataMartRepository+Export.swift`.
///
/// The filter is the segment rule language, read by `SegmentRuleRejection.parse` and
/// checked by the store's segment catalogue exactly as a segment's rule is (so the errors,
/// with line and column, are the segment builder's), for the reporting purpose: a mart
/// extracts data and contacts no one, so it may test analytics-only fields. Whatever the
/// rule, the people ``ContactGateSQL`` stops (suppressed, merged) are never in a mart.
public struct DataMartRepository: Sendable {
    let database: Database
    let audit: AuditTrail
    let ids: IDGenerator

    /// The rule language's purpose for mart filters.
    static let purpose = Segment.Purpose.reporting

    /// Creates a mart; its key must be free and its rule must check.
    public func create(_ fields: DataMartDraft.Validated, by actor: Actor, now: Date = Date()) async throws -> DataMart {
        try await database.transaction { db in
            let catalogue = try await SegmentCatalogue.load(on: db)
            _ = try Self.check(fields.rules, in: catalogue)
            if try await db.raw("SELECT id FROM data_marts WHERE key = \(bind: fields.key)").first() != nil {
                throw DomainError.conflict(
                    field: "key", message: "A data mart with key '\(fields.key)' already exists; choose another key.")
            }
            let mart = DataMart(
                id: ids.make(), key: fields.key, name: fields.name, description: fields.description, rules: fields.rules,
                includes: fields.includes, createdBy: actor.name, createdAt: now)
            try await db.raw(
                """
                INSERT INTO data_marts (id, key, name, description, rules, includes, created_by, created_at, updated_by,
                  updated_at)
                VALUES (\(bind: mart.id.rawValue), \(bind: mart.key), \(bind: mart.name), \(bind: mart.description),
                  \(bind: mart.rules), \(bind: Self.encode(mart.includes)), \(bind: actor.name), \(bind: Timestamp.format(now)),
                  \(bind: actor.name), \(bind: Timestamp.format(now)))
                """
            ).run()
            try await audit.record(
                .create, entityType: "data_mart", entityID: mart.id.rawValue, detail: "key \(mart.key)", by: actor, on: db)
            return mart
        }
    }

    /// Replaces a mart's name, description, rule and includes; the key stays.
    public func update(_ key: String, with fields: DataMartDraft.Validated, by actor: Actor, now: Date = Date())
        async throws -> DataMart
    {
        try await database.transaction { db in
            var mart = try await Self.find(key, on: db)
            _ = try Self.check(fields.rules, in: try await SegmentCatalogue.load(on: db))
            mart.name = fields.name
            mart.description = fields.description
            mart.rules = fields.rules
            mart.includes = fields.includes
            mart.updatedBy = actor.name
            mart.updatedAt = now
            try await db.raw(
                """
                UPDATE data_marts SET name = \(bind: mart.name), description = \(bind: mart.description),
                  rules = \(bind: mart.rules), includes = \(bind: Self.encode(mart.includes)), updated_by = \(bind: actor.name),
                  updated_at = \(bind: Timestamp.format(now))
                WHERE id = \(bind: mart.id.rawValue)
                """
            ).run()
            try await audit.record(
                .update, entityType: "data_mart", entityID: mart.id.rawValue, detail: "key \(key)", by: actor, on: db)
            return mart
        }
    }

    /// Deletes a mart (its definition only: it holds no data).
    public func delete(_ key: String, by actor: Actor) async throws {
        try await database.transaction { db in
            let mart = try await Self.find(key, on: db)
            try await db.raw("DELETE FROM data_marts WHERE id = \(bind: mart.id.rawValue)").run()
            try await audit.record(
                .delete, entityType: "data_mart", entityID: mart.id.rawValue, detail: "key \(key)", by: actor, on: db)
        }
    }

    /// Every mart, by key. Definitions hold no personal data: not audited.
    public func list() async throws -> [DataMart] {
        try await database.sql.raw("SELECT * FROM data_marts ORDER BY key").all().map(Self.mart(from:))
    }

    /// One mart by key.
    public func find(_ key: String) async throws -> DataMart {
        try await Self.find(key, on: database.sql)
    }

    /// How many people a rule would extract now (the form's live count), among those
    /// `actor` may see. Records the read of the aggregate.
    public func count(rules: String, by actor: Actor, today: LocalDate = LocalDate(Date())) async throws -> Int {
        let query = try await selection(rules, today: today)
        let n = try await database.sql.raw(query.count(for: actor)).first()?.integer("n") ?? 0
        try await audit.read(entityType: "person", entityID: "*", detail: "data mart count: \(n) people", by: actor)
        return n
    }

    /// Who a rule selects on `today`, narrowed by the contact gate.
    func selection(_ rules: String, today: LocalDate) async throws -> SegmentQuery {
        let catalogue = try await SegmentCatalogue.load(from: database)
        let checked = try Self.check(rules, in: catalogue)
        let tiers = try await SegmentQuery.tiers(for: [checked], on: database.sql)
        let query = try SegmentQuery.rule(checked, catalogue: catalogue, today: today, tiers: tiers, kind: database.kind)
        return query.contactable(on: today)
    }

    /// Parses and checks a mart's rule; every problem is reported on the `rules` field.
    static func check(_ rules: String, in catalogue: SegmentCatalogue) throws -> CheckedSegmentRule {
        let rule = try SegmentRuleRejection.parse(rules, field: "rules")
        do {
            return try catalogue.check(rule, for: purpose, definingKey: nil)
        } catch var rejection as SegmentRuleRejection {
            rejection.field = "rules"
            throw rejection
        }
    }

    static func find(_ key: String, on db: any SQLDatabase) async throws -> DataMart {
        guard let row = try await db.raw("SELECT * FROM data_marts WHERE key = \(bind: key)").first() else {
            throw DomainError.notFound(entity: "data mart", id: key)
        }
        return try mart(from: row)
    }

    static func encode(_ parts: [DataMartPart]) -> String { parts.map(\.rawValue).joined(separator: ",") }

    static func mart(from row: any SQLRow) throws -> DataMart {
        let includes = try row.text("includes").split(separator: ",").compactMap { DataMartPart(rawValue: String($0)) }
        return DataMart(
            id: try row.id("id"), key: try row.text("key"), name: try row.text("name"),
            description: try row.optionalText("description"), rules: try row.text("rules"), includes: includes,
            createdBy: try row.text("created_by"), createdAt: try row.instant("created_at"),
            updatedBy: try row.text("updated_by"), updatedAt: try row.instant("updated_at"))
    }
}
