import Logging
import NIOCore
import SQLKit
import SQLiteKit

/// SQLKit's `SQLDatabase` over a ``DirectConnection``: the repositories' `db.raw(…)` code runs
/// unchanged, but each statement is serialised with the SQLite dialect, looked up in the
/// connection's prepared-statement cache, bound and stepped on the calling thread.
///
/// Why: through SQLiteNIO every statement is parsed anew and handed to a thread pool and
/// back; an ingested record makes about twenty of them, and that round trip, not SQLite's
/// work, was most of a record's time. Used for the write transactions of
/// ``Database/writeTransaction(_:)``, which hold the store's one read-write connection
/// exclusively for their duration, so no other code touches `connection` meanwhile.
struct DirectSQLDatabase: SQLDatabase {
    /// Moves the connection into `Sendable` closures; the owning transaction guarantees one
    /// user at a time.
    struct Handle: @unchecked Sendable {
        let connection: DirectConnection
    }

    let handle: Handle
    let logger: Logger
    let eventLoop: any EventLoop
    var dialect: any SQLDialect { SQLiteDialect() }
    var queryLogLevel: Logger.Level? { nil }

    func execute(sql query: any SQLExpression, _ onRow: @escaping @Sendable (any SQLRow) -> Void) -> EventLoopFuture<Void> {
        do {
            try run(query, onRow)
            return eventLoop.makeSucceededVoidFuture()
        } catch {
            return eventLoop.makeFailedFuture(error)
        }
    }

    func execute(sql query: any SQLExpression, _ onRow: @escaping @Sendable (any SQLRow) -> Void) async throws {
        try run(query, onRow)
    }

    /// Runs `query` now; rows go to `onRow` in order. A bind that is not a column value fails
    /// before anything runs, with the statement named.
    private func run(_ query: any SQLExpression, _ onRow: (any SQLRow) -> Void) throws {
        var serializer = SQLSerializer(database: self)
        query.serialize(to: &serializer)
        let binds = try serializer.binds.map { bind in
            guard let value = QueryValue.bound(bind) else {
                throw DirectSQLiteError(
                    code: 20, message: "cannot bind a value of type \(type(of: bind)): not text, a number or NULL",
                    sql: serializer.sql)
            }
            return value
        }
        for row in try handle.connection.query(serializer.sql, binds) { onRow(row) }
    }
}
