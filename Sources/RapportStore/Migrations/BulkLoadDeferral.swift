import Foundation
import SQLKit

/// What a bulk load into an empty store switches off and rebuilds at the end: the
/// secondary indexes of migrations 002 and 005 (one sort per index is many times faster
/// than millions of random inserts into growing B-trees), on SQLite the view-stamp triggers
/// of migration 004 (new people have no cached 360 to invalidate), and the trigger that
/// writes a new matching row's blocking keys into `person_blocks` (migration 019).
///
/// `person_blocks` is ordered by a 64-bit hash: each batch's eight or so keys per person would
/// land on pages all over the table, so every commit rewrote most of it. During the load the
/// loader writes the people's matching rows, keys included, but the trigger that copies them
/// into `person_blocks` is gone while the empty marker table `person_blocks_deferred` exists
/// (``blocksDeferred(on:)``). The restore copies every row's keys, sorted, so each page is
/// written once, and creates the trigger again and drops the marker in the same transaction.
///
/// A crash in the middle of such a load could leave the store without them, so
/// ``Store/open(_:logger:ids:connections:)`` completes whatever is missing every time it opens.
enum BulkLoadDeferral {
    /// The marker table that exists while a load leaves the blocking keys to its end.
    static let blocksMarker = "person_blocks_deferred"

    /// Whether a load in progress leaves the blocking keys to its end.
    static func blocksDeferred(on database: Database) async throws -> Bool {
        try await exists(blocksMarker, on: database)
    }

    static func suspend(on database: Database) async throws {
        for name in objectNames(indexStatements(database.kind), kind: "INDEX") {
            try await database.sql.raw("DROP INDEX IF EXISTS \(unsafeRaw: name)").run()
        }
        try await database.sql.raw("CREATE TABLE IF NOT EXISTS \(unsafeRaw: blocksMarker) (since TEXT)").run()
        try await database.sql.raw("\(unsafeRaw: BlockingRows.dropInsertTrigger(database.kind))").run()
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

    /// Writes the blocking keys a load left to its end, creates the trigger that writes new
    /// rows' keys again and drops the marker, in one transaction: a crash leaves the marker,
    /// and the next open starts again (keys already there are kept). On SQLite the keys are
    /// sorted in memory on the direct writer (``MatchIndex/fillBlocks(on:)``), on PostgreSQL
    /// by the server (``BlockingRows/fill(_:into:from:)``).
    private static func fillBlocks(on database: Database) async throws {
        guard try await blocksDeferred(on: database) else { return }
        let kind = database.kind
        // The trigger may exist: migration 019 creates it, also under an older load's marker.
        let finish = [
            BlockingRows.dropInsertTrigger(kind), BlockingRows.insertTriggerStatement(kind), "DROP TABLE \(blocksMarker)",
        ]
        if kind == .sqlite {
            try await database.directTransaction { connection in
                try MatchIndex.fillBlocks(on: connection)
                for statement in finish { try connection.execute(statement) }
            }
        } else {
            try await database.transaction { db in
                for statement in [BlockingRows.fill(kind)] + finish { try await db.raw("\(unsafeRaw: statement)").run() }
            }
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
    /// the ones migration 017 dropped or made partial in their new form) and the spend index
    /// of the behaviour summaries of migration 005.
    static func indexStatements(_ kind: Database.Kind) -> [String] {
        let replaced = Set(Migration.leanerIndexDrops + objectNames(Migration.leanerIndexes, kind: "INDEX"))
        return Migration.m002Indexes.statements(kind).filter { !replaced.contains(objectNames([$0], kind: "INDEX")[0]) }
            + Migration.leanerIndexes
            + Migration.m005Segments.statements(kind).filter { $0.hasPrefix("CREATE INDEX customer_metrics") }
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
