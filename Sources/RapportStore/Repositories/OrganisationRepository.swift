import Foundation
import RapportCore
import SQLKit

/// Organisations (accounts), their people and their reseller chains.
public struct OrganisationRepository: Sendable {
    let database: Database
    let audit: AuditTrail

    public func insert(_ organisation: Organisation, by actor: Actor) async throws {
        try await database.transaction { db in
            try await Self.requireReferences(of: organisation, on: db)
            try await Self.insert(organisation, on: db)
            try await audit.record(.create, entityType: "organisation", entityID: organisation.id.rawValue, by: actor, on: db)
        }
    }

    static func insert(_ o: Organisation, on db: any SQLDatabase) async throws {
        try await db.raw(
            """
            INSERT INTO organisations (id, name, search_name, kind, parent_id, reseller_of_id, country, registration_number,
              created_at, updated_at)
            VALUES (\(bind: o.id.rawValue), \(bind: o.name), \(bind: SearchText.fold(o.name)), \(bind: o.kind.rawValue),
              \(bind: o.parentID?.rawValue), \(bind: o.resellerOfID?.rawValue), \(bind: o.country),
              \(bind: o.registrationNumber), \(bind: Timestamp.format(o.createdAt)), \(bind: Timestamp.format(o.updatedAt)))
            """
        ).run()
    }

    public func find(_ id: OrganisationID) async throws -> Organisation {
        guard let row = try await database.sql.raw("SELECT * FROM organisations WHERE id = \(bind: id.rawValue)").first() else {
            throw DomainError.notFound(entity: "organisation", id: id.rawValue)
        }
        return try Self.organisation(from: row)
    }

    /// Replaces the organisation's fields with `updated` (already validated).
    public func update(_ updated: Organisation, by actor: Actor) async throws {
        try await database.transaction { db in
            try await Self.requireReferences(of: updated, on: db)
            try await db.raw(
                """
                UPDATE organisations SET name = \(bind: updated.name), search_name = \(bind: SearchText.fold(updated.name)),
                  kind = \(bind: updated.kind.rawValue), parent_id = \(bind: updated.parentID?.rawValue),
                  reseller_of_id = \(bind: updated.resellerOfID?.rawValue), country = \(bind: updated.country),
                  registration_number = \(bind: updated.registrationNumber), updated_at = \(bind: Timestamp.format(updated.updatedAt))
                WHERE id = \(bind: updated.id.rawValue)
                """
            ).run()
            try await audit.record(.update, entityType: "organisation", entityID: updated.id.rawValue, by: actor, on: db)
        }
    }

    /// Organisations whose name starts with `text` (folded), or all, a page at a time.
    public func list(text: String?, kind: OrganisationKind?, cursor: Cursor?, limit: Int) async throws -> Page<Organisation> {
        var query = SQLQueryString("SELECT * FROM organisations WHERE 1 = 1")
        if let text, !text.isEmpty {
            let folded = SearchText.fold(text)
            query.appendInterpolation(unsafeRaw: " AND search_name >= ")
            query.appendInterpolation(bind: folded)
            query.appendInterpolation(unsafeRaw: " AND search_name < ")
            query.appendInterpolation(bind: folded + "\u{FFFF}")
        }
        if let kind {
            query.appendInterpolation(unsafeRaw: " AND kind = ")
            query.appendInterpolation(bind: kind.rawValue)
        }
        let order = ListOrder(column: "search_name", descending: false)
        KeysetPaging.apply(order: order, cursor: cursor, limit: limit, to: &query)
        let rows = try await database.sql.raw(query).all()
        let items = try rows.prefix(limit).map(Self.organisation(from:))
        let next = rows.count > limit ? items.last.map { Cursor(sortValue: SearchText.fold($0.name), id: $0.id.rawValue) } : nil
        return Page(items: items, nextCursor: next?.encoded)
    }

    /// Accounts that resell for `id`, and accounts under it.
    public func related(to id: OrganisationID) async throws -> (resellers: [Organisation], children: [Organisation]) {
        let resellers = try await database.sql.raw(
            "SELECT * FROM organisations WHERE reseller_of_id = \(bind: id.rawValue) ORDER BY search_name LIMIT 200"
        ).all().map(Self.organisation(from:))
        let children = try await database.sql.raw(
            "SELECT * FROM organisations WHERE parent_id = \(bind: id.rawValue) ORDER BY search_name LIMIT 200"
        ).all().map(Self.organisation(from:))
        return (resellers, children)
    }

    /// Links a person to the organisation with a role.
    public func addMember(_ membership: Membership, by actor: Actor) async throws {
        try await database.transaction { db in
            guard try await db.raw("SELECT id FROM people WHERE id = \(bind: membership.personID.rawValue)").first() != nil else {
                throw DomainError.invalid([.invalid("personID", "personID '\(membership.personID)' does not exist.")])
            }
            try await PersonMerges.requireUnmerged(membership.personID, on: db)
            let existing = try await db.raw(
                """
                SELECT role FROM memberships WHERE person_id = \(bind: membership.personID.rawValue)
                  AND organisation_id = \(bind: membership.organisationID.rawValue) AND role = \(bind: membership.role)
                """
            ).first()
            if existing != nil {
                throw DomainError.conflict(field: "role", message: "This person already has the role '\(membership.role)' here.")
            }
            try await Self.insert(membership, on: db)
            try await audit.record(
                .update, entityType: "person", entityID: membership.personID.rawValue,
                detail: "role \(membership.role) at \(membership.organisationID)", by: actor, on: db)
        }
    }

    static func insert(_ m: Membership, on db: any SQLDatabase) async throws {
        try await db.raw(
            """
            INSERT INTO memberships (person_id, organisation_id, role, since, until)
            VALUES (\(bind: m.personID.rawValue), \(bind: m.organisationID.rawValue), \(bind: m.role),
              \(bind: m.since?.description), \(bind: m.until?.description))
            """
        ).run()
    }

    /// Checks that parent and reseller exist and that the parent chain has no loop.
    static func requireReferences(of o: Organisation, on db: any SQLDatabase) async throws {
        for (field, reference) in [("parentID", o.parentID), ("resellerOfID", o.resellerOfID)] {
            guard let reference else { continue }
            guard try await db.raw("SELECT id FROM organisations WHERE id = \(bind: reference.rawValue)").first() != nil else {
                throw DomainError.invalid([.invalid(field, "\(field) '\(reference)' does not exist.")])
            }
        }
        var cursor = o.parentID
        var seen: Set<OrganisationID> = [o.id]
        while let current = cursor {
            if !seen.insert(current).inserted {
                throw DomainError.invalid([.invalid("parentID", "parentID would make the account its own ancestor.")])
            }
            cursor = try await db.raw("SELECT parent_id FROM organisations WHERE id = \(bind: current.rawValue)").first()?
                .optionalID("parent_id")
        }
    }

    static func organisation(from row: any SQLRow) throws -> Organisation {
        Organisation(
            id: try row.id("id"), name: try row.text("name"), kind: try row.enumValue("kind", as: OrganisationKind.self),
            parentID: try row.optionalID("parent_id"), resellerOfID: try row.optionalID("reseller_of_id"),
            country: try row.optionalText("country"), registrationNumber: try row.optionalText("registration_number"),
            createdAt: try row.instant("created_at"), updatedAt: try row.instant("updated_at"))
    }
}
