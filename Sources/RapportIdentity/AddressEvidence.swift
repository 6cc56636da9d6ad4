import Foundation

/// Bounds the evidence of the address fields taken together.
///
/// Street number, street, city, postcode and state are not independent: a shared address makes
/// all of them agree at once, and summing their weights (each +5 to +12) counts one fact five
/// times, outweighing birth date and given name for relatives living together. The positive
/// address evidence of a pair is therefore capped at `log2(1 / u)`, where `u` is how often two
/// random records share the whole address (street, house number, and postcode or city): a
/// shared address can say no more than its rarity says.
enum AddressEvidence {
    /// The fields whose agreement the cap bounds.
    static let fields: [ComparedField] = [.streetNumber, .street, .locality, .city, .postcode, .state]

    /// Bit mask of `fields` by raw value.
    static let mask: Int = fields.reduce(0) { $0 | 1 << $1.rawValue }

    /// `log2(1 / u)` for a shared whole address, from `sampleSize` seeded random pairs (one
    /// pseudo-count, so a sample without any shared address gives `log2(sampleSize)`); `nil`
    /// when the table has no addresses.
    static func cap(table: LinkageTable, sampleSize: Int, seed: UInt64) -> Double? {
        let n = table.count
        guard n > 1 else { return nil }
        let total = min(sampleSize, n * (n - 1) / 2)
        let counts = ParallelChunks.map(count: total, minimumChunk: 50_000) { range in
            var rng = SeededGenerator(seed: seed &+ 0xADD7 &+ UInt64(range.lowerBound))
            var shared = 0
            var present = 0
            table.withStorage { s in
                for _ in range {
                    let i = Int.random(in: 0..<n, using: &rng)
                    var j = Int.random(in: 0..<(n - 1), using: &rng)
                    if j >= i { j += 1 }
                    if s.id(i, ComparedField.street.rawValue) != 0 && s.id(j, ComparedField.street.rawValue) != 0 {
                        present += 1
                        if sharesAddress(s, i, j) { shared += 1 }
                    }
                }
            }
            return (shared, present)
        }
        let present = counts.reduce(0) { $0 + $1.1 }
        guard present > 0 else { return nil }
        return log2(Double(present) / Double(counts.reduce(0) { $0 + $1.0 } + 1))
    }

    private static func sharesAddress(_ s: TableStorage, _ i: Int, _ j: Int) -> Bool {
        func same(_ field: ComparedField) -> Bool {
            let a = s.id(i, field.rawValue)
            return a != 0 && a == s.id(j, field.rawValue)
        }
        return same(.street) && same(.streetNumber) && (same(.postcode) || same(.city))
    }
}
