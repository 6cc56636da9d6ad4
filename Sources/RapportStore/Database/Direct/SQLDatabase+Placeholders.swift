import SQLKit

extension SQLDatabase {
    /// Runs `sql`, written with `?` placeholders for `binds`, and returns its rows.
    ///
    /// Inside a ``Database/writeTransaction(_:)`` on SQLite (a ``DirectSQLDatabase``) the text
    /// goes as it is to the direct connection's prepared-statement cache: no SQLKit query
    /// object is built and serialised again for every statement, which was a quarter of an
    /// ingestion batch's own CPU time. Anywhere else (PostgreSQL, SQLiteNIO) it runs as
    /// ``Database/queryString(_:_:)``. The SQL must not contain `?` other than as placeholders.
    func rows(_ sql: String, _ binds: [QueryValue]) async throws -> [any SQLRow] {
        if let direct = self as? DirectSQLDatabase { return try direct.handle.connection.query(sql, binds) }
        return try await raw(Database.queryString(sql, binds)).all()
    }

    /// ``rows(_:_:)`` of a statement whose rows are not wanted (INSERT, UPDATE, DELETE).
    func run(_ sql: String, _ binds: [QueryValue]) async throws {
        if let direct = self as? DirectSQLDatabase {
            try direct.handle.connection.run(sql, binds)
            return
        }
        try await raw(Database.queryString(sql, binds)).run()
    }
}
