import Foundation
import RapportCore
import RapportIdentity
import SQLKit

/// The blocking index of loose matching: per person a matching row (`person_match_rows`,
/// with their blocking keys), kept current by ingestion, by the people and contact-point
/// API, by the bulk loader, and rebuilt whole by `rapport resolve index`. The database copies
/// the keys into `person_blocks`, where candidates are looked up (migration 019).
///
/// People with status `merged` stay out of the candidates (they live on in the person they
/// were merged into). Suppressed people remain candidates: a new record about someone who
/// asked not to be contacted, or who died, must attach to them and not create an active
/// duplicate who would be contacted.
public enum MatchIndex {
    /// Writes `row` on `db` (inside the caller's transaction).
    static func write(_ row: PersonMatchRow, on db: any SQLDatabase) async throws {
        try await db.run(row.upsert.sql, row.upsert.binds)
    }

    /// Recomputes the row of one person from what is stored about them, on `db`, and writes
    /// it unless the stored row already says the same.
    ///
    /// Returns the blocks whose candidates the rewrite changed: the keys the row left or
    /// joined, and, when its fields changed, every key it kept (the row found under them is
    /// different). Empty when nothing was written. A batch's resolution lookahead
    /// (``ResolutionLookahead``) trusts its answers only for records outside those blocks.
    @discardableResult
    static func refresh(_ personID: PersonID, on db: any SQLDatabase) async throws -> [Int64] {
        let personRow = try await db.rows("SELECT * FROM people WHERE id = ?", [.text(personID.rawValue)]).first
        guard let personRow else { return [] }
        let person = try PersonRepository.person(from: personRow)
        let points = try await db.rows(
            "SELECT * FROM contact_points WHERE person_id = ? AND valid_to IS NULL", [.text(personID.rawValue)]
        ).map(ContactPointRepository.contactPoint(from:))
        let fresh = row(of: person, contactPoints: points)
        let stored = try await db.rows(
            "SELECT row_id, fields, blocks FROM person_match_rows WHERE person_id = ?", [.text(personID.rawValue)]
        ).first
        let oldFields = try stored?.text("fields")
        let oldKeys = Set(try stored.map { try storedKeys(try $0.text("blocks"), row: Int64(try $0.integer("row_id"))) } ?? [])
        let sameFields = oldFields == fresh.person.storedFields
        if sameFields && oldKeys == Set(fresh.blockingKeys) { return [] }
        try await write(fresh, on: db)
        return (sameFields ? oldKeys.symmetricDifference(fresh.blockingKeys) : oldKeys.union(fresh.blockingKeys)).sorted()
    }

    /// The matching row of a stored person.
    static func row(of person: Person, contactPoints: [ContactPoint]) -> PersonMatchRow {
        PersonMatchRow(
            personID: person.id.rawValue, givenName: person.givenName, familyName: person.familyName,
            birthDate: person.birthDate, country: person.country, contactPoints: contactPoints)
    }

    /// The indexed people sharing any of `keys`, skipping keys shared by more than
    /// `maxBlockSize` people (as batch blocking does), in person-id order; read on `db` so that
    /// people created earlier in the same transaction are found.
    ///
    /// Merged people are still among them (their rows stay indexed for an unmerge): the
    /// decision leaves them out afterwards by asking ``merged(among:on:)`` about the few it
    /// proposes, instead of looking up every candidate's status — a random read of the large
    /// `people` table per candidate, the fetch's largest cost at 1 000 000 people.
    static func candidates(keys: [Int64], maxBlockSize: Int, on db: any SQLDatabase) async throws
        -> [LooseMatcher.Candidate]
    {
        guard let query = candidateQuery(keys: keys, maxBlockSize: maxBlockSize) else { return [] }
        return try await db.rows(query.sql, query.binds).map(candidate(from:))
    }

    /// The people of ``candidates(keys:maxBlockSize:on:)`` among the committed ones, read
    /// through `Database.read` (a read-only direct SQLite connection with a cached prepared
    /// statement, on the caller's thread): for callers outside a write transaction.
    static func candidates(keys: [Int64], maxBlockSize: Int, in database: Database) async throws
        -> [LooseMatcher.Candidate]
    {
        guard let query = candidateQuery(keys: keys, maxBlockSize: maxBlockSize) else { return [] }
        return try await database.read(query.sql, query.binds).map(candidate(from:))
    }

    /// The one statement fetching the candidates of `keys`, or `nil` without keys.
    ///
    /// Each key reads at most `maxBlockSize + 1` entries of its block (`LIMIT` on the primary
    /// key's range), so a key shared by 50 000 people costs no more than one at the limit, and
    /// a block that reaches `maxBlockSize + 1` is dropped whole, like batch blocking drops it.
    /// The statement's text depends only on the number of keys (at most one per
    /// `BlockingKey`), so a direct connection prepares each form once.
    static func candidateQuery(keys: [Int64], maxBlockSize: Int) -> (sql: String, binds: [QueryValue])? {
        let keys = Array(Set(keys)).sorted()
        guard !keys.isEmpty, maxBlockSize > 0 else { return nil }
        let hits = keys.indices.map {
            "SELECT block_key, row_id FROM (SELECT block_key, row_id FROM person_blocks WHERE block_key = ? "
                + "LIMIT \(maxBlockSize + 1)) AS k\($0)"
        }.joined(separator: "\nUNION ALL ")
        let sql = """
            WITH hits AS (\(hits)),
            usable AS (SELECT block_key FROM hits GROUP BY block_key HAVING COUNT(*) <= \(maxBlockSize))
            SELECT r.person_id, r.fields FROM person_match_rows r
            WHERE r.row_id IN (SELECT h.row_id FROM hits h JOIN usable u ON u.block_key = h.block_key)
            ORDER BY r.person_id
            """
        return (sql, keys.map(QueryValue.integer))
    }

    /// Which of `ids` are merged people, read on `db`.
    static func merged(among ids: [String], on db: any SQLDatabase) async throws -> Set<String> {
        let query = mergedQuery(ids)
        return Set(try await db.rows(query.sql, query.binds).map { try $0.text("id") })
    }

    /// Which of `ids` are merged people, among the committed ones (`Database.read`).
    static func merged(among ids: [String], in database: Database) async throws -> Set<String> {
        let query = mergedQuery(ids)
        return Set(try await database.read(query.sql, query.binds).map { try $0.text("id") })
    }

    private static func mergedQuery(_ ids: [String]) -> (sql: String, binds: [QueryValue]) {
        (
            "SELECT id FROM people WHERE status = 'merged' AND id IN (\(ids.map { _ in "?" }.joined(separator: ", ")))",
            ids.map(QueryValue.text)
        )
    }

    private static func candidate(from row: any SQLRow) throws -> LooseMatcher.Candidate {
        LooseMatcher.Candidate(id: try row.text("person_id"), fields: NormalisedPerson.fields(stored: try row.text("fields")))
    }
}
