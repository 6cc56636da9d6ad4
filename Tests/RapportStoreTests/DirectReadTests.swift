import Foundation
import RapportCore
import RapportStore
import RapportTestSupport
import Testing

/// `Database.read` is the hot read path: straight SQLite on the caller's thread, or the
/// pool on PostgreSQL. Both must decode the same values the same way.
@Suite("Direct reads")
struct DirectReadTests {
    @Test func decodesEveryStorageClassAndNulls() async throws {
        try await withTestStore { store in
            let rows = try await store.database.read(
                "SELECT ? AS t, CAST(? AS BIGINT) AS i, CAST(? AS DOUBLE PRECISION) AS r, CAST(NULL AS TEXT) AS n, CAST(1 AS INTEGER) AS f",
                [.text("Łukasz Żółć"), .integer(42), .real(2.5)])
            let row = try #require(rows.first)
            #expect(try row.decode(column: "t", as: String.self) == "Łukasz Żółć")
            #expect(try row.decode(column: "i", as: Int.self) == 42)
            #expect(try row.decode(column: "i", as: Int64.self) == 42)
            if TestStore.backend == "sqlite" {
                // SQLite's dynamic typing: an integer column also reads as a double.
                #expect(try row.decode(column: "i", as: Double.self) == 42)
            }
            #expect(try row.decode(column: "r", as: Double.self) == 2.5)
            #expect(try row.decode(column: "n", as: String?.self) == nil)
            #expect(try row.decode(column: "n", as: Double?.self) == nil)
            #expect(try row.decode(column: "n", as: Int?.self) == nil)
            #expect(try row.decode(column: "i", as: Int?.self) == 42)
            #expect(try row.decode(column: "i", as: Int64?.self) == 42)
            #expect(throws: (any Error).self) { try row.decode(column: "n", as: String.self) }
            if TestStore.backend == "sqlite" {
                #expect(try row.decode(column: "f", as: Bool.self))
                #expect(throws: (any Error).self) { try row.decode(column: "i", as: String.self) }
            }
            #expect(try row.decodeNil(column: "n"))
            #expect(try row.decode(column: "t", as: String?.self) == "Łukasz Żółć")
            #expect(row.contains(column: "f"))
            let empty = try #require(try await store.database.readFirst("SELECT ? AS e", [.text("")]))
            #expect(try empty.decode(column: "e", as: String?.self) == "")
            #expect(!row.contains(column: "missing"))
            #expect(throws: (any Error).self) { try row.decode(column: "missing", as: String.self) }
            #expect(throws: (any Error).self) { try row.decode(column: "t", as: Int.self) }
        }
    }

    @Test func seesCommittedWritesAndKeepsStatementsReusable() async throws {
        try await withTestStore { store in
            let first = try PersonDraft(givenName: "Ada", familyName: "Lovelace", country: "US").validated(id: store.ids.make(), now: Date())
            try await store.people.insert(first, by: TestActors.admin)
            let query = "SELECT display_name FROM people WHERE id = ?"
            #expect(try await store.database.readFirst(query, [.text(first.id.rawValue)])?.decode(column: "display_name", as: String.self) == "Ada Lovelace")
            let second = try PersonDraft(givenName: "Dewi", familyName: "Sartika", country: "ID").validated(id: store.ids.make(), now: Date())
            try await store.people.insert(second, by: TestActors.admin)
            #expect(try await store.database.readFirst(query, [.text(second.id.rawValue)])?.decode(column: "display_name", as: String.self) == "Dewi Sartika")
            #expect(try await store.database.readFirst(query, [.text("per_missing")]) == nil)
        }
    }

    @Test func sqliteReadsCannotWrite() async throws {
        guard TestStore.backend == "sqlite" else { return }
        try await withTestStore { store in
            await #expect(throws: DirectSQLiteError.self) {
                _ = try await store.database.read("DELETE FROM people", [])
            }
            await #expect(throws: DirectSQLiteError.self) {
                _ = try await store.database.read("SELECT ? AS a", [])
            }
        }
    }
}
