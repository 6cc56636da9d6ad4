import SQLKit

/// What a bulk load into an empty store switches off and rebuilds at the end: the
/// secondary indexes of migrations 002, 005 and 016 (one sort per index is many times faster
/// than millions of random inserts into growing B-trees), on SQLite the view-stamp triggers
/// of migration 004 (new people have no cached 360 to invalidate), and the clustered key of
/// the blocking index `person_blocks`.
///
/// `person_blocks` is ordered by a 64-bit hash: each batch's eight or so keys per person land
/// on pages all over the table, so every commit rewrote most of it (the WAL and its
/// checkpoints, not the inserts, were most of a 1M-people load). During the load its rows go
/// to a plain table of the same name, and the keyed table waits aside as
/// `person_blocks_indexed`; the restore moves them across in key order, once.
///
/// A crash in the middle of such a load could leave the store without them, so
/// ``Store/open(_:logger:ids:connections:)`` completes whatever is missing every time it opens.
enum BulkLoadDeferral {
    /// Where the keyed blocking table waits while a load writes to a plain one.
    static let blocksAside = "person_blocks_indexed"

    static func suspend(on database: Database) async throws {
        for name in objectNames(indexStatements(database.kind), kind: "INDEX") {
            try await database.sql.raw("DROP INDEX IF EXISTS \(unsafeRaw: name)").run()
        }
        if try await !exists(blocksAside, on: database) {
            try await database.transaction { db in
                try await db.raw("ALTER TABLE person_blocks RENAME TO \(unsafeRaw: blocksAside)").run()
                try await db.raw("CREATE TABLE person_blocks (block_key BIGINT NOT NULL, person_id TEXT NOT NULL)").run()
            }
        }
        guard database.kind == .sqlite else { return }
        for name in objectNames(ViewStampTriggers.sqlite, kind: "TRIGGER") {
            try await database.sql.raw("DROP TRIGGER IF EXISTS \(unsafeRaw: name)").run()
        }
    }

    /// Creates every deferred index and trigger that does not exist.
    static func restore(on database: Database) async throws {
        var statements = indexStatements(database.kind).map {
            $0.replacingOccurrences(of: "CREATE INDEX ", with: "CREATE INDEX IF NOT EXISTS ")
        }
        if database.kind == .sqlite {
            statements += ViewStampTriggers.sqlite.map {
                $0.replacingOccurrences(of: "CREATE TRIGGER ", with: "CREATE TRIGGER IF NOT EXISTS ")
            }
        }
        try await restoreBlocks(on: database)
        for statement in statements { try await database.sql.raw("\(unsafeRaw: statement)").run() }
    }

    /// Moves the rows a load wrote to the plain `person_blocks` into the keyed table, in key
    /// order, and puts that table back in its place: one transaction, so a crash leaves
    /// either state, and the next open finishes the job.
    private static func restoreBlocks(on database: Database) async throws {
        guard try await exists(blocksAside, on: database) else { return }
        try await database.transaction { db in
            try await db.raw(
                """
                INSERT INTO \(unsafeRaw: blocksAside) (block_key, person_id)
                SELECT block_key, person_id FROM person_blocks WHERE true ORDER BY block_key, person_id ON CONFLICT DO NOTHING
                """
            ).run()
            try await db.raw("DROP TABLE person_blocks").run()
            try await db.raw("ALTER TABLE \(unsafeRaw: blocksAside) RENAME TO person_blocks").run()
        }
    }

    /// Whether table `name` exists (in the schema in use, on PostgreSQL).
    static func exists(_ name: String, on database: Database) async throws -> Bool {
        let query: SQLQueryString =
            database.kind == .sqlite
            ? "SELECT name FROM sqlite_master WHERE type = 'table' AND name = \(bind: name)"
            : "SELECT table_name FROM information_schema.tables WHERE table_schema = current_schema() AND table_name = \(bind: name)"
        return try await database.sql.raw(query).first() != nil
    }

    /// The deferred secondary indexes: all of migration 002, the spend index of the
    /// behaviour summaries of migration 005, and the by-person index of the blocking keys of
    /// migration 016.
    static func indexStatements(_ kind: Database.Kind) -> [String] {
        Migration.m002Indexes.statements(kind)
            + Migration.m005Segments.statements(kind).filter { $0.hasPrefix("CREATE INDEX customer_metrics") }
            + Migration.m016LooseMatching.statements(kind).filter { $0.hasPrefix("CREATE INDEX person_blocks") }
    }

    /// The names the statements create, from `CREATE <kind> <name> …`.
    static func objectNames(_ statements: [String], kind: String) -> [String] {
        statements.compactMap { statement in
            let words = statement.split(whereSeparator: \.isWhitespace)
            guard words.count > 2, words[0] == "CREATE", words[1] == kind else { return nil }
            return String(words[2])
        }
    }
}
