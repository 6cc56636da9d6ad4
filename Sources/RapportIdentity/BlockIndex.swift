/// Batch blocking: groups rows by every `BlockingKey`, drops oversized blocks, and enumerates
/// each candidate pair exactly once, comparing it on the spot (on all cores).
///
/// A pair sharing several keys is produced only by the first key they share, so no global
/// set of pairs is needed. Blocks larger than `maxBlockSize` are skipped for that key (their
/// members still meet through the other keys); this bounds the cost on very common values
/// (a single name shared by thousands, a placeholder e-mail).
struct BlockIndex: Sendable {
    private struct Entry: Sendable {
        let key: UInt64
        let row: Int32
    }

    private struct Block: Sendable {
        let key: Int
        let range: Range<Int>
    }

    private let keyCount = BlockingKey.allCases.count
    private var effectiveKeys: [UInt64]
    private var sorted: [[Entry]]
    private var blocks: [Block] = []

    /// Number of candidate pairs the blocks will produce before duplicate removal.
    private(set) var pairUpperBound = 0

    init(table: LinkageTable, maxBlockSize: Int) {
        let keyCount = BlockingKey.allCases.count
        let rowKeys = ParallelChunks.map(count: table.count, minimumChunk: 4096) { range in
            table.withStorage { s in range.flatMap { BlockingKey.keys(s, row: $0) } }
        }
        var keys = rowKeys.flatMap { $0 }
        let perKey = ParallelChunks.map(count: keyCount, minimumChunk: 1) { [keys] range in
            range.map { k in
                var entries: [Entry] = []
                entries.reserveCapacity(table.count)
                for row in 0..<table.count where keys[row * keyCount + k] != 0 {
                    entries.append(Entry(key: keys[row * keyCount + k], row: Int32(row)))
                }
                entries.sort { $0.key < $1.key || ($0.key == $1.key && $0.row < $1.row) }
                return entries
            }
        }
        sorted = perKey.flatMap { $0 }
        for k in 0..<keyCount {
            let entries = sorted[k]
            var start = 0
            while start < entries.count {
                var end = start + 1
                while end < entries.count && entries[end].key == entries[start].key { end += 1 }
                let size = end - start
                if size > maxBlockSize {
                    for e in entries[start..<end] { keys[Int(e.row) * keyCount + k] = 0 }
                } else if size > 1 {
                    blocks.append(Block(key: k, range: start..<end))
                    pairUpperBound += size * (size - 1) / 2
                }
                start = end
            }
        }
        effectiveKeys = keys
    }

    /// Whether rows `i` and `j` share a (non-oversized) block of `key`.
    func share(_ key: BlockingKey, _ i: Int32, _ j: Int32) -> Bool {
        let a = effectiveKeys[Int(i) * keyCount + key.rawValue]
        return a != 0 && a == effectiveKeys[Int(j) * keyCount + key.rawValue]
    }

    /// Every candidate pair once, compared.
    func candidatePairs(table: LinkageTable) -> [CandidatePair] {
        let chunks = ParallelChunks.map(count: blocks.count, minimumChunk: 256) { range in
            table.withStorage { s in
                effectiveKeys.withUnsafeBufferPointer { keys in
                    var pairs: [CandidatePair] = []
                    for block in blocks[range] {
                        let entries = sorted[block.key]
                        for x in block.range {
                            let i = Int(entries[x].row)
                            for y in (x + 1)..<block.range.upperBound {
                                let j = Int(entries[y].row)
                                if sharedEarlier(keys, i, j, before: block.key) { continue }
                                pairs.append(
                                    CandidatePair(a: Int32(i), b: Int32(j), vector: PairComparator.compare(s, i, j)))
                            }
                        }
                    }
                    return pairs
                }
            }
        }
        return chunks.flatMap { $0 }
    }

    @inline(__always)
    private func sharedEarlier(_ keys: UnsafeBufferPointer<UInt64>, _ i: Int, _ j: Int, before k: Int)
        -> Bool
    {
        let bi = i * keyCount
        let bj = j * keyCount
        for earlier in 0..<k where keys[bi + earlier] != 0 && keys[bi + earlier] == keys[bj + earlier] {
            return true
        }
        return false
    }
}
