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
            // The blocks first, in one pass: the delete trigger of each matching row then finds none.
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
            let byPerson = Dictionary(grouping: points.filter { $0.personID != nil }) { $0.personID! }
            try await insert(PersonMatchRow.rows(of: people, contactPoints: byPerson), on: database)
            after = last.id.rawValue
            total += people.count
            progress(total)
        }
    }

    /// Inserts the rows (and so the blocks) of people who have none yet, in one transaction.
    static func insert(_ rows: [PersonMatchRow], on database: Database) async throws {
        let table = table(of: rows)
        if database.kind == .sqlite {
            try await database.directTransaction { connection in try table.insert(on: connection) }
        } else {
            try await database.transaction { db in try await table.insert(on: db) }
        }
    }

    /// The rows as the `person_match_rows` table of a bulk write.
    private static func table(of rows: [PersonMatchRow]) -> BulkTable {
        BulkTable("person_match_rows", ["person_id", "fields", "blocks"], rows) {
            [.text($0.personID), .text($0.person.storedFields), .text($0.storedBlocks)]
        }
    }
}

extension MatchIndex {
    /// The matching rows of a bulk-loaded batch's people, keys included, written in the
    /// batch's transaction (a deferred load's trigger-less `person_blocks` gets the keys at
    /// its end, see ``BulkLoadDeferral``).
    static func bulkTables(for batch: RecordBatch) -> [BulkTable] {
        guard !batch.people.isEmpty else { return [] }
        let byPerson = Dictionary(grouping: batch.contactPoints.filter { $0.personID != nil }) { $0.personID! }
        return [table(of: PersonMatchRow.rows(of: batch.people, contactPoints: byPerson))]
    }
}
