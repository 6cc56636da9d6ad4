import RapportCore

/// What to generate: how many people, from which seed, and the day the data set ends.
///
/// The same configuration always yields byte-identical records, identifiers included.
/// `batchSize` only decides how records are grouped, not what they are.
public struct DemoConfiguration: Sendable, Hashable {
    /// How many people to generate, exactly.
    public var people: Int
    /// The seed every random choice and identifier derives from.
    public var seed: UInt64
    /// "Today" for the data set: purchases and interactions cover the two years before it,
    /// ages are counted on it. Fixed by default so the data never depends on the clock.
    public var referenceDate: LocalDate
    /// About how many people each batch carries (whole households, so a few more at most).
    public var batchSize: Int

    /// The default reference date, 2026-11-01.
    public static let defaultReferenceDate = LocalDate(year: 2026, month: 11, day: 1)!

    public init(
        people: Int = 10_000, seed: UInt64 = 2026,
        referenceDate: LocalDate = DemoConfiguration.defaultReferenceDate,
        batchSize: Int = 2_000
    ) {
        self.people = max(0, people)
        self.seed = seed
        self.referenceDate = referenceDate
        self.batchSize = max(1, batchSize)
    }

    /// How many organisations the data set holds: one per 40 people, at least 24 so even
    /// a tiny data set has manufacturers, resellers, customers and subsidiaries.
    var organisationCount: Int { max(24, people / 40) }

    /// Days since 1970-01-01 of the reference date.
    var referenceDay: Int { DemoCalendar.day(referenceDate) }

    /// First day of the two-year activity window.
    var historyStartDay: Int { referenceDay - 730 }
}
