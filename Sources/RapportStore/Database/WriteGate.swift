/// Lets one SQLite write transaction of this process at a time begin; the others wait
/// here, suspended, instead of inside SQLite.
///
/// Why: SQLiteNIO runs every statement on a small thread pool (one thread per core). A
/// transaction waiting for SQLite's write lock sleeps in SQLite's busy handler and holds a
/// pool thread while it does; with as many waiters as threads, the transaction that holds
/// the lock cannot run its next statement, and everyone times out ("database is locked").
/// Waiting here costs no thread. Writers in other processes still meet SQLite's own lock.
actor WriteGate {
    private var busy = false
    private var waiting: [CheckedContinuation<Void, Never>] = []

    /// Runs `body` once no other gated transaction is running.
    func run<T: Sendable>(_ body: @Sendable () async throws -> T) async throws -> T {
        if busy {
            await withCheckedContinuation { waiting.append($0) }
        } else {
            busy = true
        }
        defer { release() }
        return try await body()
    }

    /// Hands the gate to the next waiter, in arrival order, or opens it.
    private func release() {
        if waiting.isEmpty {
            busy = false
        } else {
            waiting.removeFirst().resume()
        }
    }
}
