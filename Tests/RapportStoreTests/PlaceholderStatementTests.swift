import Foundation
import RapportCore
import RapportTestSupport
import SQLKit
import Testing

@testable import RapportStore

/// `SQLDatabase.rows(_:_:)` and `run(_:_:)`: statements written with `?` placeholders run as
/// they are on the direct SQLite connection of a write transaction, and through
/// `Database.queryString` everywhere else — with the same results either way.
@Suite("Statements with placeholders on every connection")
struct PlaceholderStatementTests {
    /// Non-ASCII text in the SQL before, between and after the placeholders: the placeholders
    /// are found by their byte, so the literal text around them must come through intact.
    private static let select =
        "SELECT CAST('Żółć' AS TEXT) AS literal, CAST(? AS TEXT) AS a, CAST('ąę' AS TEXT) AS mid, CAST(? AS BIGINT) AS b"

    private func check(_ rows: [any SQLRow]) throws {
        let row = try #require(rows.first)
        #expect(rows.count == 1)
        #expect(try row.text("a") == "Łukasz ? Wiśniewski")
        #expect(try row.text("mid") == "ąę")
        #expect(try row.integer("b") == 42)
    }

    @Test func theDirectWriterAndSQLKitReturnTheSameRows() async throws {
        try await withTestStore { store in
            let sql = Self.select
            let binds: [QueryValue] = [.text("Łukasz ? Wiśniewski"), .integer(42)]
            let direct = try await store.database.writeTransaction { db in
                #expect((db is DirectSQLDatabase) == (store.database.kind == .sqlite))
                return try await db.rows(sql, binds)
            }
            try check(direct)
            #expect(try direct.first?.text("literal") == "Żółć")
            let portable = try await store.database.transaction { db in
                #expect(!(db is DirectSQLDatabase))
                return try await db.rows(sql, binds)
            }
            try check(portable)
            #expect(try portable.first?.text("literal") == "Żółć")
        }
    }

    @Test func runWritesAndAFailureUndoesTheWholeTransaction() async throws {
        try await withTestStore { store in
            let insert = """
                INSERT INTO audit_log (id, at, actor_name, action, entity_type, entity_id, detail)
                VALUES (?, ?, 'test', 'create', 'thing', 'ent_placeholders', ?)
                """
            try await store.database.writeTransaction { db in
                try await db.run(insert, [.text("aud_ph_1"), .text(Timestamp.now()), .text("Żółć")])
                try await db.run(insert, [.text("aud_ph_2"), .text(Timestamp.now()), .null])
            }
            await #expect(throws: (any Error).self) {
                try await store.database.writeTransaction { db in
                    try await db.run(insert, [.text("aud_ph_3"), .text(Timestamp.now()), .null])
                    try await db.run(insert, [.text("aud_ph_1"), .text(Timestamp.now()), .null])
                }
            }
            try await store.database.transaction { db in
                try await db.run(insert, [.text("aud_ph_4"), .text(Timestamp.now()), .text("ąę")])
            }
            let rows = try await store.database.read(
                "SELECT id, detail FROM audit_log WHERE entity_id = ? ORDER BY id", [.text("ent_placeholders")])
            #expect(try rows.map { try $0.text("id") } == ["aud_ph_1", "aud_ph_2", "aud_ph_4"])
            #expect(try rows.map { try $0.optionalText("detail") } == ["Żółć", nil, "ąę"])
        }
    }
}
