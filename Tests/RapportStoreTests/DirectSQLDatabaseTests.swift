import Foundation
import RapportCore
import RapportTestSupport
import SQLKit
import Testing

@testable import RapportStore

/// `Database.writeTransaction` runs SQLKit code on the direct SQLite writer connection (and
/// is an ordinary transaction on PostgreSQL): binds, NULLs, rows, errors and rollback must
/// behave as through SQLiteNIO.
@Suite("Write transactions on the direct connection")
struct DirectSQLDatabaseTests {
    private func auditCount(_ store: Store, entity: String) async throws -> Int {
        try await store.database.sql.raw("SELECT COUNT(*) AS n FROM audit_log WHERE entity_id = \(bind: entity)")
            .first().map { try $0.integer("n") } ?? -1
    }

    private func insertAudit(_ id: String, entity: String, detail: String?, on db: any SQLDatabase) async throws {
        try await db.raw(
            """
            INSERT INTO audit_log (id, at, actor_user_id, actor_name, action, entity_type, entity_id, detail)
            VALUES (\(bind: id), \(bind: Timestamp.now()), \(bind: String?.none), 'test', 'create', 'thing', \(bind: entity),
              \(bind: detail))
            """
        ).run()
    }

    @Test func bindsEveryStorageClassAndReadsRowsBack() async throws {
        try await withTestStore { store in
            let row = try await store.database.writeTransaction { db in
                try await db.raw(
                    """
                    SELECT CAST(\(bind: "Łukasz Żółć") AS TEXT) AS t, CAST(\(bind: 42) AS BIGINT) AS i,
                      CAST(\(bind: Int64.max) AS BIGINT) AS big, CAST(\(bind: 2.5) AS DOUBLE PRECISION) AS r,
                      CAST(\(bind: String?.none) AS TEXT) AS n, CAST(\(bind: Int?.some(7)) AS BIGINT) AS some,
                      CAST(\(bind: QueryValue.text("q")) AS TEXT) AS q, CAST(\(bind: "") AS TEXT) AS e
                    """
                ).first()
            }
            let found = try #require(row)
            #expect(try found.text("t") == "Łukasz Żółć")
            #expect(try found.integer("i") == 42)
            #expect(try found.int64("big") == Int64.max)
            #expect(try found.decode(column: "r", as: Double.self) == 2.5)
            #expect(try found.optionalText("n") == nil)
            #expect(try found.decodeNil(column: "n"))
            #expect(try found.integer("some") == 7)
            #expect(try found.text("q") == "q")
            #expect(try found.text("e") == "")
            #expect(!found.contains(column: "missing"))
        }
    }

    @Test func flagsBindAsIntegersAndNestedValuesAreRefusedNamingTheStatement() async throws {
        guard TestStore.backend == "sqlite" else { return }
        try await withTestStore { store in
            let flags = try await store.database.writeTransaction { db in
                try await db.raw("SELECT \(bind: true) AS yes, \(bind: false) AS no, \(bind: UInt8(3)) AS small").first()
            }
            #expect(try flags?.integer("yes") == 1)
            #expect(try flags?.integer("no") == 0)
            #expect(try flags?.integer("small") == 3)
            do {
                _ = try await store.database.writeTransaction { db in
                    try await db.raw("SELECT \(bind: ["a", "b"]) AS list").all()
                }
                Issue.record("an array bind must be refused")
            } catch let error as DirectSQLiteError {
                #expect(error.sql.contains("AS list"))
                #expect(error.message.contains("Array"))
            }
        }
    }

    @Test func manyRowsComeBackInOrderAndStatementsAreReused() async throws {
        try await withTestStore { store in
            let entity = "ent_rows"
            let count = try await store.database.writeTransaction { db in
                for index in 0..<50 {
                    try await insertAudit("aud_rows_\(1000 + index)", entity: entity, detail: index % 2 == 0 ? nil : "odd", on: db)
                }
                let rows = try await db.raw(
                    "SELECT id, detail FROM audit_log WHERE entity_id = \(bind: entity) ORDER BY id"
                ).all()
                #expect(try rows.first?.text("id") == "aud_rows_1000")
                #expect(try rows.last?.text("id") == "aud_rows_1049")
                #expect(try rows.filter { try $0.optionalText("detail") == nil }.count == 25)
                return rows.count
            }
            #expect(count == 50)
            #expect(try await auditCount(store, entity: entity) == 50)
        }
    }

    @Test func aThrowRollsEverythingBackAndTheNextTransactionWorks() async throws {
        try await withTestStore { store in
            struct Refused: Error {}
            await #expect(throws: Refused.self) {
                try await store.database.writeTransaction { db in
                    try await insertAudit("aud_rollback_1", entity: "ent_rollback", detail: nil, on: db)
                    throw Refused()
                }
            }
            #expect(try await auditCount(store, entity: "ent_rollback") == 0)
            try await store.database.writeTransaction { db in
                try await insertAudit("aud_rollback_2", entity: "ent_rollback", detail: "kept", on: db)
            }
            #expect(try await auditCount(store, entity: "ent_rollback") == 1)
        }
    }

    @Test func aFailingStatementIsReportedWithItsTextAndUndoesTheTransaction() async throws {
        try await withTestStore { store in
            do {
                try await store.database.writeTransaction { db in
                    try await insertAudit("aud_dup", entity: "ent_dup", detail: nil, on: db)
                    try await insertAudit("aud_dup", entity: "ent_dup", detail: nil, on: db)
                }
                Issue.record("a duplicate primary key must fail")
            } catch {
                if TestStore.backend == "sqlite" {
                    let failure = try #require(error as? DirectSQLiteError)
                    #expect(failure.message.contains("UNIQUE"))
                    #expect(failure.sql.contains("INSERT INTO audit_log"))
                }
            }
            #expect(try await auditCount(store, entity: "ent_dup") == 0)
        }
    }

    @Test func writersTakeTurnsWithSQLiteNIOTransactionsAndDirectOnes() async throws {
        try await withTestStore { store in
            let entity = "ent_turns"
            try await withThrowingTaskGroup(of: Void.self) { group in
                for index in 0..<6 {
                    group.addTask {
                        let id = "aud_turns_\(index)"
                        switch index % 2 {
                        case 0:
                            try await store.database.writeTransaction { db in
                                try await insertAudit(id, entity: entity, detail: nil, on: db)
                                try await Task.sleep(for: .milliseconds(20))
                                try await insertAudit(id + "b", entity: entity, detail: nil, on: db)
                            }
                        default:
                            try await store.database.transaction { db in
                                try await insertAudit(id, entity: entity, detail: nil, on: db)
                                try await insertAudit(id + "b", entity: entity, detail: nil, on: db)
                            }
                        }
                    }
                }
                if store.database.kind == .sqlite {
                    group.addTask {
                        try await store.database.directTransaction { connection in
                            _ = try connection.run(
                                "INSERT INTO audit_log (id, at, actor_name, action, entity_type, entity_id) VALUES (?, ?, 't', 'create', 'x', ?)",
                                [.text("aud_turns_direct"), .text(Timestamp.now()), .text(entity)])
                        }
                        return ()
                    }
                }
                try await group.waitForAll()
            }
            #expect(try await auditCount(store, entity: entity) == (store.database.kind == .sqlite ? 13 : 12))
        }
    }
}
