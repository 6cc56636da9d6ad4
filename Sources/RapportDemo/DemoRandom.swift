/// The demo data set's only source of randomness: xoshiro256** seeded through SplitMix64.
///
/// Every draw is computed here with integer arithmetic rather than through the standard
/// library's `random(in:using:)`, whose algorithm may change between Swift releases, so the
/// same seed gives byte-identical data on every toolchain and platform.
struct DemoRandom: RandomNumberGenerator {
    private var s0: UInt64
    private var s1: UInt64
    private var s2: UInt64
    private var s3: UInt64

    /// A generator for one independent stream: `stream` names the part of the data set
    /// (reference records, one household) and `index` the item within it.
    init(seed: UInt64, stream: UInt64, index: UInt64 = 0) {
        var mixer = seed ^ (stream &* 0xD1B5_4A32_D192_ED03) ^ (index &* 0x8CB9_2BA7_2F3D_8DD7)
        s0 = DemoRandom.splitMix(&mixer)
        s1 = DemoRandom.splitMix(&mixer)
        s2 = DemoRandom.splitMix(&mixer)
        s3 = DemoRandom.splitMix(&mixer)
    }

    /// A 64-bit value derived from `seed`, `stream` and `index`, for seeding other generators.
    static func derivedSeed(_ seed: UInt64, stream: UInt64, index: UInt64) -> UInt64 {
        var random = DemoRandom(seed: seed, stream: stream, index: index)
        return random.next()
    }

    mutating func next() -> UInt64 {
        let result = rotate(s1 &* 5, 7) &* 9
        let t = s1 << 17
        s2 ^= s0
        s3 ^= s1
        s1 ^= s2
        s0 ^= s3
        s2 ^= t
        s3 = rotate(s3, 45)
        return result
    }

    /// A value in `0..<bound` (multiply-high; the bias is below 2⁻⁴⁰ for the bounds used here).
    mutating func below(_ bound: Int) -> Int {
        precondition(bound > 0)
        return Int(UInt64(bound).multipliedFullWidth(by: next()).high)
    }

    /// A value in `range`.
    mutating func int(_ range: ClosedRange<Int>) -> Int {
        range.lowerBound + below(range.upperBound - range.lowerBound + 1)
    }

    /// True with probability `percent` / 100, in steps of a hundredth of a per cent.
    mutating func chance(_ percent: Double) -> Bool {
        below(10_000) < Int(percent * 100)
    }

    /// A uniformly chosen element of a non-empty collection.
    mutating func pick<C: RandomAccessCollection>(_ items: C) -> C.Element where C.Index == Int {
        items[items.startIndex + below(items.count)]
    }

    /// An element chosen with the given integer weights.
    mutating func weighted<T>(_ choices: [(T, Int)]) -> T {
        let total = choices.reduce(0) { $0 + $1.1 }
        var roll = below(total)
        for (value, weight) in choices {
            if roll < weight { return value }
            roll -= weight
        }
        return choices[choices.count - 1].0
    }

    /// An index into a list ordered most common first, skewed towards the front (Zipf-like:
    /// the minimum of two uniform draws), so "Smith" and "gmail.com" come up most often.
    mutating func skewedIndex(_ count: Int) -> Int {
        min(below(count), below(count))
    }

    /// `count` decimal digits, leading zeros allowed.
    mutating func digits(_ count: Int) -> String {
        var text = ""
        text.reserveCapacity(count)
        for _ in 0..<count { text.append(Character(Unicode.Scalar(UInt8(48 + below(10))))) }
        return text
    }

    private static func splitMix(_ state: inout UInt64) -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }

    private func rotate(_ x: UInt64, _ k: UInt64) -> UInt64 { (x << k) | (x >> (64 - k)) }
}

/// A fixed set of weighted choices, with the running totals worked out once so a draw does
/// not allocate. Made as `static let`s next to the code that draws from them.
struct Weighted<Value: Sendable>: Sendable {
    private let values: [Value]
    private let cumulative: [Int]

    init(_ choices: [(Value, Int)]) {
        values = choices.map(\.0)
        var running = 0
        cumulative = choices.map {
            running += $0.1
            return running
        }
    }

    /// A value drawn with the weights given.
    func draw(_ random: inout DemoRandom) -> Value {
        let roll = random.below(cumulative[cumulative.count - 1])
        var index = 0
        while cumulative[index] <= roll { index += 1 }
        return values[index]
    }
}
