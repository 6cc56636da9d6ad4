import NIOConcurrencyHelpers

/// Read-only direct connections to one SQLite file, handed out one caller at a time.
///
/// A read runs synchronously on the caller's thread: the statements it serves are index
/// lookups of well under a millisecond, cheaper than any hop to another thread. While one
/// caller holds a connection, another gets a second one; connections are opened on demand,
/// and at most `keep` idle ones are kept for reuse.
final class SQLiteReadPool: Sendable {
    private let path: String
    private let keep: Int
    private let idle = NIOLockedValueBox<[Slot]>([])

    /// Moves a connection between threads; only one holder uses it at a time.
    private struct Slot: @unchecked Sendable {
        let connection: DirectConnection
    }

    init(path: String, keep: Int = 16) {
        self.path = path
        self.keep = keep
    }

    /// Runs `body` with a connection of its own.
    func withConnection<T>(_ body: (DirectConnection) throws -> T) throws -> T {
        let slot = try checkOut()
        defer { checkIn(slot) }
        return try body(slot.connection)
    }

    /// ``withConnection(_:)`` for a caller that awaits while it holds the connection (a
    /// batch's ``ResolutionLookahead``, which hands each answer on as soon as it is read).
    func withConnection<T>(_ body: (DirectConnection) async throws -> T) async throws -> T {
        let slot = try checkOut()
        defer { checkIn(slot) }
        return try await body(slot.connection)
    }

    /// An idle connection, or a new one.
    private func checkOut() throws -> Slot {
        try idle.withLockedValue { $0.popLast() } ?? Slot(connection: DirectConnection(path: path, readOnly: true))
    }

    /// Keeps `slot` for reuse, unless `keep` idle ones are kept already.
    private func checkIn(_ slot: Slot) {
        idle.withLockedValue { slots in
            if slots.count < keep { slots.append(slot) }
        }
    }

    /// Closes the idle connections; ones in use close when their holder returns them.
    func close() {
        let slots = idle.withLockedValue { slots in
            defer { slots.removeAll() }
            return slots
        }
        for slot in slots { slot.connection.close() }
    }
}
