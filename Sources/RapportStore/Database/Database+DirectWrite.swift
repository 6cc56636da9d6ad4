import NIOConcurrencyHelpers
import NIOPosix

extension Database {
    /// Runs `body` inside one `BEGIN IMMEDIATE … COMMIT` on the store's direct read-write
    /// SQLite connection, on NIO's blocking-work thread pool: committed if it returns,
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

/// The one direct read-write connection of an SQLite store, opened on first use and used
/// by one writer at a time (SQLite admits one writer anyway), on a thread of its own.
///
/// Why a thread of its own: a direct write may wait on SQLite's lock while a SQLiteNIO
/// transaction holds it; that transaction needs SQLiteNIO's thread pool to finish, so the
/// waiting must not occupy one of that pool's threads.
final class SQLiteWriter: Sendable {
    private let path: String
    let thread: NIOThreadPool
    private let connection = NIOLockedValueBox<Slot?>(nil)

    /// Moves the connection between threads; the lock ensures one holder at a time.
    private struct Slot: @unchecked Sendable {
        let connection: DirectConnection
    }

    init(path: String) {
        self.path = path
        thread = NIOThreadPool(numberOfThreads: 1)
        thread.start()
    }

    func withConnection<T>(_ body: (DirectConnection) throws -> T) throws -> T {
        try connection.withLockedValue { slot in
            if slot == nil { slot = Slot(connection: try DirectConnection(path: path, readOnly: false)) }
            return try body(slot!.connection)
        }
    }

    func close() async {
        connection.withLockedValue { slot in
            slot?.connection.close()
            slot = nil
        }
        try? await thread.shutdownGracefully()
    }
}
