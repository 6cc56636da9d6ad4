import Foundation
import RapportIdentity
import SQLKit

extension MatchIndex {
    /// How many matching rows one read of ``fillBlocks(on:)`` takes.
    static let fillPageSize = 20_000

    /// One blocking key of the `owner`-th person read. People are read in id order, so
    /// (key, owner) order is the keyed table's (block key, person id) order.
    struct OwnedBlock: Sendable, Comparable {
        let key: Int64
        let owner: Int32

        static func < (a: OwnedBlock, b: OwnedBlock) -> Bool { (a.key, a.owner) < (b.key, b.owner) }
    }

    /// The blocking keys of every stored matching row in key order, with the ids of their
    /// people (`owner` indexes `people`); written by the `insert` functions below.
    ///
    /// For the end of a bulk load, which wrote the matching rows but no keys (see
    /// ``BulkLoadDeferral``): the keys come from the stored fields (the same keys, see
    /// `LooseMatcher.storedBlockingKeys(storedFields:)`), are sorted in memory (16 bytes a key,
    /// about 130 MB at 1 000 000 people) and appended to the keyed table in its own order, so
    /// every page is written once — instead of a staging table written, sorted by SQLite and
    /// moved. Keys already stored (people indexed by ingestion meanwhile) are left as they are.
    static func sortedBlocks(on database: Database) async throws -> (blocks: [OwnedBlock], people: [String]) {
        var collector = BlockCollector()
        while true {
            let page = try await database.read(pageQuery, [.text(collector.lastPerson), .integer(fillPageSize)])
            guard !page.isEmpty else { break }
            try collector.add(page)
        }
        return collector.sorted()
    }

    /// ``sortedBlocks(on:)`` read on a direct SQLite connection, inside the caller's transaction.
    static func sortedBlocks(on connection: DirectConnection) throws -> (blocks: [OwnedBlock], people: [String]) {
        var collector = BlockCollector()
        while true {
            let page = try connection.query(pageQuery, [.text(collector.lastPerson), .integer(fillPageSize)])
            guard !page.isEmpty else { break }
            try collector.add(page.map { $0 as any SQLRow })
        }
        return collector.sorted()
    }

    private static let pageQuery = "SELECT person_id, fields FROM person_match_rows WHERE person_id > ? ORDER BY person_id LIMIT ?"

    /// Pages of matching rows, in person-id order, turned into owned blocking keys.
    private struct BlockCollector {
        var people: [String] = []
        var blocks: [OwnedBlock] = []

        var lastPerson: String { people.last ?? "" }

        mutating func add(_ page: [any SQLRow]) throws {
            let rows = try page.map { (try $0.text("person_id"), try $0.text("fields")) }
            let keys = LooseMatcher.storedBlockingKeys(storedFields: rows.map(\.1))
            for (offset, personKeys) in keys.enumerated() {
                let owner = Int32(people.count + offset)
                blocks.append(contentsOf: Set(personKeys).map { OwnedBlock(key: $0, owner: owner) })
            }
            people += rows.map(\.0)
        }

        mutating func sorted() -> (blocks: [OwnedBlock], people: [String]) {
            blocks.sort()
            return (blocks, people)
        }
    }

    /// The keys of ``sortedBlocks(on:)`` inserted on a direct SQLite connection, in order, as
    /// the bulk loader's multi-row INSERTs, a page of rows at a time (so the rows of millions
    /// of keys are never all in memory at once).
    static func insert(_ blocks: [OwnedBlock], people: [String], on connection: DirectConnection) throws {
        var start = 0
        while start < blocks.count {
            let end = min(start + fillPageSize, blocks.count)
            let rows = blocks[start..<end].map { [QueryValue.integer($0.key), .text(people[Int($0.owner)])] }
            try connection.insert(into: "person_blocks", columns: ["block_key", "person_id"], rows: rows, ignoringConflicts: true)
            start = end
        }
    }

    /// The keys of ``sortedBlocks(on:)`` inserted on PostgreSQL, in multi-row INSERTs.
    static func insert(_ blocks: [OwnedBlock], people: [String], on db: any SQLDatabase) async throws {
        let perStatement = 10_000
        var start = 0
        while start < blocks.count {
            let end = min(start + perStatement, blocks.count)
            let builder = db.insert(into: "person_blocks").columns("block_key", "person_id").ignoringConflicts()
            for block in blocks[start..<end] {
                builder.values([SQLBind(block.key), SQLBind(people[Int(block.owner)])])
            }
            try await builder.run()
            start = end
        }
    }
}
