import Foundation
import RapportCore
import SQLKit

/// Elimination (R1.10): suppress a person or one of their contact points, and lift a
/// suppression again. Each change is one transaction with its audit entry (a change of the
/// person's data) and a `person.updated` event; the 360's view stamp moves through the
/// triggers of migration 015. Who may still be contacted is decided by ``ContactGate``
/// (and its SQL twin ``ContactGateSQL``), never here.
public struct SuppressionRepository: Sendable {
    let database: Database
    let audit: AuditTrail
    let outbox: EventOutbox
    let ids: IDGenerator

    /// Suppresses the person, or the contact point of theirs the fields name. A point must
    /// belong to the person; an undeliverable point stops being their primary one.
    public func suppress(
        _ personID: PersonID, _ fields: SuppressionDraft.Validated, by actor: Actor, now: Date = Date()
    ) async throws -> Suppression {
        try await database.transaction { db in
            try await suppress(personID, fields, by: actor, now: now, on: db)
        }
    }

    /// The work of ``suppress(_:_:by:now:)`` inside the caller's transaction.
    func suppress(
        _ personID: PersonID, _ fields: SuppressionDraft.Validated, by actor: Actor, now: Date, on db: any SQLDatabase
    ) async throws -> Suppression {
        try await Visibility.requirePerson(personID, visibleTo: actor, on: db)
        if let point = fields.contactPointID {
            let owner = try await db.raw("SELECT person_id FROM contact_points WHERE id = \(bind: point.rawValue)")
                .first().map { try $0.optionalText("person_id") }
            guard owner == personID.rawValue else {
                throw DomainError.invalid([
                    .invalid("contactPointID", "contactPointID '\(point)' is not a contact point of person '\(personID)'.")
                ])
            }
            if fields.reason == .undeliverable {
                try await db.raw("UPDATE contact_points SET is_primary = 0 WHERE id = \(bind: point.rawValue)").run()
            }
        }
        let suppression = Suppression(
            id: ids.make(), personID: personID, contactPointID: fields.contactPointID, reason: fields.reason,
            note: fields.note, until: fields.until, createdBy: actor.name, createdAt: now)
        try await db.raw(
            """
            INSERT INTO suppressions (id, person_id, contact_point_id, reason, note, until_day, created_by, created_at)
            VALUES (\(bind: suppression.id.rawValue), \(bind: personID.rawValue),
              \(bind: suppression.contactPointID?.rawValue), \(bind: suppression.reason.rawValue), \(bind: suppression.note),
              \(bind: suppression.until?.description), \(bind: actor.name), \(bind: Timestamp.format(now)))
            """
        ).run()
        let target = suppression.contactPointID.map { "contact point \($0)" } ?? "person"
        try await audit.record(
            .update, entityType: "person", entityID: personID.rawValue,
            detail: "suppressed \(target): \(suppression.reason.rawValue) (\(suppression.id))", by: actor, on: db)
        try await outbox.record(.personUpdated, entityID: personID.rawValue, on: db)
        return suppression
    }

    /// Lifts a current suppression; the row stays as history. Lifting one already lifted
    /// is a conflict.
    public func lift(_ id: SuppressionID, by actor: Actor, now: Date = Date()) async throws -> Suppression {
        try await database.transaction { db in
            guard let row = try await db.raw("SELECT * FROM suppressions WHERE id = \(bind: id.rawValue)").first() else {
                throw DomainError.notFound(entity: "suppression", id: id.rawValue)
            }
            var suppression = try Self.suppression(from: row)
            try await Visibility.requirePerson(
                suppression.personID, visibleTo: actor, on: db, notFound: ("suppression", id.rawValue))
            if let liftedAt = suppression.liftedAt {
                throw DomainError.conflict(
                    field: "id",
                    message: "Suppression '\(id)' was already lifted on \(Timestamp.format(liftedAt)) "
                        + "by \(suppression.liftedBy ?? "someone").")
            }
            suppression.liftedAt = now
            suppression.liftedBy = actor.name
            try await db.raw(
                """
                UPDATE suppressions SET lifted_at = \(bind: Timestamp.format(now)), lifted_by = \(bind: actor.name)
                WHERE id = \(bind: id.rawValue)
                """
            ).run()
            try await audit.record(
                .update, entityType: "person", entityID: suppression.personID.rawValue,
                detail: "lifted suppression \(id) (\(suppression.reason.rawValue))", by: actor, on: db)
            try await outbox.record(.personUpdated, entityID: suppression.personID.rawValue, on: db)
            return suppression
        }
    }

    static func suppression(from row: any SQLRow) throws -> Suppression {
        Suppression(
            id: try row.id("id"), personID: try row.id("person_id"), contactPointID: try row.optionalID("contact_point_id"),
            reason: try row.enumValue("reason", as: SuppressionReason.self), note: try row.optionalText("note"),
            until: try row.day("until_day"), createdBy: try row.text("created_by"), createdAt: try row.instant("created_at"),
            liftedAt: try row.optionalInstant("lifted_at"), liftedBy: try row.optionalText("lifted_by"))
    }
}
