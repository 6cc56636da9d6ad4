/// Jaro–Winkler similarity on byte strings (folded names are ASCII).
///
/// Standard definition: matching window `max(len)/2 − 1`, transpositions halved, Winkler's
/// prefix bonus `0.1` per common leading character up to four, applied to any Jaro score.
public enum JaroWinkler {
    /// Similarity of two strings in `0…1`; `1` for equal strings, `0` when one is empty.
    public static func similarity(_ a: String, _ b: String) -> Double {
        let x = Array(a.utf8)
        let y = Array(b.utf8)
        return x.withUnsafeBufferPointer { xs in y.withUnsafeBufferPointer { ys in similarity(xs, ys) }
        }
    }

    /// Similarity of two byte buffers.
    public static func similarity(_ a: UnsafeBufferPointer<UInt8>, _ b: UnsafeBufferPointer<UInt8>)
        -> Double
    {
        let jaro = jaroSimilarity(a, b)
        guard jaro > 0 else { return 0 }
        var prefix = 0
        while prefix < 4, prefix < a.count, prefix < b.count, a[prefix] == b[prefix] { prefix += 1 }
        return jaro + Double(prefix) * 0.1 * (1 - jaro)
    }

    static func jaroSimilarity(_ a: UnsafeBufferPointer<UInt8>, _ b: UnsafeBufferPointer<UInt8>)
        -> Double
    {
        if a.isEmpty || b.isEmpty { return 0 }
        if a.count == b.count && memcmp(a.baseAddress!, b.baseAddress!, a.count) == 0 { return 1 }
        let window = max(0, max(a.count, b.count) / 2 - 1)
        if a.count <= 64 && b.count <= 64 { return shortJaro(a, b, window: window) }
        return flaggedJaro(a, b, window: window)
    }

    /// Jaro similarity of two non-empty strings of any length, with a flag per position.
    static func flaggedJaro(_ a: UnsafeBufferPointer<UInt8>, _ b: UnsafeBufferPointer<UInt8>, window: Int)
        -> Double
    {
        withUnsafeTemporaryAllocation(of: Bool.self, capacity: a.count + b.count) { flags in
            flags.initialize(repeating: false)
            var matches = 0
            for i in 0..<a.count {
                let low = max(0, i - window)
                let high = min(b.count - 1, i + window)
                guard low <= high else { continue }
                for j in low...high where !flags[a.count + j] && a[i] == b[j] {
                    flags[i] = true
                    flags[a.count + j] = true
                    matches += 1
                    break
                }
            }
            guard matches > 0 else { return 0 }
            var transpositions = 0
            var k = 0
            for i in 0..<a.count where flags[i] {
                while !flags[a.count + k] { k += 1 }
                if a[i] != b[k] { transpositions += 1 }
                k += 1
            }
            let m = Double(matches)
            return (m / Double(a.count) + m / Double(b.count) + (m - Double(transpositions / 2)) / m) / 3
        }
    }

    /// The same matching and transposition count for strings of at most 64 bytes (every name,
    /// street and e-mail), bit-parallel: a mask per byte value of its positions in `b` finds the
    /// first unmatched occurrence inside the window in one step (the same one the flag-buffer
    /// scan finds), and the matched positions are kept as bits of two words. Falls back to
    /// `flaggedJaro` for bytes outside ASCII.
    static func shortJaro(_ a: UnsafeBufferPointer<UInt8>, _ b: UnsafeBufferPointer<UInt8>, window: Int) -> Double {
        withUnsafeTemporaryAllocation(of: UInt64.self, capacity: 128) { positions in
            for byte in a where byte >= 0x80 { return flaggedJaro(a, b, window: window) }
            for byte in b where byte >= 0x80 { return flaggedJaro(a, b, window: window) }
            for byte in a { positions[Int(byte)] = 0 }
            for byte in b { positions[Int(byte)] = 0 }
            for j in 0..<b.count { positions[Int(b[j])] |= 1 << UInt64(j) }
            var matchedA: UInt64 = 0
            var matchedB: UInt64 = 0
            var matches = 0
            for i in 0..<a.count {
                let low = max(0, i - window)
                let high = min(b.count - 1, i + window)
                guard low <= high else { continue }
                let width = high - low + 1
                let inWindow = (width >= 64 ? UInt64.max : (1 << UInt64(width)) - 1) << UInt64(low)
                let candidates = positions[Int(a[i])] & inWindow & ~matchedB
                guard candidates != 0 else { continue }
                matchedA |= 1 << UInt64(i)
                matchedB |= candidates & (~candidates &+ 1)
                matches += 1
            }
            guard matches > 0 else { return 0 }
            var transpositions = 0
            while matchedA != 0 {
                if a[matchedA.trailingZeroBitCount] != b[matchedB.trailingZeroBitCount] { transpositions += 1 }
                matchedA &= matchedA - 1
                matchedB &= matchedB - 1
            }
            let m = Double(matches)
            return (m / Double(a.count) + m / Double(b.count) + (m - Double(transpositions / 2)) / m) / 3
        }
    }
}

@_silgen_name("memcmp")
private func memcmp(_ a: UnsafeRawPointer, _ b: UnsafeRawPointer, _ count: Int) -> Int32
