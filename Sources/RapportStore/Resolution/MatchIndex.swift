import Foundation
import RapportCore
import RapportIdentity
import SQLKit

/// The blocking index of loose matching: per person a matching row (`person_match_rows`) and
/// their blocking keys (`person_blocks`), kept current by ingestion, by the people and
/// contact-point API, by the bulk loader, and rebuilt whole by `rapport resolve index`.
///
/// People with status `merged` stay out of the candidates (they live on in the person they
/// were merged into). Suppressed people remain candidates: a new record about someone who
/// asked not to be contacted, or who died, must attach to them and not create an active
/// duplicate who would be contacted.
public enum MatchIndex {
    /// Writes `row` on `db` (inside the caller's transaction).
    static func write(_ row: PersonMatchRow, on db: any SQLDatabase) async throws {
        for statement in row.statements {
            try await db.raw(Database.queryString(statement.sql, statement.binds)).run()
        }
    }

    /// Recomputes the row of one person from what is stored about them, on `db`.
    static func refresh(_ personID: PersonID, on db: any SQLDatabase) async throws {
        let personRow = try await db.raw("SELECT * FROM people WHERE id = \(bind: personID.rawValue)").first()
        guard let personRow else { return }
        let person = try PersonRepository.person(from: personRow)
        let points = try await db.raw(
            "SELECT * FROM contact_points WHERE person_id = \(bind: personID.rawValue) AND valid_to IS NULL"
        ).all().map(ContactPointRepository.contactPoint(from:))
        try await write(row(of: person, contactPoints: points), on: db)
    }

    /// The matching row of a stored person.
    static func row(of person: Person, contactPoints: [ContactPoint]) -> PersonMatchRow {
        PersonMatchRow(
            personID: person.id.rawValue, givenName: person.givenName, familyName: person.familyName,
            birthDate: person.birthDate, country: person.country, contactPoints: contactPoints)
    }

    /// The candidates sharing any of `keys`, skipping keys shared by more than `maxBlockSize`
    /// people (as batch blocking does), without merged people; read on `db` so that people
    /// created earlier in the same transaction are found.
    static func candidates(keys: [Int64], maxBlockSize: Int, on db: any SQLDatabase) async throws -> [PersonMatchRow] {
        guard !keys.isEmpty else { return [] }
        let list = keys.map { _ in "?" }.joined(separator: ", ")
        let sizes = try await db.raw(
            Database.queryString(
                "SELECT block_key, COUNT(*) AS size FROM person_blocks WHERE block_key IN (\(list)) GROUP BY block_key",
                keys.map(QueryValue.integer))
        ).all()
        let usable = try sizes.filter { try $0.decode(column: "size", as: Int.self) <= maxBlockSize }.map {
            try $0.decode(column: "block_key", as: Int64.self)
        }
        guard !usable.isEmpty else { return [] }
        let rows = try await db.raw(
            Database.queryString(
                """
                SELECT DISTINCT r.person_id, r.fields FROM person_blocks b
                JOIN person_match_rows r ON r.person_id = b.person_id JOIN people p ON p.id = b.person_id
                WHERE b.block_key IN (\(usable.map { _ in "?" }.joined(separator: ", "))) AND p.status <> 'merged'
                ORDER BY r.person_id
                """, usable.map(QueryValue.integer))
        ).all()
        return try rows.map {
            PersonMatchRow(personID: try $0.text("person_id"), storedFields: try $0.text("fields"))
        }
    }
}
