import Foundation
import Logging
import RapportCore
import SQLKit

/// Holds audit entries for reads until they are written in one multi-row INSERT, at most
/// `delay` later or as soon as `batchSize` have gathered.
///
/// Why: every customer read is audited (R10.3), and on SQLite a write per read would queue
/// every reader behind the single writer. Changes are never buffered — their entries are
/// written inside the change's own transaction. Reading the audit trail, and closing the
/// store, flush first, so nothing served is ever missing from what the trail shows.
actor AuditBuffer {
    private let database: Database
    private let batchSize: Int
    private let delay: Duration
    private var pending: [AuditEntry] = []
    private var scheduled: Task<Void, Never>?

    init(database: Database, batchSize: Int = 500, delay: Duration = .milliseconds(200)) {
        self.database = database
        self.batchSize = batchSize
        self.delay = delay
    }

    func append(_ entry: AuditEntry) async throws {
        pending.append(entry)
        if pending.count >= batchSize {
            try await flush()
        } else if scheduled == nil {
            let delay = delay
            scheduled = Task { [weak self] in
                try? await Task.sleep(for: delay)
                try? await self?.flush()
            }
        }
    }

    /// Writes everything pending. On failure the entries stay queued for the next attempt.
    func flush() async throws {
        scheduled?.cancel()
        scheduled = nil
        guard !pending.isEmpty else { return }
        let batch = pending
        pending.removeAll(keepingCapacity: true)
        do {
            let table = BulkTable("audit_log", AuditTrail.columns, batch, values: AuditTrail.values)
            if database.kind == .sqlite {
                try await database.directTransaction { try table.insert(on: $0) }
            } else {
                try await table.insert(on: database.sql)
            }
        } catch {
            pending.insert(contentsOf: batch, at: 0)
            throw error
        }
    }
}
