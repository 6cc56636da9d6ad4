import NIOPosix

extension Database {
    /// Runs `body` inside one `BEGIN IMMEDIATE … COMMIT` on a direct read-write SQLite
    /// connection of its own, on NIO's blocking-work thread pool: committed if it returns,
    /// rolled back if it throws. SQLite only: check ``kind`` first; PostgreSQL callers use
    /// ``transaction(_:)``.
    ///
    /// For bulk writes only: one prepared statement per table reused for every row is
    /// several times faster than SQLiteNIO, which prepares every statement anew.
    func directTransaction<T: Sendable>(_ body: @escaping @Sendable (DirectConnection) throws -> T) async throws -> T {
        guard case .sqlite(let path) = location else { preconditionFailure("direct transactions exist on SQLite only") }
        return try await NIOThreadPool.singleton.runIfActive {
            let connection = try DirectConnection(path: path, readOnly: false)
            defer { connection.close() }
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
