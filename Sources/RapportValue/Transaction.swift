/// One line of a transaction log: who bought, on which day, for how much.
///
/// A negative amount is a return (see `CalibrationSummary` for how returns are handled).
public struct Transaction: Sendable, Hashable, Codable {
    public var customerID: String
    public var date: CalendarDay
    public var amount: Double

    public init(customerID: String, date: CalendarDay, amount: Double) {
        self.customerID = customerID
        self.date = date
        self.amount = amount
    }
}

/// The time unit in which recency, age and prediction horizons are expressed.
public enum PeriodUnit: String, Sendable, Codable, CaseIterable {
    case days, weeks, months

    /// The length of one unit in days (a month is 365.25/12 days).
    public var days: Double {
        switch self {
        case .days: 1
        case .weeks: 7
        case .months: 365.25 / 12
        }
    }
}
