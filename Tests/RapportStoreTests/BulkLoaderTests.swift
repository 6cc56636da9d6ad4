import Foundation
import RapportCore
import RapportDemo
import RapportStore
import RapportTestSupport
import Testing

@Suite("Bulk loading (demo data, imports, benchmarks)")
struct BulkLoaderTests {
    func count(_ table: String, in store: Store) async throws -> Int {
        try #require(try await store.database.readFirst("SELECT COUNT(*) AS n FROM \(table)", [])).decode(column: "n", as: Int.self)
    }

    /// Tables, indexes (and on SQLite triggers) by type, name and table, with their definitions:
    /// a restored index must be the one the migrations made, partial ones included.
    func schema(of store: Store) async throws -> [String] {
        let sql =
            TestStore.backend == "sqlite"
            ? """
            SELECT type || ' ' || name || ' on ' || tbl_name || ': ' || COALESCE(sql, '') AS object
            FROM sqlite_master WHERE name NOT LIKE 'sqlite_%'
            """
            : """
            SELECT 'index ' || indexname || ' on ' || tablename || ': ' || indexdef AS object
            FROM pg_indexes WHERE schemaname = current_schema()
            UNION ALL SELECT 'table ' || table_name FROM information_schema.tables WHERE table_schema = current_schema()
            UNION ALL SELECT 'trigger ' || trigger_name || ' ' || event_manipulation || ' on ' || event_object_table
            FROM information_schema.triggers WHERE trigger_schema = current_schema()
            """
        return try await store.database.read(sql, []).map { try $0.decode(column: "object", as: String.self) }.sorted()
    }

    func blocks(in store: Store) async throws -> [String] {
        try await store.database.read(
            "SELECT b.block_key, r.person_id FROM person_blocks b JOIN person_match_rows r ON r.row_id = b.row_id ORDER BY 1, 2", []
        ).map {
            "\(try $0.decode(column: "block_key", as: Int64.self)) \(try $0.decode(column: "person_id", as: String.self))"
        }
    }

    /// A load into an empty store drops the secondary indexes and leaves the blocking keys
    /// to its end; afterwards the schema is as before, and the blocking index holds exactly
    /// the rows a rebuild from the loaded people makes.
    @Test func aDeferredLoadLeavesTheSchemaAsItFoundIt() async throws {
        try await withTestStore { store in
            let before = try await schema(of: store)
            let batches = Array(DemoDataset(DemoConfiguration(people: 150, seed: 12, batchSize: 50)).batches())
            try await BulkLoader(store: store).withDeferredIndexes {
                var queue = BulkLoadQueue(store: store)
                for batch in batches { try await queue.load(batch, by: TestActors.admin) }
                try await queue.finish()
            }
            #expect(try await schema(of: store) == before)
            if TestStore.backend == "sqlite" {
                let table = try #require(
                    try await store.database.readFirst("SELECT sql FROM sqlite_master WHERE name = 'person_blocks'", []))
                #expect(try table.decode(column: "sql", as: String.self).contains("PRIMARY KEY (block_key, row_id)"))
            }
            let loaded = try await blocks(in: store)
            #expect(loaded.count > batches.reduce(0) { $0 + $1.people.count })
            #expect(try await MatchIndex.rebuild(on: store.database) == batches.reduce(0) { $0 + $1.people.count })
            let rebuilt = try await blocks(in: store)
            #expect(loaded == rebuilt)
        }
    }

    @Test func everyRecordOfABatchArrivesWithOneAuditEntry() async throws {
        try await withTestStore { store in
            let batches = Array(DemoDataset(DemoConfiguration(people: 120, seed: 11, batchSize: 60)).batches())
            for batch in batches { try await BulkLoader(store: store).load(batch, by: TestActors.admin) }
            let expected: [(String, Int)] = [
                ("people", batches.reduce(0) { $0 + $1.people.count }),
                ("contact_points", batches.reduce(0) { $0 + $1.contactPoints.count }),
                ("purchases", batches.reduce(0) { $0 + $1.purchases.count }),
                ("purchase_lines", batches.reduce(0) { $0 + $1.purchases.reduce(0) { $0 + $1.lines.count } }),
                ("interactions", batches.reduce(0) { $0 + $1.interactions.count }),
                ("raw_records", batches.reduce(0) { $0 + $1.rawRecords.count }),
                ("organisations", batches.reduce(0) { $0 + $1.organisations.count }),
            ]
            for (table, rows) in expected { #expect(try await count(table, in: store) == rows, "\(table)") }
            let person = try #require(batches.last?.people.last)
            let stored = try await store.people.find(person.id, by: TestActors.admin)
            #expect(stored.displayName == person.displayName)
            #expect(stored.birthDate == person.birthDate)
            #expect(stored.householdID == person.householdID)
            let bulkEntries = try await store.database.read(
                "SELECT detail FROM audit_log WHERE entity_id = ? AND actor_name = ?", [.text("*"), .text("test-admin")])
            #expect(bulkEntries.count == batches.filter { !$0.people.isEmpty }.count)
        }
    }

    @Test func aBatchWithABrokenReferenceWritesNothing() async throws {
        try await withTestStore { store in
            var batch = try #require(DemoDataset(DemoConfiguration(people: 30, seed: 3)).batches().first { !$0.purchases.isEmpty })
            let orphan = Purchase(
                id: store.ids.make(), personID: PersonID(rawValue: "per_does_not_exist"), organisationID: nil, kind: .purchase,
                channel: .web, occurredAt: Date(), total: Money(minorUnits: 100, currency: "USD"),
                margin: Money(minorUnits: 10, currency: "USD"), reference: nil, sourceID: nil, lines: [])
            batch.purchases.append(orphan)
            await #expect(throws: (any Error).self) { try await BulkLoader(store: store).load(batch, by: TestActors.admin) }
            #expect(try await count("people", in: store) == 0)
            #expect(try await count("purchases", in: store) == 0)
            #expect(try await count("audit_log", in: store) == 0)
        }
    }

    @Test func theQueueWritesEveryBatchAndReportsAFailedOne() async throws {
        try await withTestStore { store in
            var batches = Array(DemoDataset(DemoConfiguration(people: 90, seed: 5, batchSize: 30)).batches())
            var queue = BulkLoadQueue(store: store)
            for batch in batches { try await queue.load(batch, by: TestActors.admin) }
            try await queue.finish()
            #expect(try await count("people", in: store) == batches.reduce(0) { $0 + $1.people.count })
            // The same people again: their keys collide, and the failure surfaces at finish().
            batches = Array(batches.suffix(1))
            try await queue.load(batches[0], by: TestActors.admin)
            await #expect(throws: (any Error).self) { try await queue.finish() }
        }
    }
}
