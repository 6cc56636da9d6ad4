import Dispatch
import Foundation

/// Data-parallel sums over index ranges, deterministic regardless of thread timing.
enum Parallel {
    /// Worker count: the machine's active processors.
    static let width = max(1, ProcessInfo.processInfo.activeProcessorCount)

    /// Splits `0..<count` into fixed chunks, lets `body` add `slots` partial sums per chunk
    /// into its accumulator, and returns the slot-wise totals.
    ///
    /// Chunk boundaries depend only on `count`, and chunk results are added in index order,
    /// so the result is bit-for-bit reproducible however the chunks are scheduled. Inputs
    /// below `serialBelow` run on the calling thread; no chunk is smaller than `minimumChunk`.
    static func sum(
        count: Int, slots: Int, serialBelow: Int = 8_192, minimumChunk: Int = 2_048,
        _ body: (Range<Int>, UnsafeMutablePointer<Double>) -> Void
    ) -> [Double] {
        let chunks = count < serialBelow ? 1 : max(1, min(width * 4, count / max(minimumChunk, 1)))
        let accumulators = Accumulators(chunks: chunks, slots: slots)
        defer { accumulators.deallocate() }
        let size = (count + chunks - 1) / max(chunks, 1)
        withoutActuallyEscaping(body) { body in
            let task = ChunkTask(body: body)
            if chunks == 1 {
                task.body(0..<count, accumulators.pointer)
            } else {
                DispatchQueue.concurrentPerform(iterations: chunks) { chunk in
                    let range = min(chunk * size, count)..<min((chunk + 1) * size, count)
                    task.body(range, accumulators.pointer + chunk * slots)
                }
            }
        }
        var totals = [Double](repeating: 0, count: slots)
        for chunk in 0..<chunks {
            for slot in 0..<slots { totals[slot] += accumulators.pointer[chunk * slots + slot] }
        }
        return totals
    }

    /// Runs `body` over disjoint chunks of `0..<count` concurrently (for writes to
    /// distinct output indices).
    static func forEachChunk(
        count: Int, serialBelow: Int = 8_192, minimumChunk: Int = 2_048, _ body: (Range<Int>) -> Void
    ) {
        _ = sum(count: count, slots: 1, serialBelow: serialBelow, minimumChunk: minimumChunk) { range, _ in body(range)
        }
    }
}

/// Per-chunk accumulators; each chunk writes only its own slots.
private final class Accumulators: @unchecked Sendable {
    let pointer: UnsafeMutablePointer<Double>
    init(chunks: Int, slots: Int) {
        pointer = .allocate(capacity: chunks * slots)
        pointer.initialize(repeating: 0, count: chunks * slots)
    }
    func deallocate() { pointer.deallocate() }
}

/// Carries the chunk body into `concurrentPerform`; chunks never share mutable state.
private struct ChunkTask: @unchecked Sendable {
    let body: (Range<Int>, UnsafeMutablePointer<Double>) -> Void
}
