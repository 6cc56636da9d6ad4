import RapportCore

/// A calendar date without time or zone, stored as days since 1970-01-01 (proleptic Gregorian).
///
/// Transaction logs carry dates, not instants; counting whole days keeps the summaries
/// identical to `lifetimes`' daily periods and free of time-zone surprises.
public struct CalendarDay: Sendable, Hashable, Comparable, Codable, CustomStringConvertible {
    /// Days since 1970-01-01.
    public let dayNumber: Int

    public init(dayNumber: Int) { self.dayNumber = dayNumber }

    /// The day for a year, month (1–12) and day (1–31); nil when the date does not exist.
    public init?(year: Int, month: Int, day: Int) {
        guard (1...12).contains(month), day >= 1, day <= CivilCalendar.daysIn(month: month, year: year) else {
            return nil
        }
        dayNumber = CivilCalendar.days(year: year, month: month, day: day)
    }

    /// Parses `YYYY-MM-DD`, `YYYYMMDD` or `YYYY/MM/DD` (a time part after the date is ignored).
    public init?(parsing text: Substring) {
        let digits = text.prefix { $0 != "T" && $0 != " " }.filter { $0 != "-" && $0 != "/" }
        guard digits.count == 8, digits.allSatisfy(\.isASCII), let value = Int(digits) else {
            return nil
        }
        self.init(year: value / 10_000, month: value / 100 % 100, day: value % 100)
    }

    /// Parses a date string; see `init(parsing:)` for the formats.
    public init?(_ text: String) { self.init(parsing: Substring(text)) }

    /// The (year, month, day) of this date.
    public var components: (year: Int, month: Int, day: Int) {
        CivilCalendar.date(fromDays: dayNumber)
    }

    /// ISO 8601, `YYYY-MM-DD`.
    public var description: String {
        let (year, month, day) = components
        return CivilCalendar.isoText(year: year, month: month, day: day)
    }

    /// The date `days` later.
    public func adding(days: Int) -> CalendarDay { CalendarDay(dayNumber: dayNumber + days) }

    public static func < (lhs: CalendarDay, rhs: CalendarDay) -> Bool {
        lhs.dayNumber < rhs.dayNumber
    }

}
