import RapportCore

/// Loads a stream of batches one behind: while batch *n* is written (SQLite, on a thread
/// of its own), batch *n + 1* is turned into rows (Swift, on the caller's), so a large
/// load keeps both cores busy instead of alternating between them.
///
/// A producer that makes batches on several tasks can also turn each into rows there
/// (``BulkLoader/prepare(_:by:)``) and hand the queue only ``write(_:)``: then the rows of
/// several batches are built in parallel, and the writer is the only step in sequence.
///
/// Each batch is still its own all-or-nothing transaction. A failed write is reported by
/// the next ``load(_:by:)`` or ``write(_:)``, or by ``finish()``, which every caller must reach.
public struct BulkLoadQueue: Sendable {
    private let loader: BulkLoader
    private var writing: Task<Void, any Error>?

    public init(store: Store) {
        loader = BulkLoader(store: store)
    }

    public mutating func load(_ batch: RecordBatch, by actor: Actor) async throws {
        try await write(try await loader.prepare(batch, by: actor))
    }

    /// Starts writing `batch` once the write before it has finished.
    public mutating func write(_ batch: BulkLoader.PreparedBatch) async throws {
        try await finish()
        let loader = loader
        writing = Task { try await loader.write(batch.plan) }
    }

    /// Waits for the last write and reports its failure, if any.
    public mutating func finish() async throws {
        let last = writing
        writing = nil
        try await last?.value
    }
}
