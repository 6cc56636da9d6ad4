import Foundation
import NIOConcurrencyHelpers
import RapportCore
import SQLKit

/// Holds audit entries for reads until they are written together, at most `delay` later
/// or as soon as `batchSize` have gathered.
///
/// Why: every customer read is audited (R10.3), and on SQLite a write per read would queue
/// every reader behind the single writer. Changes are never buffered — their entries are
/// written inside the change's own transaction. Reading the audit trail, and closing the
/// store, flush first, so nothing served is ever missing from what the trail shows.
///
/// A lock, not an actor: appending is on every customer read, and must not cost a hop to
/// another executor or wait for a write.
final class AuditBuffer: Sendable {
    private struct State {
        var pending: [AuditEntry] = []
        var flushScheduled = false
        /// The latest write; each flush waits for the one before it.
        var lastWrite: Task<Void, any Error>?
    }

    private let database: Database
    private let batchSize: Int
    private let delay: Duration
    private let state = NIOLockedValueBox(State())

    /// Up to a second and 20 000 entries at a time. Every commit on SQLite also costs every
    /// reader connection its page cache and memory map (SQLite drops both when it sees the
    /// WAL changed), so under a stream of reads fewer, larger audit batches make every other
    /// read cheaper; the entries of one batch share their B-tree pages besides.
    init(database: Database, batchSize: Int = 20_000, delay: Duration = .seconds(1)) {
        self.database = database
        self.batchSize = batchSize
        self.delay = delay
    }

    /// Queues `entry`; a write follows in the background, at once if the batch is full.
    func append(_ entry: AuditEntry) {
        let wait: Duration? = state.withLockedValue { state in
            state.pending.append(entry)
            if state.pending.count >= batchSize { return .zero }
            guard !state.flushScheduled else { return nil }
            state.flushScheduled = true
            return delay
        }
        guard let wait else { return }
        Task {
            if wait > .zero { try? await Task.sleep(for: wait) }
            try? await flush()
        }
    }

    /// Writes everything pending, after any write already under way: a reader of the trail
    /// who flushes while a background flush is writing must see that write's entries too.
    /// On failure the entries stay queued for the next attempt.
    func flush() async throws {
        let write: Task<Void, any Error> = state.withLockedValue { state in
            let previous = state.lastWrite
            let next = Task {
                // An earlier write's failure belongs to its own caller; this one still runs.
                _ = try? await previous?.value
                try await self.writePending()
            }
            state.lastWrite = next
            return next
        }
        try await write.value
    }

    private func writePending() async throws {
        let batch = state.withLockedValue { state in
            state.flushScheduled = false
            defer { state.pending.removeAll(keepingCapacity: true) }
            return state.pending
        }
        guard !batch.isEmpty else { return }
        do {
            let table = BulkTable("audit_log", AuditTrail.columns, batch, values: AuditTrail.values)
            if database.kind == .sqlite {
                try await database.directTransaction { try table.insert(on: $0) }
            } else {
                try await table.insert(on: database.sql)
            }
        } catch {
            state.withLockedValue { $0.pending.insert(contentsOf: batch, at: 0) }
            throw error
        }
    }
}
