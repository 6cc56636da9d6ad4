import AsyncKit
import Logging
import NIOCore
import SQLiteKit
import SQLiteNIO

/// SQLiteNIO's database interface over a pool of ``SQLitePragmaSource`` connections:
/// each query borrows a connection, `withConnection` keeps one for a whole transaction.
struct PooledSQLiteDatabase: SQLiteDatabase {
    let pool: ThreadSafePool<SQLitePragmaSource>
    let logger: Logger

    var eventLoop: any EventLoop { pool.value.eventLoopGroup.any() }

    func query(
        _ query: String, _ binds: [SQLiteData], logger: Logger, _ onRow: @escaping @Sendable (SQLiteRow) -> Void
    ) -> EventLoopFuture<Void> {
        pool.value.withConnection(logger: logger) { $0.query(query, binds, logger: logger, onRow) }
    }

    func withConnection<T>(_ closure: @escaping @Sendable (SQLiteConnection) -> EventLoopFuture<T>) -> EventLoopFuture<T> {
        pool.value.withConnection(logger: logger, closure)
    }
}

/// AsyncKit's pool guards its state with a lock but predates `Sendable`; this box states
/// that it may be shared across tasks.
struct ThreadSafePool<Source: ConnectionPoolSource>: @unchecked Sendable {
    let value: EventLoopGroupConnectionPool<Source>
}
