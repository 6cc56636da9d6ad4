import Foundation
import RapportCore
import SQLKit

/// E-mail addresses, phone numbers and postal addresses with their validity periods.
/// A contact point is never deleted when it stops being used: it is ended (`validTo`), so
/// the address history stays.
public struct ContactPointRepository: Sendable {
    let database: Database
    let audit: AuditTrail
    let outbox: EventOutbox
    let ids: IDGenerator

    /// Adds a contact point. A new current postal address ends the previous current one
    /// of the same owner (a move), in the same transaction; a person's gets a
    /// `person.updated` event.
    ///
    /// A person without a household, or alone in one, is then placed by the household rule
    /// over the people the new point links them to (``HouseholdPlacement``, `.settlingAlone`):
    /// staff who create someone and add their address see them in their family's household at
    /// once. Anyone who shares a household already stays where they are until the next rebuild.
    public func insert(_ point: ContactPoint, by actor: Actor) async throws {
        try await database.transaction { db in
            if let personID = point.personID {
                guard try await db.raw("SELECT id FROM people WHERE id = \(bind: personID.rawValue)").first() != nil else {
                    throw DomainError.notFound(entity: "person", id: personID.rawValue)
                }
            }
            try await Self.add(point, on: db)
            if let personID = point.personID {
                try await MatchIndex.refresh(personID, on: db)
                if point.validTo == nil {
                    try await HouseholdPlacement(audit: audit, ids: ids).place(
                        [personID], mode: .settlingAlone, cause: "\(point.kind.rawValue) contact point added by staff", by: actor, on: db)
                }
            }
            try await audit.record(
                .update, entityType: point.personID != nil ? "person" : "organisation",
                entityID: point.personID?.rawValue ?? point.organisationID?.rawValue ?? "",
                detail: "added \(point.kind.rawValue) contact point \(point.id)", by: actor, on: db)
            if let personID = point.personID {
                try await outbox.record(.personUpdated, entityID: personID.rawValue, on: db)
            }
            // Staff marking an e-mail or phone primary is their observation of which one is.
            if let personID = point.personID, point.isPrimary, point.validTo == nil,
                let attribute = GoldenAttribute(rawValue: point.kind.rawValue), attribute.contactKind != nil
            {
                try await StaffObservations.record(
                    [(attribute, point.normalized)], for: personID, by: actor.name, at: point.createdAt, on: db)
                try await GoldenProfiles(audit: audit, outbox: outbox).refresh(
                    personID, cause: "primary \(point.kind.rawValue) set by staff", by: actor, on: db)
            }
        }
    }

    /// Inserts `point` on `db` (inside the caller's transaction); a new current postal
    /// address of a person ends their previous current one (a move).
    static func add(_ point: ContactPoint, on db: any SQLDatabase) async throws {
        if let personID = point.personID, point.kind == .postal, point.validTo == nil {
            let ending = (point.validFrom ?? LocalDate(point.createdAt)).description
            try await db.raw(
                """
                UPDATE contact_points SET valid_to = \(bind: ending)
                WHERE person_id = \(bind: personID.rawValue) AND kind = 'postal' AND valid_to IS NULL
                """
            ).run()
        }
        try await insert(point, on: db)
    }

    static func insert(_ c: ContactPoint, on db: any SQLDatabase) async throws {
        try await insertRows([c], on: db)
    }

    /// Adds `points` of one owner, in order, as ``add(_:on:)`` would one by one. For a
    /// person created in the same transaction (`ofNewPerson`) there is no previous address
    /// to end, so — unless the points themselves hold two current postal addresses — they
    /// go in one multi-row INSERT: ingestion adds a new person's points with every record.
    /// Returns whether the points were stored exactly as given (no address of theirs ended).
    @discardableResult
    static func addAll(_ points: [ContactPoint], ofNewPerson: Bool, on db: any SQLDatabase) async throws -> Bool {
        guard !points.isEmpty else { return true }
        let currentPostal = points.filter { $0.kind == .postal && $0.validTo == nil }.count
        if ofNewPerson && currentPostal <= 1 {
            try await insertRows(points, on: db)
            return true
        }
        for point in points { try await add(point, on: db) }
        return currentPostal <= 1
    }

    private static let columns = """
        INSERT INTO contact_points (id, person_id, organisation_id, kind, value, normalized, label, line1, line2, city,
          postcode, region, country, valid_from, valid_to, is_primary, source_id, created_at) VALUES
        """

    private static func insertRows(_ points: [ContactPoint], on db: any SQLDatabase) async throws {
        let row = "(" + Array(repeating: "?", count: 18).joined(separator: ", ") + ")"
        try await db.run(
            columns + " " + Array(repeating: row, count: points.count).joined(separator: ", "),
            points.flatMap(values(of:)))
    }

    private static func values(of c: ContactPoint) -> [QueryValue] {
        let a = c.address
        return [
            .text(c.id.rawValue), .text(c.personID?.rawValue), .text(c.organisationID?.rawValue), .text(c.kind.rawValue),
            .text(c.value), .text(c.normalized), .text(c.label), .text(a?.line1), .text(a?.line2), .text(a?.city),
            .text(a?.postcode), .text(a?.region), .text(a?.country), .text(c.validFrom?.description),
            .text(c.validTo?.description), .integer(c.isPrimary ? 1 : 0), .text(c.sourceID?.rawValue),
            .text(Timestamp.format(c.createdAt)),
        ]
    }

    /// All contact points of a person, current first, then by start date, newest first.
    public func forPerson(_ id: PersonID) async throws -> [ContactPoint] {
        try await database.read(
            """
            SELECT * FROM contact_points WHERE person_id = ?
            ORDER BY kind, CASE WHEN valid_to IS NULL THEN 0 ELSE 1 END, valid_from DESC, id
            """, [.text(id.rawValue)]
        ).map(Self.contactPoint(from:))
    }

    public func forOrganisation(_ id: OrganisationID) async throws -> [ContactPoint] {
        try await database.sql.raw("SELECT * FROM contact_points WHERE organisation_id = \(bind: id.rawValue) ORDER BY kind, id")
            .all().map(Self.contactPoint(from:))
    }

    static func contactPoint(from row: any SQLRow) throws -> ContactPoint {
        var address: PostalAddress?
        if let line1 = try row.optionalText("line1") {
            address = PostalAddress(
                line1: line1, line2: try row.optionalText("line2"), city: try row.optionalText("city") ?? "",
                postcode: try row.optionalText("postcode"), region: try row.optionalText("region"),
                country: try row.optionalText("country") ?? "")
        }
        return ContactPoint(
            id: try row.id("id"), personID: try row.optionalID("person_id"), organisationID: try row.optionalID("organisation_id"),
            kind: try row.enumValue("kind", as: ContactKind.self), value: try row.text("value"),
            normalized: try row.text("normalized"), label: try row.optionalText("label"), address: address,
            validFrom: try row.day("valid_from"), validTo: try row.day("valid_to"), isPrimary: try row.flag("is_primary"),
            sourceID: try row.optionalID("source_id"), createdAt: try row.instant("created_at"))
    }
}
