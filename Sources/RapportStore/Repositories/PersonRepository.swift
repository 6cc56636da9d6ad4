import Foundation
import RapportCore
import SQLKit

/// People: create, read, update, list and search — with the audit entry for each and the
/// partner-agent rule (an agent sees only the people assigned to them) applied here, so no
/// caller can forget it.
public struct PersonRepository: Sendable {
    let database: Database
    let audit: AuditTrail
    let outbox: EventOutbox

    /// Stores a new person (and its `person.created` event). What staff entered becomes their
    /// observation for survivorship (see ``StaffObservations``).
    public func insert(_ person: Person, by actor: Actor) async throws {
        try await database.transaction { db in
            try await Self.insert(person, on: db)
            try await MatchIndex.write(MatchIndex.row(of: person, contactPoints: []), on: db)
            try await audit.record(.create, entityType: "person", entityID: person.id.rawValue, by: actor, on: db)
            try await outbox.record(.personCreated, entityID: person.id.rawValue, on: db)
            try await StaffObservations.record(
                StaffObservations.entered(in: person), for: person.id, by: actor.name, at: person.createdAt, on: db)
            try await GoldenProfiles(audit: audit, outbox: outbox).refresh(
                person.id, cause: "created by staff", by: actor, on: db)
        }
    }

    static func insert(_ p: Person, on db: any SQLDatabase) async throws {
        try await db.run(
            """
            INSERT INTO people (id, household_id, given_name, family_name, display_name, search_name, search_family,
              birth_date, gender, language, country, status, owner_user_id, created_at, updated_at)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            """,
            [
                .text(p.id.rawValue), .text(p.householdID?.rawValue), .text(p.givenName), .text(p.familyName),
                .text(p.displayName), .text(SearchText.fold(p.displayName)), .text(Self.familyKey(p)),
                .text(p.birthDate?.description), .text(p.gender?.rawValue), .text(p.language), .text(p.country),
                .text(p.status.rawValue), .text(p.ownerUserID?.rawValue), .text(Timestamp.format(p.createdAt)),
                .text(Timestamp.format(p.updatedAt)),
            ])
    }

    /// The folded family name, or the only name of a single-named person.
    static func familyKey(_ p: Person) -> String {
        SearchText.fold(p.familyName ?? p.givenName ?? "")
    }

    /// One person, if `actor` may see them. Records the read. A merged person's ID throws
    /// ``MergedPersonError`` naming the survivor.
    public func find(_ id: PersonID, by actor: Actor, audited: Bool = true) async throws -> Person {
        guard let row = try await database.sql.raw("SELECT * FROM people WHERE id = \(bind: id.rawValue)").first(),
            let person = try? Self.person(from: row), Visibility.allows(person, to: actor)
        else { throw DomainError.notFound(entity: "person", id: id.rawValue) }
        if person.status == .merged { try await PersonMerges.requireUnmerged(id, on: database.sql) }
        if audited { try await audit.read(entityType: "person", entityID: id.rawValue, by: actor) }
        return person
    }

    /// Applies a patch in one transaction; the audit entry lists the fields touched, and a
    /// `person.updated` event is written with it. The profile fields touched are staff
    /// observations, and survivorship then decides the profile (a staff edit wins under the
    /// trusted-source rule, but not, say, against two agreeing sources under majority): the
    /// person returned is the one stored after that.
    public func update(_ id: PersonID, with patch: PersonPatch, by actor: Actor, now: Date = Date()) async throws -> Person {
        try await database.transaction { db in
            guard let row = try await db.raw("SELECT * FROM people WHERE id = \(bind: id.rawValue)").first(),
                case let current = try Self.person(from: row), Visibility.allows(current, to: actor)
            else { throw DomainError.notFound(entity: "person", id: id.rawValue) }
            if current.status == .merged { try await PersonMerges.requireUnmerged(id, on: db) }
            let p = try patch.applied(to: current, now: now)
            try await db.raw(
                """
                UPDATE people SET household_id = \(bind: p.householdID?.rawValue), given_name = \(bind: p.givenName),
                  family_name = \(bind: p.familyName), display_name = \(bind: p.displayName),
                  search_name = \(bind: SearchText.fold(p.displayName)), search_family = \(bind: Self.familyKey(p)),
                  birth_date = \(bind: p.birthDate?.description), gender = \(bind: p.gender?.rawValue),
                  language = \(bind: p.language), country = \(bind: p.country), status = \(bind: p.status.rawValue),
                  owner_user_id = \(bind: p.ownerUserID?.rawValue), updated_at = \(bind: Timestamp.format(p.updatedAt))
                WHERE id = \(bind: id.rawValue)
                """
            ).run()
            try await MatchIndex.refresh(id, on: db)
            try await audit.record(
                .update, entityType: "person", entityID: id.rawValue,
                detail: "fields: " + patch.touchedFields.joined(separator: ", "), by: actor, on: db)
            try await outbox.record(.personUpdated, entityID: id.rawValue, on: db)
            try await StaffObservations.record(
                StaffObservations.touched(by: patch, in: p), for: id, by: actor.name, at: now, on: db)
            let change = try await GoldenProfiles(audit: audit, outbox: outbox).refresh(
                id, cause: "edited by staff", by: actor, on: db)
            guard change.profileChanged,
                let stored = try await db.raw("SELECT * FROM people WHERE id = \(bind: id.rawValue)").first()
            else { return p }
            return try Self.person(from: stored)
        }
    }

    /// A page of people matching `filter`, in `order`, after `cursor`.
    public func list(_ filter: PersonFilter, order: ListOrder, cursor: Cursor?, limit: Int, by actor: Actor) async throws
        -> Page<Person>
    {
        var query = SQLQueryString("SELECT * FROM people WHERE 1 = 1")
        filter.apply(to: &query, actor: actor)
        KeysetPaging.apply(order: order, cursor: cursor, limit: limit, to: &query)
        let rows = try await database.sql.raw(query).all()
        let people = try rows.prefix(limit).map(Self.person(from:))
        let next = rows.count > limit ? people.last.map { KeysetPaging.cursor(for: $0, order: order) } : nil
        try await audit.read(entityType: "person", entityID: "*", detail: "list: \(people.count) people", by: actor)
        return Page(items: people, nextCursor: next?.encoded)
    }

    static func person(from row: any SQLRow) throws -> Person {
        Person(
            id: try row.id("id"), householdID: try row.optionalID("household_id"), givenName: try row.optionalText("given_name"),
            familyName: try row.optionalText("family_name"), birthDate: try row.day("birth_date"),
            gender: try row.optionalEnum("gender", as: Gender.self), language: try row.optionalText("language"),
            country: try row.optionalText("country"), status: try row.enumValue("status", as: PersonStatus.self),
            ownerUserID: try row.optionalID("owner_user_id"), createdAt: try row.instant("created_at"),
            updatedAt: try row.instant("updated_at"))
    }
}
