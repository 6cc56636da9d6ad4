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
        if limit == 1 { return withinOneEdit(a, b) }
        if limit == 2 { return bandedDistance(a, b, limit: limit) }
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

    /// The distance when it is `0` or `1`, else `2`, in one linear pass: two strings one edit
    /// apart differ by one substitution, one inserted byte or one swap of neighbours.
    static func withinOneEdit(_ a: UnsafeBufferPointer<UInt8>, _ b: UnsafeBufferPointer<UInt8>) -> Int {
        var start = 0
        while start < a.count && start < b.count && a[start] == b[start] { start += 1 }
        if start == a.count && start == b.count { return 0 }
        func equal(_ x: Int, _ y: Int) -> Bool {
            guard a.count - x == b.count - y else { return false }
            var (i, j) = (x, y)
            while i < a.count {
                if a[i] != b[j] { return false }
                i += 1
                j += 1
            }
            return true
        }
        if a.count == b.count {
            if equal(start + 1, start + 1) { return 1 }
            let swapped = start + 1 < a.count && a[start] == b[start + 1] && a[start + 1] == b[start]
            return swapped && equal(start + 2, start + 2) ? 1 : 2
        }
        return equal(start + (a.count > b.count ? 1 : 0), start + (b.count > a.count ? 1 : 0)) ? 1 : 2
    }

    /// The same distance for a small `limit` (one or two edits: every use in matching),
    /// computing only the cells within `limit` of the diagonal (Ukkonen's band).
    ///
    /// A cell farther from the diagonal than `limit` is certainly above it, so it is read as
    /// `limit + 1`; a cell whose distance is within the limit never depends on such a cell, so
    /// every distance up to `limit` is exact and every larger one stays above `limit`.
    static func bandedDistance(_ a: UnsafeBufferPointer<UInt8>, _ b: UnsafeBufferPointer<UInt8>, limit: Int) -> Int {
        let width = b.count + 1
        let above = limit + 1
        return withUnsafeTemporaryAllocation(of: Int.self, capacity: width * 3) { rows in
            var previous2 = 0
            var previous = width
            var current = 2 * width
            for j in 0..<width { rows[previous + j] = min(j, above) }
            for i in 1...a.count {
                let low = max(1, i - limit)
                let high = min(b.count, i + limit)
                rows[current + low - 1] = low == 1 ? min(i, above) : above
                var rowMinimum = above
                if low <= high {
                    for j in low...high {
                        let cost = a[i - 1] == b[j - 1] ? 0 : 1
                        let up = j <= i - 1 + limit ? rows[previous + j] : above
                        var value = min(up + 1, rows[current + j - 1] + 1, rows[previous + j - 1] + cost)
                        if i > 1, j > 1, a[i - 1] == b[j - 2], a[i - 2] == b[j - 1] {
                            value = min(value, rows[previous2 + j - 2] + 1)
                        }
                        value = min(value, above)
                        rows[current + j] = value
                        rowMinimum = min(rowMinimum, value)
                    }
                }
                if rowMinimum > limit { return above }
                (previous2, previous, current) = (previous, current, previous2)
            }
            return rows[previous + b.count]
        }
    }
}
