import Dispatch

/// Splits `0..<count` into contiguous chunks and runs them on all cores
/// (`DispatchQueue.concurrentPerform`), returning one result per chunk in order.
///
/// Chunks are numerous enough (several per core) that uneven blocks balance out.
enum ParallelChunks {
    static func map<T: Sendable>(
        count: Int, minimumChunk: Int = 1024, _ body: @Sendable (Range<Int>) -> T
    ) -> [T] {
        guard count > 0 else { return [] }
        let chunkCount = max(1, min(64, count / max(minimumChunk, 1)))
        let size = (count + chunkCount - 1) / chunkCount
        let results = ResultSlots<T>(count: chunkCount)
        DispatchQueue.concurrentPerform(iterations: chunkCount) { chunk in
            let start = chunk * size
            let end = min(count, start + size)
            results.store(start < end ? body(start..<end) : nil, at: chunk)
        }
        return results.values()
    }

    /// The chunks' elements in order, in one array. Each chunk is released as soon as it is
    /// copied, so the peak is the total plus one chunk rather than twice the total (tens of
    /// millions of candidate pairs at one million records).
    static func concatenate<T>(_ chunks: consuming [[T]]) -> [T] {
        var result: [T] = []
        result.reserveCapacity(chunks.reduce(0) { $0 + $1.count })
        var pending = chunks
        pending.reverse()
        while let chunk = pending.popLast() { result.append(contentsOf: chunk) }
        return result
    }
}

/// Write-once slots filled by concurrent chunks; each slot is written by exactly one chunk
/// before `values()` is read, which is what makes the unchecked sendability sound.
private final class ResultSlots<T>: @unchecked Sendable {
    private var slots: [T?]
    init(count: Int) { slots = Array(repeating: nil, count: count) }
    func store(_ value: T?, at index: Int) {
        slots.withUnsafeMutableBufferPointer { $0[index] = value }
    }
    func values() -> [T] { slots.compactMap { $0 } }
}
