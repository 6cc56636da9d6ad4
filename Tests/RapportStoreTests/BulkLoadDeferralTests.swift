import Foundation
import Logging
import RapportCore
import RapportDemo
@testable import RapportStore
import RapportTestSupport
import Testing

/// The blocking keys of a deferred bulk load: none while it runs, all of them (in the keyed
/// table, equal to a rebuild's) at its end, and at the next open when it was interrupted.
@Suite("Blocking keys of a deferred bulk load")
struct BulkLoadDeferralTests {
    let batches = Array(DemoDataset(DemoConfiguration(people: 120, seed: 21, batchSize: 40)).batches())

    func blocks(in store: Store) async throws -> [String] {
        try await store.database.read(
            "SELECT b.block_key, r.person_id FROM person_blocks b JOIN person_match_rows r ON r.row_id = b.row_id ORDER BY 1, 2", []
        ).map {
            "\(try $0.decode(column: "block_key", as: Int64.self)) \(try $0.decode(column: "person_id", as: String.self))"
        }
    }

    func load(into store: Store) async throws {
        var queue = BulkLoadQueue(store: store)
        for batch in batches { try await queue.load(batch, by: TestActors.admin) }
        try await queue.finish()
    }

    @Test func theLoadWritesNoKeysUntilItsEnd() async throws {
        try await withTestStore { store in
            try await BulkLoader(store: store).withDeferredIndexes {
                try await load(into: store)
                #expect(try await BulkLoadDeferral.blocksDeferred(on: store.database))
                #expect(try await blocks(in: store).isEmpty)
            }
            #expect(try await !BulkLoadDeferral.blocksDeferred(on: store.database))
            let loaded = try await blocks(in: store)
            #expect(Set(loaded.map { $0.split(separator: " ")[1] }).count == batches.reduce(0) { $0 + $1.people.count })
            _ = try await MatchIndex.rebuild(on: store.database)
            #expect(try await blocks(in: store) == loaded)
        }
    }

    /// A person changed while the load runs gets their new keys at once (the triggers that
    /// follow changes stay); the end adds everyone else's without failing on them.
    @Test func keysWrittenMeanwhileAreKept() async throws {
        try await withTestStore { store in
            try await BulkLoader(store: store).withDeferredIndexes {
                try await load(into: store)
                let first = try #require(batches.flatMap(\.people).first)
                var patch = PersonPatch()
                patch.givenName = .set("Bartholomew")
                _ = try await store.people.update(first.id, with: patch, by: TestActors.admin)
                #expect(try await !blocks(in: store).isEmpty)
            }
            let loaded = try await blocks(in: store)
            _ = try await MatchIndex.rebuild(on: store.database)
            #expect(try await blocks(in: store) == loaded)
        }
    }

    /// A process that died mid-load leaves the marker and no keys: the next open writes them.
    @Test func anInterruptedLoadIsCompletedAtTheNextOpen() async throws {
        try await withTestStore { store in
            try await BulkLoadDeferral.suspend(on: store.database)
            try await load(into: store)
            #expect(try await blocks(in: store).isEmpty)
            var logger = Logger(label: "test")
            logger.logLevel = .warning
            let reopened = try await Store.open(store.database.location, logger: logger, connections: 1)
            let completed: [String]
            do {
                #expect(try await !BulkLoadDeferral.blocksDeferred(on: reopened.database))
                completed = try await blocks(in: reopened)
                await reopened.close()
            } catch {
                await reopened.close()
                throw error
            }
            #expect(completed.count > batches.reduce(0) { $0 + $1.people.count })
            _ = try await MatchIndex.rebuild(on: store.database)
            #expect(try await blocks(in: store) == completed)
        }
    }
}
