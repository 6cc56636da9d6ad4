import Foundation
import RapportCore
import RapportIdentity
import SQLKit

extension MatchIndex {
    /// How many people one rebuild step reads and writes in one transaction.
    static let rebuildPageSize = 5_000

    /// Empties the index and writes every person's row again, page by page in id order
    /// (one transaction per page), and returns how many people it indexed. For stores filled
    /// before the index existed and after changes made outside Rapport; while it runs,
    /// loose matching finds only the people indexed so far.
    public static func rebuild(
        on database: Database, progress: @Sendable (Int) -> Void = { _ in }
    ) async throws -> Int {
        try await database.transaction { db in
            try await db.raw("DELETE FROM person_blocks").run()
            try await db.raw("DELETE FROM person_match_rows").run()
        }
        var after = ""
        var total = 0
        while true {
            let people = try await database.read(
                "SELECT * FROM people WHERE id > ? ORDER BY id LIMIT ?", [.text(after), .integer(rebuildPageSize)]
            ).map(PersonRepository.person(from:))
            guard let last = people.last else { return total }
            let points = try await database.read(
                "SELECT * FROM contact_points WHERE person_id >= ? AND person_id <= ? AND valid_to IS NULL",
                [.text(people[0].id.rawValue), .text(last.id.rawValue)]
            ).map(ContactPointRepository.contactPoint(from:))
            let byPerson = Dictionary(grouping: points) { $0.personID?.rawValue ?? "" }
            let rows = people.map { row(of: $0, contactPoints: byPerson[$0.id.rawValue] ?? []) }
            try await insert(rows, on: database)
            after = last.id.rawValue
            total += people.count
            progress(total)
        }
    }

    /// Inserts the rows and blocks of people who have none yet, in one transaction.
    static func insert(_ rows: [PersonMatchRow], on database: Database) async throws {
        let statements = rows.flatMap { row in
            [("INSERT INTO person_match_rows (person_id, fields) VALUES (?, ?)",
              [QueryValue.text(row.personID), .text(row.person.storedFields)])] + row.insertBlockStatements
        }
        if database.kind == .sqlite {
            try await database.directTransaction { connection in
                for statement in statements { try connection.run(statement.0, statement.1) }
            }
        } else {
            try await database.transaction { db in
                for statement in statements { try await db.raw(Database.queryString(statement.0, statement.1)).run() }
            }
        }
    }
}

extension MatchIndex {
    /// The index rows of a bulk-loaded batch's people, written in the batch's transaction:
    /// their matching rows, and their blocking keys unless `blocks` is false.
    static func bulkTables(for batch: RecordBatch, blocks withBlocks: Bool = true) -> [BulkTable] {
        guard !batch.people.isEmpty else { return [] }
        let byPerson = Dictionary(grouping: batch.contactPoints.filter { $0.personID != nil }) { $0.personID! }
        let rows = batch.people.map { row(of: $0, contactPoints: byPerson[$0.id] ?? [], withoutKeys: !withBlocks) }
        let matchRows = BulkTable("person_match_rows", ["person_id", "fields"], rows) {
            [.text($0.personID), .text($0.person.storedFields)]
        }
        guard withBlocks else { return [matchRows] }
        let blocks = rows.flatMap { row in
            row.blockingKeys.map { (row.personID, $0) }
        }
        return [matchRows, BulkTable("person_blocks", ["block_key", "person_id"], blocks) { [.integer($0.1), .text($0.0)] }]
    }
}
