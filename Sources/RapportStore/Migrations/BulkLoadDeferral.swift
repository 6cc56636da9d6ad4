import SQLKit

/// What a bulk load into an empty store switches off and rebuilds at the end: the
/// secondary indexes of migrations 002 and 005 (one sort per index is many times faster
/// than millions of random inserts into growing B-trees) and, on SQLite, the view-stamp
/// triggers of migration 004 (new people have no cached 360 to invalidate).
///
/// A crash in the middle of such a load could leave the store without them, so
/// ``Store/open(_:logger:ids:)`` recreates whatever is missing every time it opens.
enum BulkLoadDeferral {
    static func suspend(on database: Database) async throws {
        for name in objectNames(indexStatements(database.kind), kind: "INDEX") {
            try await database.sql.raw("DROP INDEX IF EXISTS \(unsafeRaw: name)").run()
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
        for statement in statements { try await database.sql.raw("\(unsafeRaw: statement)").run() }
    }

    /// The deferred secondary indexes: all of migration 002, and the spend index of the
    /// behaviour summaries of migration 005.
    static func indexStatements(_ kind: Database.Kind) -> [String] {
        Migration.m002Indexes.statements(kind)
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
