import Foundation
import SQLKit

/// What a bulk load into an empty store switches off and rebuilds at the end: the
/// secondary indexes of migrations 002, 005 and 016 (one sort per index is many times faster
/// than millions of random inserts into growing B-trees), on SQLite the view-stamp triggers
/// of migration 004 (new people have no cached 360 to invalidate), and the blocking keys of
/// loose matching (`person_blocks`).
///
/// `person_blocks` is ordered by a 64-bit hash: each batch's eight or so keys per person would
/// land on pages all over the table, so every commit rewrote most of it. During the load the
/// loader writes the people's matching rows but none of their keys, while the empty marker
/// table `person_blocks_deferred` exists (``blocksDeferred(on:)``, asked once per batch, also
/// by loaders in other processes); the restore computes the keys from the stored matching
/// rows, sorts them in memory and appends them to the keyed table in its own order
/// (``MatchIndex/sortedBlocks(on:)``), dropping the marker in the same transaction.
///
/// A crash in the middle of such a load could leave the store without them, so
/// ``Store/open(_:logger:ids:connections:)`` completes whatever is missing every time it opens.
/// That includes a load interrupted by an older version, which wrote the keys to a plain
/// `person_blocks` while the keyed table waited aside as `person_blocks_indexed`.
enum BulkLoadDeferral {
    /// Where an older version's load set the keyed blocking table aside.
    static let blocksAside = "person_blocks_indexed"
    /// The marker table that exists while a load leaves the blocking keys to its end.
    static let blocksMarker = "person_blocks_deferred"

    /// Whether a load in progress leaves the blocking keys to its end: bulk loaders then
    /// write none.
    static func blocksDeferred(on database: Database) async throws -> Bool {
        try await exists(blocksMarker, on: database)
    }

    static func suspend(on database: Database) async throws {
        for name in objectNames(indexStatements(database.kind), kind: "INDEX") {
            try await database.sql.raw("DROP INDEX IF EXISTS \(unsafeRaw: name)").run()
        }
        try await database.sql.raw("CREATE TABLE IF NOT EXISTS \(unsafeRaw: blocksMarker) (since TEXT)").run()
        guard database.kind == .sqlite else { return }
        for name in objectNames(ViewStampTriggers.sqlite, kind: "TRIGGER") {
            try await database.sql.raw("DROP TRIGGER IF EXISTS \(unsafeRaw: name)").run()
        }
    }

    /// Creates every deferred index and trigger that does not exist, logging how long each
    /// step took. On SQLite the statements run on the direct writer with the sorter given
    /// every core and more memory (``DirectConnection/withLargeSorts(_:)``): each index is one
    /// sort of its whole table.
    static func restore(on database: Database) async throws {
        var steps = indexStatements(database.kind).map {
            ("built \(objectNames([$0], kind: "INDEX").first ?? "an index")",
             $0.replacingOccurrences(of: "CREATE INDEX ", with: "CREATE INDEX IF NOT EXISTS "))
        }
        if database.kind == .sqlite {
            steps += ViewStampTriggers.sqlite.map {
                ("made a trigger", $0.replacingOccurrences(of: "CREATE TRIGGER ", with: "CREATE TRIGGER IF NOT EXISTS "))
            }
        }
        try await timed("moved an older load's blocking keys", on: database) { try await restoreBlocks(on: database) }
        try await timed("wrote the deferred blocking keys", on: database) { try await fillBlocks(on: database) }
        for (step, statement) in steps {
            try await timed(step, on: database) {
                if database.kind == .sqlite {
                    try await database.directConnection { connection in
                        try connection.withLargeSorts { try connection.execute(statement) }
                    }
                } else {
                    try await database.sql.raw("\(unsafeRaw: statement)").run()
                }
            }
        }
    }

    private static func timed(_ step: String, on database: Database, _ body: () async throws -> Void) async throws {
        let started = Date()
        try await body()
        let seconds = Date().timeIntervalSince(started)
        guard seconds >= 0.05 else { return }
        database.sql.logger.info("bulk load: \(step) in \(String(format: "%.1f", seconds)) s")
    }

    /// Writes the blocking keys a load left to its end (``MatchIndex/sortedBlocks(on:)``) and
    /// drops the marker, in one transaction: a crash leaves the marker, and the next open
    /// starts again (keys already there are kept).
    ///
    /// On SQLite the matching rows are read inside the same transaction, with foreign-key
    /// enforcement off for it: every key's person comes from a `person_match_rows` row of that
    /// transaction, whose own reference to `people` holds, so checking each of the millions of
    /// keys against `people` (a random seek apiece, in key order) would prove nothing new.
    private static func fillBlocks(on database: Database) async throws {
        guard try await blocksDeferred(on: database) else { return }
        let drop = "DROP TABLE \(blocksMarker)"
        if database.kind == .sqlite {
            try await database.directTransaction(checkingForeignKeys: false) { connection in
                let (blocks, people) = try MatchIndex.sortedBlocks(on: connection)
                try MatchIndex.insert(blocks, people: people, on: connection)
                try connection.execute(drop)
            }
        } else {
            let (blocks, people) = try await MatchIndex.sortedBlocks(on: database)
            try await database.transaction { db in
                try await MatchIndex.insert(blocks, people: people, on: db)
                try await db.raw("\(unsafeRaw: drop)").run()
            }
        }
    }

    /// Moves the rows an older version's load wrote to a plain `person_blocks` into the keyed
    /// table, in key order, and puts that table back in its place: one transaction, so a crash leaves
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

    /// The deferred secondary indexes, as the migrations leave them: migration 002's (with
    /// the ones migration 017 dropped or made partial in their new form), the spend index of
    /// the behaviour summaries of migration 005, and the by-person index of the blocking keys
    /// of migration 016.
    static func indexStatements(_ kind: Database.Kind) -> [String] {
        let replaced = Set(Migration.leanerIndexDrops + objectNames(Migration.leanerIndexes, kind: "INDEX"))
        return Migration.m002Indexes.statements(kind).filter { !replaced.contains(objectNames([$0], kind: "INDEX")[0]) }
            + Migration.leanerIndexes
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
