import SQLKit

extension Database {
    /// Runs a read-only query written with `?` placeholders.
    ///
    /// On SQLite it runs on the caller's thread through a cached prepared statement of a
    /// read-only connection (see ``SQLiteReadPool``); it sees every committed write, but
    /// not the uncommitted writes of a transaction in progress, so call it outside
    /// transactions. On PostgreSQL it goes through the pool like any other query.
    /// The SQL must not contain `?` other than as placeholders.
    public func read(_ sql: String, _ binds: [QueryValue]) async throws -> [any SQLRow] {
        if let reader {
            return try reader.withConnection { try $0.query(sql, binds) }
        }
        return try await self.sql.raw(Self.queryString(sql, binds)).all()
    }

    /// Runs `body` with one read-only direct connection behind SQLKit's interface
    /// (``DirectSQLDatabase``), so code written for a transaction's `db` reads the committed
    /// state with it; `nil` on PostgreSQL, which has no such connections. Each statement sees
    /// the newest commit: while the caller holds SQLite's write lock, that is the state its
    /// transaction started from.
    func withReadConnection<T>(_ body: (any SQLDatabase) async throws -> T) async throws -> T? {
        guard let reader else { return nil }
        return try await reader.withConnection { (connection: DirectConnection) async throws -> T in
            try await body(
                DirectSQLDatabase(handle: .init(connection: connection), logger: sql.logger, eventLoop: sql.eventLoop))
        }
    }

    /// The first row of ``read(_:_:)``, or nil.
    public func readFirst(_ sql: String, _ binds: [QueryValue]) async throws -> (any SQLRow)? {
        try await read(sql, binds).first
    }

    /// `sql` with each `?` replaced by the next bind, in SQLKit's portable form.
    static func queryString(_ sql: String, _ binds: [QueryValue]) -> SQLQueryString {
        var query = SQLQueryString("")
        var remaining = binds[...]
        // Scanned as UTF-8 bytes (`?` is one ASCII byte, never inside another character):
        // splitting the String by Characters was most of the cost of a statement built here.
        let utf8 = sql.utf8
        var start = utf8.startIndex
        for index in utf8.indices where utf8[index] == UInt8(ascii: "?") {
            query.appendLiteral(String(sql[start..<index]))
            if let value = remaining.popFirst() { query.appendInterpolation(bind: value) }
            start = utf8.index(after: index)
        }
        query.appendLiteral(String(sql[start...]))
        return query
    }
}
