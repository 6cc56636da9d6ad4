import NIOConcurrencyHelpers
import NIOPosix

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
