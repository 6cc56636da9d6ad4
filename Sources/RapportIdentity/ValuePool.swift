/// Interned values of all compared fields: each distinct folded value is stored once as bytes,
/// with its phonetic code (for names) and its relative frequency within its field.
///
/// Records refer to values by `Int32` id; id `0` is the empty (missing) value. Comparing two
/// records first compares ids, and only reads bytes when the ids differ.
struct ValuePool: Sendable {
    private(set) var bytes: [UInt8] = []
    private(set) var starts: [Int32] = [0]
    private(set) var lengths: [Int32] = [0]
    private(set) var phonetic: [UInt64] = [0]
    private(set) var counts: [Int32] = [0]
    private(set) var fieldTotals: [Int] = Array(repeating: 0, count: ComparedField.allCases.count)
    private(set) var fieldOf: [UInt8] = [0]
    private var lookup: [[String: Int32]] = Array(repeating: [:], count: ComparedField.allCases.count)

    /// The id of `value` in `field`, adding it when new, and counts one occurrence.
    mutating func intern(_ value: String, field: ComparedField) -> Int32 {
        guard !value.isEmpty else { return 0 }
        fieldTotals[field.rawValue] += 1
        if let id = lookup[field.rawValue][value] {
            counts[Int(id)] += 1
            return id
        }
        let id = Int32(starts.count)
        let utf8 = Array(value.utf8)
        starts.append(Int32(bytes.count))
        lengths.append(Int32(utf8.count))
        bytes.append(contentsOf: utf8)
        counts.append(1)
        fieldOf.append(UInt8(field.rawValue))
        phonetic.append(field.comparator == .name ? Self.phoneticHash(utf8) : 0)
        lookup[field.rawValue][value] = id
        return id
    }

    /// The id of `value` in `field` without adding it, or `nil` when unseen.
    func existingID(_ value: String, field: ComparedField) -> Int32? {
        value.isEmpty ? 0 : lookup[field.rawValue][value]
    }

    /// Share of non-missing values of the value's field that equal it.
    func frequency(_ id: Int32) -> Double {
        let total = fieldTotals[Int(fieldOf[Int(id)])]
        return total == 0 ? 0 : Double(counts[Int(id)]) / Double(total)
    }

    /// The folded string of a value.
    func string(_ id: Int32) -> String {
        let start = Int(starts[Int(id)])
        return String(decoding: bytes[start..<start + Int(lengths[Int(id)])], as: UTF8.self)
    }

    /// A 64-bit FNV-1a hash of a folded value; never `0`.
    static func valueHash(_ folded: UnsafeBufferPointer<UInt8>) -> UInt64 {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in folded { hash = (hash ^ UInt64(byte)) &* 0x100_0000_01b3 }
        return hash | 1
    }

    /// A 64-bit FNV-1a hash of the NYSIIS code of each word-joined name; never `0`.
    static func phoneticHash(_ folded: [UInt8]) -> UInt64 {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in Nysiis.code(folded) {
            hash = (hash ^ UInt64(byte)) &* 0x100_0000_01b3
        }
        return hash | 1
    }
}
