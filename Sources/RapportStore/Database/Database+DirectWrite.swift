import SQLKit

extension Database {
    /// Runs `body` inside one `BEGIN IMMEDIATE … COMMIT` on the store's direct read-write
    /// SQLite connection, on that connection's own thread (``SQLiteWriter``): committed if it returns,
    /// rolled back if it throws. SQLite only: check ``kind`` first; PostgreSQL callers use
    /// ``transaction(_:)``.
    ///
    /// For writes of many rows (bulk loads, batches of audit entries): one prepared
    /// statement per table, kept with the connection and reused for every row, is several
    /// times faster than SQLiteNIO, which prepares every statement anew.
    ///
    /// `checkingForeignKeys: false` turns SQLite's foreign-key enforcement off for this one
    /// transaction, for writes whose references hold by construction (the caller says why).
    /// The pragma has no effect inside a transaction, so it is set around `BEGIN … COMMIT`.
    func directTransaction<T: Sendable>(
        checkingForeignKeys: Bool = true, _ body: @escaping @Sendable (DirectConnection) throws -> T
    ) async throws -> T {
        guard let writer else { preconditionFailure("direct transactions exist on SQLite only") }
        return try await writer.thread.runIfActive {
            try writer.withConnection { connection in
                if !checkingForeignKeys { try connection.execute("PRAGMA foreign_keys = OFF") }
                defer { if !checkingForeignKeys { try? connection.execute("PRAGMA foreign_keys = ON") } }
                try connection.execute("BEGIN IMMEDIATE")
                do {
                    let result = try body(connection)
                    try connection.execute("COMMIT")
                    return result
                } catch {
                    try? connection.execute("ROLLBACK")
                    throw error
                }
            }
        }
    }

    /// Runs `body` on the direct read-write connection outside any transaction, on the
    /// writer's thread: each statement of `body` commits on its own. For the schema work at the
    /// end of a bulk load (``BulkLoadDeferral``), which sets connection pragmas around it.
    func directConnection<T: Sendable>(_ body: @escaping @Sendable (DirectConnection) throws -> T) async throws -> T {
        guard let writer else { preconditionFailure("direct connections exist on SQLite only") }
        return try await writer.thread.runIfActive { try writer.withConnection(body) }
    }

    /// ``transaction(_:)`` for transactions of many small statements (ingestion batches). On
    /// SQLite, `body` gets the direct read-write connection behind SQLKit's interface
    /// (``DirectSQLDatabase``): every statement is a cached prepared statement stepped on the
    /// caller's thread, with no hop to SQLiteNIO's pool. On PostgreSQL it is ``transaction(_:)``.
    ///
    /// Exclusivity: the transaction first queues at the ``WriteGate`` like every SQLiteNIO
    /// transaction of this process, then checks the writer connection out (on the writer's
    /// thread, which is also where `BEGIN IMMEDIATE` may wait for another process's lock), so
    /// direct transactions wait too. Readers (WAL) are not held up; they see the batch once
    /// committed.
    ///
    /// `attempts` > 1 lets PostgreSQL run the body again after undoing it to break a deadlock
    /// (``transaction(attempts:_:)``); SQLite's single writer never deadlocks.
    public func writeTransaction<T: Sendable>(
        attempts: Int = 1, _ body: @escaping @Sendable (any SQLDatabase) async throws -> T
    ) async throws -> T {
        guard kind == .sqlite, let writer else { return try await transaction(attempts: attempts, body) }
        return try await writeGate.run {
            let handle = try await writer.thread.runIfActive {
                let connection = try writer.checkOut()
                do {
                    try connection.execute("BEGIN IMMEDIATE")
                } catch {
                    writer.checkIn()
                    throw error
                }
                return DirectSQLDatabase.Handle(connection: connection)
            }
            defer { writer.checkIn() }
            let db = DirectSQLDatabase(handle: handle, logger: sql.logger, eventLoop: sql.eventLoop)
            do {
                let result = try await body(db)
                try handle.connection.execute("COMMIT")
                return result
            } catch {
                try? handle.connection.execute("ROLLBACK")
                throw error
            }
        }
    }
}
