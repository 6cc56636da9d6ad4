/// What drives the value of a group of customers (R4.4) — a segment, or everyone buying in
/// one currency: how much they buy, what they contribute per month of the relationship, how
/// long they stay, and how many of them are still buying a year, two years, … after their
/// first purchase.
///
/// The figures come from additive counts (``Tally``): the store computes them with SQL
/// aggregates over a segment of any size, tests and files with ``Tally/add(netRevenue:margin:purchases:firstDay:lastDay:today:)``;
/// both give the same result.
///
/// Retention is estimated from first and last purchases, as direct marketers do from a
/// customer file (A. M. Hughes, *Strategic Database Marketing*): a customer is "active in year
/// k" of their relationship when their last purchase falls at least k − 1 years after their
/// first. The rate from year k to k + 1 is the share of those active in year k who are still
/// active in year k + 1, counted only among customers acquired long enough ago to have
/// reached year k + 1. A customer who has merely paused counts as lost, so the estimate leans
/// low — the careful side for an NPV.
public struct ValueDrivers: Sendable, Codable, Equatable {
    /// Additive counts over the members; every field adds up member by member.
    public struct Tally: Sendable, Codable, Equatable {
        public var buyers = 0
        public var purchases = 0
        /// Σ purchases − returns.
        public var netRevenue = 0.0
        /// Σ contribution margin.
        public var margin = 0.0
        /// Earliest first purchase and latest last purchase, as day numbers.
        public var firstDay: Int?
        public var lastDay: Int?
        /// Σ (last − first purchase) in days.
        public var spanDays = 0
        /// Σ max(1, today − first purchase) in days: the length of every relationship so far.
        public var relationshipDays = 0
        /// Σ years with a purchase by the last-purchase rule (⌊span / year⌋ + 1).
        public var activeYears = 0
        /// `eligible[k - 1]`: members active in year k and acquired at least k years ago.
        public var eligible: [Int]
        /// `retained[k - 1]`: those of `eligible[k - 1]` still active in year k + 1.
        public var retained: [Int]

        /// An empty tally estimating retention for the first `years` transitions.
        public init(years: Int = 5) {
            eligible = Array(repeating: 0, count: max(0, years))
            retained = Array(repeating: 0, count: max(0, years))
        }

        /// Adds one member (days are day numbers, `firstDay ≤ lastDay ≤ today`).
        public mutating func add(netRevenue: Double, margin: Double, purchases: Int, firstDay: Int, lastDay: Int, today: Int) {
            buyers += 1
            self.purchases += purchases
            self.netRevenue += netRevenue
            self.margin += margin
            self.firstDay = min(self.firstDay ?? firstDay, firstDay)
            self.lastDay = max(self.lastDay ?? lastDay, lastDay)
            let span = max(0, lastDay - firstDay)
            spanDays += span
            relationshipDays += max(1, today - firstDay)
            activeYears += ValueDrivers.completedYears(span) + 1
            for index in eligible.indices {
                let k = index + 1
                guard today - firstDay >= ValueDrivers.yearDays(k), span >= ValueDrivers.yearDays(k - 1) else { continue }
                eligible[index] += 1
                if span >= ValueDrivers.yearDays(k) { retained[index] += 1 }
            }
        }
    }

    /// One year-on-year retention estimate.
    public struct Retention: Sendable, Codable, Equatable {
        /// From year `year` to year `year + 1` of the relationship.
        public var year: Int
        /// Customers it is estimated from.
        public var basis: Int
        /// The share retained; nil when `basis` is below the minimum.
        public var rate: Double?
    }

    public var buyers: Int
    public var purchases: Int
    public var netRevenue: Double
    public var margin: Double
    public var firstDay: Int?
    public var lastDay: Int?
    /// Net revenue per purchase.
    public var averageOrderValue: Double
    /// Margin as a share of net revenue; nil without net revenue.
    public var marginRate: Double?
    /// Mean time from first to last purchase, in months.
    public var longevityMonths: Double
    /// Margin per member per month of relationship (first purchase until today).
    public var marginPerMonth: Double
    /// Net revenue per member per year in which they bought.
    public var revenuePerActiveYear: Double
    public var retention: [Retention]

    /// Days in a year for these estimates (the Julian year, so leap days average out).
    public static let daysPerYear = 365.25
    static let daysPerMonth = daysPerYear / 12

    /// Days in `k` years, rounded to whole days.
    public static func yearDays(_ k: Int) -> Int { Int((Double(k) * daysPerYear).rounded()) }

    /// Whole years in a span of days, in integer arithmetic (days × 4 / 1461) so that SQL
    /// computes exactly the same.
    public static func completedYears(_ days: Int) -> Int { days * 4 / 1461 }

    /// The drivers of a tally; nil when it holds no buyer.
    /// - Parameter minimumBasis: the fewest customers a retention rate may be estimated from.
    public init?(_ tally: Tally, minimumBasis: Int = 30) {
        guard tally.buyers > 0 else { return nil }
        let buyers = Double(tally.buyers)
        self.buyers = tally.buyers
        purchases = tally.purchases
        netRevenue = tally.netRevenue
        margin = tally.margin
        firstDay = tally.firstDay
        lastDay = tally.lastDay
        averageOrderValue = tally.purchases > 0 ? tally.netRevenue / Double(tally.purchases) : 0
        marginRate = tally.netRevenue > 0 ? tally.margin / tally.netRevenue : nil
        longevityMonths = Double(tally.spanDays) / buyers / Self.daysPerMonth
        marginPerMonth = tally.margin / max(1, Double(tally.relationshipDays) / Self.daysPerMonth)
        revenuePerActiveYear = tally.netRevenue / Double(max(1, tally.activeYears))
        retention = zip(tally.eligible, tally.retained).enumerated().map { index, pair in
            Retention(
                year: index + 1, basis: pair.0,
                rate: pair.0 >= max(1, minimumBasis) ? Double(pair.1) / Double(pair.0) : nil)
        }
    }

    /// The retention rates that could be estimated, from year 1 on, up to the first gap.
    public var estimatedRetentionRates: [Double] {
        Array(retention.prefix { $0.rate != nil }.compactMap(\.rate))
    }
}
