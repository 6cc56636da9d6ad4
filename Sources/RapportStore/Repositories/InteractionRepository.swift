import Foundation
import RapportCore
import SQLKit

/// The contact history: every interaction on every channel (R9.1).
public struct InteractionRepository: Sendable {
    let database: Database
    let audit: AuditTrail
    let outbox: EventOutbox

    /// Stores an interaction, and its `interaction.created` event.
    public func insert(_ interaction: Interaction, by actor: Actor) async throws {
        try await database.transaction { db in
            try await Visibility.requirePerson(interaction.personID, visibleTo: actor, on: db)
            try await Self.insert(interaction, on: db)
            try await CustomerMetrics.refresh([interaction.personID], on: db)
            try await audit.record(
                .update, entityType: "person", entityID: interaction.personID.rawValue,
                detail: "recorded interaction \(interaction.id)", by: actor, on: db)
            try await outbox.record(.interactionCreated, entityID: interaction.id.rawValue, on: db)
        }
    }

    static func insert(_ i: Interaction, on db: any SQLDatabase) async throws {
        try await db.raw(
            """
            INSERT INTO interactions (id, person_id, organisation_id, channel, direction, staff_user_id, staff_name, outcome,
              subject, notes, occurred_at, duration_seconds, source_id)
            VALUES (\(bind: i.id.rawValue), \(bind: i.personID.rawValue), \(bind: i.organisationID?.rawValue),
              \(bind: i.channel.rawValue), \(bind: i.direction.rawValue), \(bind: i.staffUserID?.rawValue), \(bind: i.staffName),
              \(bind: i.outcome.rawValue), \(bind: i.subject), \(bind: i.notes), \(bind: Timestamp.format(i.occurredAt)),
              \(bind: i.durationSeconds), \(bind: i.sourceID?.rawValue))
            """
        ).run()
    }

    public func find(_ id: InteractionID, by actor: Actor) async throws -> Interaction {
        guard let row = try await database.sql.raw("SELECT * FROM interactions WHERE id = \(bind: id.rawValue)").first() else {
            throw DomainError.notFound(entity: "interaction", id: id.rawValue)
        }
        let interaction = try Self.interaction(from: row)
        try await Visibility.requirePerson(interaction.personID, visibleTo: actor, on: database.sql, notFound: ("interaction", id.rawValue))
        try await audit.read(entityType: "person", entityID: interaction.personID.rawValue, detail: "interaction \(id)", by: actor)
        return interaction
    }

    /// A page of interactions, newest first, optionally of one person or on one channel.
    public func list(personID: PersonID?, channel: Channel?, cursor: Cursor?, limit: Int, by actor: Actor) async throws
        -> Page<Interaction>
    {
        var query = SQLQueryString("SELECT * FROM interactions WHERE 1 = 1")
        try await Visibility.restrict(&query, toPerson: personID, actor: actor, on: database.sql)
        if let channel {
            query.appendInterpolation(unsafeRaw: " AND channel = ")
            query.appendInterpolation(bind: channel.rawValue)
        }
        KeysetPaging.apply(order: ListOrder(column: "occurred_at", descending: true), cursor: cursor, limit: limit, to: &query)
        let rows = try await database.sql.raw(query).all()
        let items = try rows.prefix(limit).map(Self.interaction(from:))
        let next = rows.count > limit ? items.last.map { Cursor(sortValue: Timestamp.format($0.occurredAt), id: $0.id.rawValue) } : nil
        try await audit.read(entityType: "person", entityID: personID?.rawValue ?? "*", detail: "interactions: \(items.count)", by: actor)
        return Page(items: items, nextCursor: next?.encoded)
    }

    static func interaction(from row: any SQLRow) throws -> Interaction {
        Interaction(
            id: try row.id("id"), personID: try row.id("person_id"), organisationID: try row.optionalID("organisation_id"),
            channel: try row.enumValue("channel", as: Channel.self), direction: try row.enumValue("direction", as: Direction.self),
            staffUserID: try row.optionalID("staff_user_id"), staffName: try row.optionalText("staff_name"),
            outcome: try row.enumValue("outcome", as: InteractionOutcome.self), subject: try row.optionalText("subject"),
            notes: try row.optionalText("notes"), occurredAt: try row.instant("occurred_at"),
            durationSeconds: try row.decode(column: "duration_seconds", as: Int?.self), sourceID: try row.optionalID("source_id"))
    }
}
