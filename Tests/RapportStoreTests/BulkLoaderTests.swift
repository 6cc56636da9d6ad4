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
