import Foundation
import Logging
import RapportCore
@testable import RapportStore
import RapportTestSupport
import Testing

/// The change feed the 360 cache follows on SQLite (migration 018): a change by any
/// connection reaches the next read, an erased person is neither served nor kept in the
/// feed, and a follower that falls behind the feed forgets everything.
@Suite("The 360 cache's change feed (SQLite)")
struct ViewChangeFeedTests {
    let admin = TestActors.admin

    func document(_ store: Store, _ id: PersonID) async throws -> String {
        let bytes = try await store.customers.document(of: id, by: admin) { Array(try JSONEncoder().encode($0)) }
        return String(decoding: bytes, as: UTF8.self)
    }

    func firstPeople(_ store: Store, _ count: Int) async throws -> [PersonID] {
        try await store.database.read("SELECT id FROM people ORDER BY id LIMIT ?", [.integer(count)]).map {
            PersonID(rawValue: try $0.decode(column: "id", as: String.self))
        }
    }

    /// Another store on the same file stands for another process (an import, a second server).
    @Test func aChangeMadeByAnotherProcessReachesTheNextRead() async throws {
        guard TestStore.backend == "sqlite" else { return }
        try await withDemoStore(people: 60) { store in
            let id = try #require(try await firstPeople(store, 1).first)
            let before = try await document(store, id)
            #expect(try await document(store, id) == before)
            var logger = Logger(label: "test")
            logger.logLevel = .warning
            let other = try await Store.open(store.database.location, logger: logger, connections: 1)
            do {
                var patch = PersonPatch()
                patch.givenName = .set("Przemysław-Feed")
                _ = try await other.people.update(id, with: patch, by: admin)
                await other.close()
            } catch {
                await other.close()
                throw error
            }
            #expect(try await document(store, id).contains("Przemysław-Feed"))
        }
    }

    @Test func anErasedPersonIsNotServedAndLeavesNoTraceInTheFeed() async throws {
        guard TestStore.backend == "sqlite" else { return }
        try await withTestStore { store in
            let person = try PersonDraft(givenName: "Ewa", familyName: "Feedowa", country: "pl")
                .validated(id: store.ids.make(), now: Date())
            try await store.people.insert(person, by: admin)
            var patch = PersonPatch()
            patch.language = .set("pl")
            _ = try await store.people.update(person.id, with: patch, by: admin)
            _ = try await document(store, person.id)
            #expect(store.customers.documentCount == 1)
            try await store.database.sql.raw("DELETE FROM people WHERE id = \(bind: person.id.rawValue)").run()
            await #expect(throws: DomainError.self) { try await document(store, person.id) }
            #expect(store.customers.documentCount == 0)
            let traces = try await store.database.read(
                "SELECT COUNT(*) AS n FROM view_changes WHERE person_id = ?", [.text(person.id.rawValue)])
            #expect(try traces.first?.decode(column: "n", as: Int.self) == 0)
        }
    }

    /// More changes than the feed keeps, between two reads: the gap makes the cache forget
    /// every document, not only the ones it can still see in the feed.
    @Test func aFollowerThatFellBehindTheFeedForgetsEverything() async throws {
        guard TestStore.backend == "sqlite" else { return }
        try await withDemoStore(people: 60) { store in
            let people = try await firstPeople(store, 3)
            for id in people { _ = try await document(store, id) }
            #expect(store.customers.documentCount == 3)
            try await store.database.sql.raw(
                """
                WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < \(unsafeRaw: "\(ViewChangeFeed.kept + 10)"))
                INSERT INTO view_changes (person_id) SELECT 'per_not_cached' FROM n
                """
            ).run()
            let kept = try await store.database.read("SELECT COUNT(*) AS n FROM view_changes", [])
            #expect(try kept.first?.decode(column: "n", as: Int.self) == ViewChangeFeed.kept)
            _ = try await document(store, people[0])
            #expect(store.customers.documentCount == 1)
        }
    }

    /// A document whose reading began before the feed moved is not stored: the change that
    /// moved it may have happened after the parts were read.
    @Test func aDocumentReadBeforeTheFeedMovedIsNotStored() {
        let cache = CustomerDocumentCache(feed: nil)
        let id = PersonID(rawValue: "per_race")
        cache.advance(to: 7, forgetting: [])
        cache.store([1, 2, 3], for: id, ifCurrentAt: 6)
        #expect(cache.document(for: id) == nil)
        cache.store([1, 2, 3], for: id, ifCurrentAt: 7)
        #expect(cache.document(for: id) == [1, 2, 3])
        cache.advance(to: 8, forgetting: [id])
        #expect(cache.document(for: id) == nil)
    }

    /// A full cache evicts a document nobody read again before one that was: a person read
    /// again and again outlives a stream of one-off reads.
    @Test func aFullCacheKeepsTheDocumentsReadAgain() {
        let cache = CustomerDocumentCache(capacity: 2, feed: nil)
        let (a, b, c, d) = (PersonID(rawValue: "per_a"), PersonID(rawValue: "per_b"), PersonID(rawValue: "per_c"), PersonID(rawValue: "per_d"))
        cache.advance(to: 1, forgetting: [])
        cache.store([1], for: a, ifCurrentAt: 1)
        cache.store([2], for: b, ifCurrentAt: 1)
        #expect(cache.document(for: a) == [1])
        cache.store([3], for: c, ifCurrentAt: 1)
        #expect(cache.document(for: a) == [1])
        #expect(cache.document(for: b) == nil)
        #expect(cache.document(for: c) == [3])
        cache.store([4], for: d, ifCurrentAt: 1)
        #expect(cache.count == 2)
        #expect(cache.document(for: d) == [4])
    }
}
