/// Optimal-string-alignment (restricted Damerau–Levenshtein) distance on byte strings:
/// insertions, deletions, substitutions and adjacent transpositions each cost one.
///
/// Used for numbers and codes (postcodes, phones, identifiers, dates), where a typed digit or
/// two swapped digits is the typical error.
public enum EditDistance {
    /// The distance between two strings.
    public static func distance(_ a: String, _ b: String) -> Int {
        let x = Array(a.utf8)
        let y = Array(b.utf8)
        return x.withUnsafeBufferPointer { xs in
            y.withUnsafeBufferPointer { ys in distance(xs, ys, limit: Int.max / 2) }
        }
    }

    /// The distance, or any value greater than `limit` once it is certain to exceed it.
    public static func distance(
        _ a: UnsafeBufferPointer<UInt8>, _ b: UnsafeBufferPointer<UInt8>, limit: Int
    ) -> Int {
        if abs(a.count - b.count) > limit { return limit + 1 }
        if a.isEmpty { return b.count }
        if b.isEmpty { return a.count }
        let width = b.count + 1
        return withUnsafeTemporaryAllocation(of: Int.self, capacity: width * 3) { rows in
            var previous2 = 0
            var previous = width
            var current = 2 * width
            for j in 0..<width { rows[previous + j] = j }
            for i in 1...a.count {
                rows[current] = i
                var rowMinimum = i
                for j in 1...b.count {
                    let cost = a[i - 1] == b[j - 1] ? 0 : 1
                    var value = min(
                        rows[previous + j] + 1, rows[current + j - 1] + 1, rows[previous + j - 1] + cost)
                    if i > 1, j > 1, a[i - 1] == b[j - 2], a[i - 2] == b[j - 1] {
                        value = min(value, rows[previous2 + j - 2] + 1)
                    }
                    rows[current + j] = value
                    rowMinimum = min(rowMinimum, value)
                }
                if rowMinimum > limit { return limit + 1 }
                (previous2, previous, current) = (previous, current, previous2)
            }
            return rows[previous + b.count]
        }
    }
}
