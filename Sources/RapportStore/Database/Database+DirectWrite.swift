extension Database {
    /// Runs `body` inside one `BEGIN IMMEDIATE … COMMIT` on the store's direct read-write
    /// SQLite connection, on that connection's own thread (``SQLiteWriter``): committed if it returns,
    /// rolled back if it throws. SQLite only: check ``kind`` first; PostgreSQL callers use
    /// ``transaction(_:)``.
    ///
    /// For writes of many rows (bulk loads, batches of audit entries): one prepared
    /// statement per table, kept with the connection and reused for every row, is several
    /// times faster than SQLiteNIO, which prepares every statement anew.
    func directTransaction<T: Sendable>(_ body: @escaping @Sendable (DirectConnection) throws -> T) async throws -> T {
        guard let writer else { preconditionFailure("direct transactions exist on SQLite only") }
        return try await writer.thread.runIfActive {
            try writer.withConnection { connection in
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
}
