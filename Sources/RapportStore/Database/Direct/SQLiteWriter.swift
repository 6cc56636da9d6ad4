import NIOConcurrencyHelpers
import NIOPosix

/// The one direct read-write connection of an SQLite store, opened on first use and used
/// by one writer at a time (SQLite admits one writer anyway), on a thread of its own.
///
/// Why a thread of its own: a direct write may wait on SQLite's lock while a SQLiteNIO
/// transaction holds it; that transaction needs SQLiteNIO's thread pool to finish, so the
/// waiting must not occupy one of that pool's threads.
///
/// A holder either runs synchronously (``withConnection(_:)``) or checks the connection out
/// for an asynchronous transaction (``checkOut()`` … ``checkIn()``); both wait while another
/// holder has it, so the connection never has two users.
final class SQLiteWriter: Sendable {
    private let path: String
    let thread: NIOThreadPool
    /// True while a holder has the connection.
    private let held = ConditionLock<Bool>(value: false)
    private let connection = NIOLockedValueBox<Slot?>(nil)

    /// Moves the connection between threads; `held` ensures one holder at a time.
    private struct Slot: @unchecked Sendable {
        let connection: DirectConnection
    }

    init(path: String) {
        self.path = path
        thread = NIOThreadPool(numberOfThreads: 1)
        thread.start()
    }

    func withConnection<T>(_ body: (DirectConnection) throws -> T) throws -> T {
        let connection = try checkOut()
        defer { checkIn() }
        return try body(connection)
    }

    /// Waits until no one holds the connection, then holds it (opening it on first use).
    /// Blocks the calling thread: call it on ``thread``.
    func checkOut() throws -> DirectConnection {
        held.lock(whenValue: false)
        held.unlock(withValue: true)
        do {
            return try connection.withLockedValue { slot in
                if let slot { return slot.connection }
                let opened = try DirectConnection(path: path, readOnly: false)
                slot = Slot(connection: opened)
                return opened
            }
        } catch {
            checkIn()
            throw error
        }
    }

    /// Gives back the connection taken with ``checkOut()``.
    func checkIn() {
        held.lock()
        held.unlock(withValue: false)
    }

    func close() async {
        connection.withLockedValue { slot in
            slot?.connection.close()
            slot = nil
        }
        try? await thread.shutdownGracefully()
    }
}
