import RapportCore

/// Loads a stream of batches one behind: while batch *n* is written (SQLite, on a thread
/// of its own), batch *n + 1* is turned into rows (Swift, on the caller's), so a large
/// load keeps both cores busy instead of alternating between them.
///
/// Each batch is still its own all-or-nothing transaction. A failed write is reported by
/// the next ``load(_:by:)`` or by ``finish()``, which every caller must reach.
public struct BulkLoadQueue: Sendable {
    private let loader: BulkLoader
    private var writing: Task<Void, any Error>?

    public init(store: Store) {
        loader = BulkLoader(store: store)
    }

    public mutating func load(_ batch: RecordBatch, by actor: Actor) async throws {
        let subscribers = try await loader.store.outbox.subscribers(on: loader.store.database.sql)
        let deferred = try await BulkLoadDeferral.blocksDeferred(on: loader.store.database)
        let tables = try loader.prepare(batch, by: actor, subscribers: subscribers, blocksDeferred: deferred)
        try await finish()
        let loader = loader
        writing = Task { try await loader.write(tables) }
    }

    /// Waits for the last write and reports its failure, if any.
    public mutating func finish() async throws {
        let last = writing
        writing = nil
        try await last?.value
    }
}
