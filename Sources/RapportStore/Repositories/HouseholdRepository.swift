import Foundation
import RapportCore
import SQLKit

/// Households and their members.
public struct HouseholdRepository: Sendable {
    let database: Database
    let audit: AuditTrail

    public func insert(_ household: Household, by actor: Actor) async throws {
        try await database.transaction { db in
            try await Self.insert(household, on: db)
            try await audit.record(.create, entityType: "household", entityID: household.id.rawValue, by: actor, on: db)
        }
    }

    static func insert(_ h: Household, on db: any SQLDatabase) async throws {
        try await db.raw(
            "INSERT INTO households (id, name, created_at) VALUES (\(bind: h.id.rawValue), \(bind: h.name), \(bind: Timestamp.format(h.createdAt)))"
        ).run()
    }

    public func find(_ id: HouseholdID) async throws -> Household {
        guard let row = try await database.sql.raw("SELECT * FROM households WHERE id = \(bind: id.rawValue)").first() else {
            throw DomainError.notFound(entity: "household", id: id.rawValue)
        }
        return try Self.household(from: row)
    }

    /// The members `actor` may see, by name.
    public func members(of id: HouseholdID, by actor: Actor) async throws -> [Person] {
        try await database.sql.raw("SELECT * FROM people WHERE household_id = \(bind: id.rawValue) AND merged_into_id IS NULL ORDER BY search_name LIMIT 100")
            .all().map(PersonRepository.person(from:)).filter { Visibility.allows($0, to: actor) }
    }

    public func list(cursor: Cursor?, limit: Int) async throws -> Page<Household> {
        var query = SQLQueryString("SELECT * FROM households WHERE 1 = 1")
        KeysetPaging.apply(order: ListOrder(column: "created_at", descending: true), cursor: cursor, limit: limit, to: &query)
        let rows = try await database.sql.raw(query).all()
        let items = try rows.prefix(limit).map(Self.household(from:))
        let next = rows.count > limit ? items.last.map { Cursor(sortValue: Timestamp.format($0.createdAt), id: $0.id.rawValue) } : nil
        return Page(items: items, nextCursor: next?.encoded)
    }

    static func household(from row: any SQLRow) throws -> Household {
        Household(id: try row.id("id"), name: try row.text("name"), createdAt: try row.instant("created_at"))
    }
}
