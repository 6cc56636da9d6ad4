import Foundation
import Logging
import RapportCore
@testable import RapportStore
import RapportTestSupport
import Testing

/// `person_blocks` follows the keys stored with the matching rows (migration 019), and the
/// migration carries the keys of older stores over.
@Suite("Blocking keys kept with the matching rows")
struct BlockingRowsTests {
    /// Every `(row_id, key)` the rows' `blocks` columns list.
    func listedKeys(in store: Store) async throws -> Set<String> {
        var keys = Set<String>()
        for row in try await store.database.read("SELECT row_id, blocks FROM person_match_rows", []) {
            let id = try row.decode(column: "row_id", as: Int64.self)
            let stored = try row.decode(column: "blocks", as: String.self)
            for key in try JSONDecoder().decode([Int64].self, from: Data(stored.utf8)) { keys.insert("\(id) \(key)") }
        }
        return keys
    }

    /// Every `(row_id, key)` of `person_blocks`.
    func storedBlocks(in store: Store) async throws -> Set<String> {
        Set(
            try await store.database.read("SELECT row_id, block_key FROM person_blocks", []).map {
                "\(try $0.decode(column: "row_id", as: Int64.self)) \(try $0.decode(column: "block_key", as: Int64.self))"
            })
    }

    /// The keys of each person, by person id, as `person_blocks` holds them.
    func keysByPerson(in store: Store) async throws -> [String: Set<Int64>] {
        var keys: [String: Set<Int64>] = [:]
        for row in try await store.database.read(
            "SELECT r.person_id, b.block_key FROM person_blocks b JOIN person_match_rows r ON r.row_id = b.row_id", [])
        {
            keys[try row.decode(column: "person_id", as: String.self), default: []].insert(
                try row.decode(column: "block_key", as: Int64.self))
        }
        return keys
    }

    func person(_ given: String, _ family: String, in store: Store) async throws -> PersonID {
        let person = Person(id: store.ids.make(), givenName: given, familyName: family, createdAt: Date(), updatedAt: Date())
        try await store.people.insert(person, by: TestActors.admin)
        return person.id
    }

    @Test func theBlocksFollowNewChangedAndErasedRows() async throws {
        try await withTestStore { store in
            let anna = try await person("Anna", "Kowalska", in: store)
            let jan = try await person("Jan", "Nowak", in: store)
            let before = try await keysByPerson(in: store)
            #expect(before[anna.rawValue]?.isEmpty == false)
            #expect(try await storedBlocks(in: store) == listedKeys(in: store))

            var patch = PersonPatch()
            patch.familyName = .set("Wiśniewska")
            patch.birthDate = .set("1984-07-02")
            _ = try await store.people.update(anna, with: patch, by: TestActors.admin)
            let changed = try await keysByPerson(in: store)
            #expect(changed[anna.rawValue] != before[anna.rawValue], "new keys replace the old ones")
            #expect(changed[jan.rawValue] == before[jan.rawValue])
            #expect(try await storedBlocks(in: store) == listedKeys(in: store))

            try await store.database.sql.raw("DELETE FROM people WHERE id = \(bind: anna.rawValue)").run()
            let erased = try await keysByPerson(in: store)
            #expect(erased[anna.rawValue] == nil)
            #expect(erased[jan.rawValue] == before[jan.rawValue])
            #expect(try await storedBlocks(in: store) == listedKeys(in: store), "no key of an erased person is left")
        }
    }

    /// A store whose matching rows and blocks have the shape of migration 016 — some keys
    /// in the table an older version's interrupted load set aside, a person whose keys an
    /// interrupted deferred load had not written yet — comes out of migration 019, run by the
    /// next open, with every key, in the rows and in `person_blocks`.
    @Test func migration019CarriesTheKeysOfAnOlderStoreOver() async throws {
        try await withTestStore { store in
            let people = [
                try await person("Łukasz", "Żółć", in: store), try await person("Siti", "Rahayu", in: store),
                try await person("Mary", "Smith", in: store), try await person("Adam", "Mickiewicz", in: store),
            ]
            let expected = try await keysByPerson(in: store)
            let fields = Dictionary(
                uniqueKeysWithValues: try await store.database.read("SELECT person_id, fields FROM person_match_rows", []).map {
                    (try $0.decode(column: "person_id", as: String.self), try $0.decode(column: "fields", as: String.self))
                })
            let kind = store.database.kind
            let sql = store.database.sql
            // The matching rows first: their triggers go with them, and none fires on a missing table.
            try await sql.raw("DROP TABLE person_match_rows").run()
            try await sql.raw("DROP TABLE person_blocks").run()
            if kind == .postgres { try await sql.raw("DROP FUNCTION rapport_follow_blocks()").run() }
            for statement in Migration.m016LooseMatching.statements(kind) where !statement.contains("match_models") {
                try await sql.raw("\(unsafeRaw: statement)").run()
            }
            try await sql.raw("CREATE TABLE person_blocks_indexed (block_key BIGINT NOT NULL, person_id TEXT NOT NULL)").run()
            for id in people.map(\.rawValue) {
                try await sql.raw("INSERT INTO person_match_rows (person_id, fields) VALUES (\(bind: id), \(bind: fields[id]!))").run()
                for (offset, key) in expected[id, default: []].sorted().enumerated() where id != people[3].rawValue {
                    let table = id == people[1].rawValue && offset % 2 == 0 ? "person_blocks_indexed" : "person_blocks"
                    try await sql.raw("INSERT INTO \(unsafeRaw: table) (block_key, person_id) VALUES (\(bind: key), \(bind: id))").run()
                }
            }
            try await sql.raw("DELETE FROM rapport_migrations WHERE version = 19").run()
            try await sql.raw("CREATE TABLE \(unsafeRaw: BulkLoadDeferral.blocksMarker) (since TEXT)").run()

            var logger = Logger(label: "test")
            logger.logLevel = .warning
            let reopened = try await Store.open(store.database.location, logger: logger, connections: 1)
            do {
                #expect(try await Migrator(database: reopened.database, logger: logger).currentVersion() == 19)
                #expect(try await keysByPerson(in: reopened) == expected)
                #expect(try await storedBlocks(in: reopened) == listedKeys(in: reopened))
                #expect(try await !BulkLoadDeferral.exists("person_blocks_indexed", on: reopened.database))
                #expect(try await !BulkLoadDeferral.blocksDeferred(on: reopened.database))
                let added = try await person("Budi", "Santoso", in: reopened)
                #expect(try await keysByPerson(in: reopened)[added.rawValue]?.isEmpty == false, "the triggers work after the copy")
                await reopened.close()
            } catch {
                await reopened.close()
                throw error
            }
        }
    }
}

@Suite("The keys of a blocks column")
struct StoredKeysTests {
    @Test func theKeysAreReadAsWrittenAndAsJSONAggregatesWriteThem() throws {
        #expect(try MatchIndex.storedKeys("[]", row: 1).isEmpty)
        #expect(try MatchIndex.storedKeys("[-9223372036854775808,0,9223372036854775807]", row: 1)
            == [Int64.min, 0, Int64.max])
        #expect(try MatchIndex.storedKeys("[12, -34]", row: 1) == [12, -34])
        #expect(throws: MatchIndex.StoredBlocksError.self) { try MatchIndex.storedKeys("[1-2]", row: 7) }
    }
}
