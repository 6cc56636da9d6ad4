import Foundation
import RapportIdentity

extension MatchIndex {
    /// How many matching rows, and then how many keys, one step of ``fillBlocks(on:)`` reads or
    /// writes.
    static let fillPageSize = 20_000

    /// One blocking key of one matching row, in `person_blocks` order.
    struct RowBlock: Comparable {
        let key: Int64
        let row: Int64

        static func < (a: RowBlock, b: RowBlock) -> Bool { (a.key, a.row) < (b.key, b.row) }
    }

    /// Copies the keys of every matching row (their `blocks` column) into `person_blocks` on
    /// SQLite, inside the caller's transaction, at the end of a bulk load (see
    /// ``BulkLoadDeferral``); keys already there are kept.
    ///
    /// The keys are read, sorted in memory (16 bytes a key, about 125 MB at 1 000 000 people)
    /// and appended in the table's own order as multi-row INSERTs, so each page is written
    /// once. ``BlockingRows/fill(_:into:from:)`` does the same in one statement, but SQLite's
    /// sorter took 14 of its 18–22 s at 1 000 000 people; reading and parsing the keys took 1.
    static func fillBlocks(on connection: DirectConnection) throws {
        var blocks: [RowBlock] = []
        var after: Int64 = 0
        while true {
            let page = try connection.query(
                "SELECT row_id, blocks FROM person_match_rows WHERE row_id > ? ORDER BY row_id LIMIT ?",
                [.integer(after), .integer(fillPageSize)])
            guard let last = page.last else { break }
            for row in page {
                let id = try row.decode(column: "row_id", as: Int64.self)
                for key in try storedKeys(try row.decode(column: "blocks", as: String.self), row: id) {
                    blocks.append(RowBlock(key: key, row: id))
                }
            }
            after = try last.decode(column: "row_id", as: Int64.self)
        }
        blocks.sort()
        var start = 0
        while start < blocks.count {
            let end = min(start + fillPageSize, blocks.count)
            let rows = blocks[start..<end].map { [QueryValue.integer($0.key), .integer($0.row)] }
            try connection.insert(into: "person_blocks", columns: ["block_key", "row_id"], rows: rows, ignoringConflicts: true)
            start = end
        }
    }

    /// Gives every matching row that stores no keys the keys of its fields, and returns how
    /// many it gave keys to; run once, after migration 019 (``Store/open(_:logger:ids:connections:)``).
    ///
    /// The migration copies each person's keys from the old `person_blocks`. A bulk load of an
    /// older version that was interrupted before its end had written none for the people it
    /// loaded; their keys depend only on the stored fields, so they are computed from those.
    /// The change trigger then writes them into `person_blocks`.
    static func completeStoredKeys(on database: Database) async throws -> Int {
        var after: Int64 = 0
        var completed = 0
        while true {
            let page = try await database.read(
                "SELECT row_id, person_id, fields, blocks FROM person_match_rows WHERE row_id > ? ORDER BY row_id LIMIT ?",
                [.integer(after), .integer(fillPageSize)])
            guard let last = page.last else { return completed }
            after = try last.decode(column: "row_id", as: Int64.self)
            var updates: [(person: String, blocks: String)] = []
            for row in page where try row.decode(column: "blocks", as: String.self) == "[]" {
                let fields = NormalisedPerson.fields(stored: try row.decode(column: "fields", as: String.self))
                let keys = Set(LooseMatcher.storedBlockingKeys(NormalisedPerson(fields: fields))).sorted()
                guard !keys.isEmpty else { continue }
                updates.append((try row.decode(column: "person_id", as: String.self), PersonMatchRow.storedBlocks(keys)))
            }
            guard !updates.isEmpty else { continue }
            try await database.transaction { [updates] db in
                for update in updates {
                    try await db.raw(
                        "UPDATE person_match_rows SET blocks = \(bind: update.blocks) WHERE person_id = \(bind: update.person)"
                    ).run()
                }
            }
            completed += updates.count
        }
    }

    /// The integers of a `blocks` column (a JSON array of integers, as ``PersonMatchRow``
    /// writes it or SQLite's `json_group_array` made it in migration 019).
    static func storedKeys(_ stored: String, row: Int64) throws -> [Int64] {
        try stored.utf8.split { !($0 == UInt8(ascii: "-") || (UInt8(ascii: "0")...UInt8(ascii: "9")).contains($0)) }
            .map { digits in
                guard let key = Int64(String(decoding: digits, as: UTF8.self)) else {
                    throw StoredBlocksError(row: row, stored: stored)
                }
                return key
            }
    }

    /// A `blocks` column that is no JSON array of integers: written outside Rapport.
    struct StoredBlocksError: Error, CustomStringConvertible {
        let row: Int64
        let stored: String

        var description: String {
            "person_match_rows row \(row) has blocks \(stored.prefix(80)), not a JSON array of integers; "
                + "run `rapport resolve index` to rebuild the matching rows"
        }
    }
}
