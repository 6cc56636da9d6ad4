/// The comparison levels of value pairs one worker has already compared.
///
/// Names, streets and cities repeat: at one million records the candidate pairs compare the
/// same few thousand given names and surnames with each other millions of times. A field's
/// level is a function of its comparator and the two value ids alone, so a direct-mapped table
/// of recent `(comparator, a, b) → level` answers most comparisons without reading bytes. The
/// whole key is stored, so a hit is always exact; a collision only evicts an older entry.
///
/// One memo belongs to one worker (it is not thread-safe) and to one table (value ids are
/// meaningful only there).
final class LevelMemo {
    private let keys: UnsafeMutablePointer<UInt64>
    private let levels: UnsafeMutablePointer<UInt8>
    private let capacity: Int
    private let shift: UInt64

    /// A memo of `2^log2Capacity` entries (the default, 65 536, about half a megabyte).
    init(log2Capacity: Int = 16) {
        capacity = 1 << log2Capacity
        shift = UInt64(64 - log2Capacity)
        keys = .allocate(capacity: capacity)
        keys.initialize(repeating: 0, count: capacity)
        levels = .allocate(capacity: capacity)
        levels.initialize(repeating: 0, count: capacity)
    }

    deinit {
        keys.deallocate()
        levels.deallocate()
    }

    /// The level of `field` for values `a` and `b`, computed by `PairComparator.fieldLevel`
    /// the first time and remembered for names and free text. Dates, codes and identifiers are
    /// nearly unique per pair: remembering them would mostly evict the names.
    @inline(__always)
    func level(_ s: TableStorage, _ field: ComparedField, _ a: Int32, _ b: Int32) -> Int {
        if a == 0 || b == 0 { return 0 }
        if a == b { return 1 }
        let tag: UInt64
        switch field.comparator {
        case .name: tag = 1
        case .text: tag = 2
        default: return PairComparator.fieldLevel(s, field, a, b)
        }
        // Ids are positive `Int32`s: 31 bits each and the two-bit tag fill 64 bits.
        let key = UInt64(UInt32(bitPattern: a)) << 33 | UInt64(UInt32(bitPattern: b)) << 2 | tag
        let slot = Int(truncatingIfNeeded: (key &* 0x9E37_79B9_7F4A_7C15) >> shift)
        if keys[slot] == key { return Int(levels[slot]) }
        let level = PairComparator.fieldLevel(s, field, a, b)
        keys[slot] = key
        levels[slot] = UInt8(level)
        return level
    }
}
