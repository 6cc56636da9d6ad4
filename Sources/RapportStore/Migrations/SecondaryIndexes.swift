import SQLKit

/// The secondary indexes of migration 002, which a bulk load into an empty store drops
/// and builds again at the end: one sort per index is many times faster than millions of
/// random inserts into growing B-trees.
///
/// A crash in the middle of such a load could leave the store without them, so
/// ``Store/open(_:logger:ids:)`` creates any that are missing every time it opens.
enum SecondaryIndexes {
    /// `CREATE INDEX IF NOT EXISTS …` for each index of migration 002.
    static func createStatements(for kind: Database.Kind) -> [String] {
        Migration.m002Indexes.statements(kind).map {
            $0.replacingOccurrences(of: "CREATE INDEX ", with: "CREATE INDEX IF NOT EXISTS ")
        }
    }

    /// The index names, read from their CREATE statements.
    static func names(for kind: Database.Kind) -> [String] {
        Migration.m002Indexes.statements(kind).compactMap { statement in
            let words = statement.split(separator: " ")
            guard words.count > 2, words[0] == "CREATE", words[1] == "INDEX" else { return nil }
            return String(words[2])
        }
    }

    static func drop(on database: Database) async throws {
        for name in names(for: database.kind) { try await database.sql.raw("DROP INDEX IF EXISTS \(unsafeRaw: name)").run() }
    }

    static func create(on database: Database) async throws {
        for statement in createStatements(for: database.kind) { try await database.sql.raw("\(unsafeRaw: statement)").run() }
    }
}
