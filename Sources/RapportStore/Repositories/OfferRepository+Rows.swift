import Foundation
import RapportCore
import SQLKit

/// How an ``Offer`` is written to and read from the `offers` table.
extension OfferRepository {
    static func insert(_ o: Offer, on db: any SQLDatabase) async throws {
        try await db.raw(
            """
            INSERT INTO offers (id, key, name, description, kind, segment_key, channel, value_minor, currency, priority,
              valid_from, valid_to, active, created_by, created_at, updated_by, updated_at)
            VALUES (\(bind: o.id.rawValue), \(bind: o.key), \(bind: o.name), \(bind: o.description),
              \(bind: o.kind.rawValue), \(bind: o.segmentKey), \(bind: o.channel?.rawValue), \(bind: o.value?.minorUnits),
              \(bind: o.value?.currency), \(bind: o.priority), \(bind: o.validFrom?.description),
              \(bind: o.validTo?.description), \(bind: o.isActive ? 1 : 0), \(bind: o.createdBy),
              \(bind: Timestamp.format(o.createdAt)), \(bind: o.updatedBy), \(bind: Timestamp.format(o.updatedAt)))
            """
        ).run()
    }

    /// Writes every changeable field of a stored offer (all but id, key and creation).
    static func save(_ o: Offer, on db: any SQLDatabase) async throws {
        try await db.raw(
            """
            UPDATE offers SET name = \(bind: o.name), description = \(bind: o.description), kind = \(bind: o.kind.rawValue),
              segment_key = \(bind: o.segmentKey), channel = \(bind: o.channel?.rawValue),
              value_minor = \(bind: o.value?.minorUnits), currency = \(bind: o.value?.currency),
              priority = \(bind: o.priority), valid_from = \(bind: o.validFrom?.description),
              valid_to = \(bind: o.validTo?.description), active = \(bind: o.isActive ? 1 : 0),
              updated_by = \(bind: o.updatedBy), updated_at = \(bind: Timestamp.format(o.updatedAt))
            WHERE id = \(bind: o.id.rawValue)
            """
        ).run()
    }

    static func offer(from row: any SQLRow) throws -> Offer {
        let minor = try row.decode(column: "value_minor", as: Int64?.self)
        let currency = try row.optionalText("currency")
        return Offer(
            id: try row.id("id"), key: try row.text("key"), name: try row.text("name"),
            description: try row.optionalText("description"), kind: try row.enumValue("kind", as: Offer.Kind.self),
            segmentKey: try row.text("segment_key"), channel: try row.optionalEnum("channel", as: Channel.self),
            value: minor.flatMap { minor in currency.map { Money(minorUnits: minor, currency: $0) } },
            priority: try row.integer("priority"), validFrom: try row.day("valid_from"),
            validTo: try row.day("valid_to"),
            isActive: try row.flag("active"), createdBy: try row.text("created_by"),
            createdAt: try row.instant("created_at"), updatedBy: try row.text("updated_by"),
            updatedAt: try row.instant("updated_at"))
    }
}
