import Foundation

/// Makes new identifiers from a clock and a random source that are handed in.
///
/// The live generator uses the system clock and system randomness; the seeded one makes
/// the same identifiers on every run, which the demo data set and tests rely on.
public struct IDGenerator: Sendable {
    private let next: @Sendable () -> (milliseconds: UInt64, high: UInt16, low: UInt64)

    public init(next: @escaping @Sendable () -> (milliseconds: UInt64, high: UInt16, low: UInt64)) {
        self.next = next
    }

    /// System clock and `SystemRandomNumberGenerator`.
    public static let live = IDGenerator {
        var rng = SystemRandomNumberGenerator()
        let ms = UInt64(Date().timeIntervalSince1970 * 1000)
        return (ms, UInt16.random(in: .min ... .max, using: &rng), UInt64.random(in: .min ... .max, using: &rng))
    }

    /// Deterministic identifiers for a given seed: the time part counts up from `start`.
    public static func seeded(_ seed: UInt64, start: Date = Date(timeIntervalSince1970: 1_700_000_000)) -> IDGenerator {
        let state = SeededCounter(seed: seed, startMilliseconds: UInt64(start.timeIntervalSince1970 * 1000))
        return IDGenerator { state.next() }
    }

    /// A new identifier for `Entity`.
    public func make<Entity: IdentifiedEntity>(_ type: Entity.Type = Entity.self) -> Identifier<Entity> {
        let parts = next()
        let ulid = ULID.encode(milliseconds: parts.milliseconds, randomHigh: parts.high, randomLow: parts.low)
        return Identifier(rawValue: Entity.idPrefix + "_" + ulid)
    }
}

/// SplitMix64 behind a lock, so a seeded generator can be shared across tasks.
private final class SeededCounter: @unchecked Sendable {
    private let lock = NSLock()
    private var state: UInt64
    private var milliseconds: UInt64

    init(seed: UInt64, startMilliseconds: UInt64) {
        state = seed
        milliseconds = startMilliseconds
    }

    func next() -> (milliseconds: UInt64, high: UInt16, low: UInt64) {
        lock.lock()
        defer { lock.unlock() }
        milliseconds += 1
        let low = splitMix()
        let high = UInt16(truncatingIfNeeded: splitMix())
        return (milliseconds, high, low)
    }

    private func splitMix() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}
