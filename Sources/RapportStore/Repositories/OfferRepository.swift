import Foundation
import RapportCore
import SQLKit

/// Offers and next-best actions (R3.4): define, change and delete them, each in one
/// transaction with its audit entry. Definitions hold no personal data, so listing them
/// is not audited; which offers fit one person is (`OfferRepository+Person.swift`).
///
/// An offer may only target an existing contact segment: a reporting segment may use
/// analytics-only data and must never select or personalise a contact (R2.8).
public struct OfferRepository: Sendable {
    let database: Database
    let audit: AuditTrail
    let ids: IDGenerator
    /// Tells which of the targeted segments hold a person.
    let segments: SegmentRepository

    /// Creates an offer; refuses a taken key, an unknown segment and a reporting segment.
    public func create(_ fields: OfferDraft.Validated, by actor: Actor) async throws -> Offer {
        try await database.transaction { db in
            if try await Self.row(fields.key, on: db) != nil {
                throw DomainError.conflict(
                    field: "key", message: "An offer with key '\(fields.key)' already exists; choose another key.")
            }
            try await Self.requireTargetable(fields.segmentKey, on: db)
            let offer = Offer(
                id: ids.make(), key: fields.key, name: fields.name, description: fields.description, kind: fields.kind,
                segmentKey: fields.segmentKey, channel: fields.channel, value: fields.value, priority: fields.priority,
                validFrom: fields.validFrom, validTo: fields.validTo, isActive: fields.isActive,
                createdBy: actor.name, createdAt: Date())
            try await Self.insert(offer, on: db)
            try await audit.record(
                .create, entityType: "offer", entityID: offer.id.rawValue,
                detail: "key \(offer.key), segment \(offer.segmentKey)", by: actor, on: db)
            // Read back, so the caller holds exactly what `find` returns (instants kept to the millisecond).
            return try await Self.existing(offer.key, on: db)
        }
    }

    /// Changes any field but the key; a new target segment is checked as on creation.
    public func update(_ key: String, with patch: OfferPatch, by actor: Actor) async throws -> Offer {
        try await database.transaction { db in
            let current = try await Self.existing(key, on: db)
            var updated = try patch.applied(to: current)
            if updated.segmentKey != current.segmentKey { try await Self.requireTargetable(updated.segmentKey, on: db) }
            updated.updatedBy = actor.name
            updated.updatedAt = Date()
            try await Self.save(updated, on: db)
            try await audit.record(
                .update, entityType: "offer", entityID: current.id.rawValue,
                detail: "key \(key), fields: " + patch.fields.joined(separator: ", "), by: actor, on: db)
            return try await Self.existing(key, on: db)
        }
    }

    /// Deletes an offer.
    public func delete(_ key: String, by actor: Actor) async throws {
        try await database.transaction { db in
            let offer = try await Self.existing(key, on: db)
            try await db.raw("DELETE FROM offers WHERE id = \(bind: offer.id.rawValue)").run()
            try await audit.record(
                .delete, entityType: "offer", entityID: offer.id.rawValue, detail: "key \(key)", by: actor, on: db)
        }
    }

    /// Every offer, in the order they are shown: priority, then key.
    public func list() async throws -> [Offer] {
        try await database.sql.raw("SELECT * FROM offers ORDER BY priority, key").all().map(Self.offer(from:))
    }

    /// One offer by key.
    public func find(_ key: String) async throws -> Offer {
        try await Self.existing(key, on: database.sql)
    }

    /// Throws unless `key` names a contact segment.
    static func requireTargetable(_ key: String, on db: any SQLDatabase) async throws {
        let row = try await db.raw("SELECT purpose FROM segments WHERE key = \(bind: key)").first()
        guard let row else {
            throw DomainError.invalid([
                FieldIssue(field: "segment", code: "unknown_value", message: "segment '\(key)' does not exist.")
            ])
        }
        if try row.enumValue("purpose", as: Segment.Purpose.self) == .reporting {
            throw DomainError.invalid([
                FieldIssue(
                    field: "segment", code: "purpose_limitation",
                    message:
                        "Segment '\(key)' is for reporting: reporting segments may not select or personalise a contact."
                )
            ])
        }
    }

    /// Throws a conflict on `field` while an offer targets the segment `key`: deleting the
    /// segment, or making it a reporting one, would leave that offer pointing at nothing
    /// it may use.
    static func requireUntargeted(_ key: String, field: String, on db: any SQLDatabase) async throws {
        let row = try await db.raw("SELECT key FROM offers WHERE segment_key = \(bind: key) ORDER BY key LIMIT 1")
            .first()
        if let offer = try row?.text("key") {
            throw DomainError.conflict(
                field: field,
                message: "Offer '\(offer)' targets segment '\(key)'; change or delete the offer first.")
        }
    }

    static func existing(_ key: String, on db: any SQLDatabase) async throws -> Offer {
        guard let row = try await row(key, on: db) else { throw DomainError.notFound(entity: "offer", id: key) }
        return try offer(from: row)
    }

    private static func row(_ key: String, on db: any SQLDatabase) async throws -> (any SQLRow)? {
        try await db.raw("SELECT * FROM offers WHERE key = \(bind: key)").first()
    }
}
