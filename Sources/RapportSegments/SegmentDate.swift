import Foundation
import RapportCore

/// A calendar date without time or zone, as rules use it: `2026-01-31`.
///
/// Stored as days since 1970-01-01 (proleptic Gregorian) so that comparing and shifting
/// dates is integer arithmetic. In SQL a date is bound as ISO text, which orders the same way.
public struct SegmentDate: Sendable, Hashable, Comparable, Codable, CustomStringConvertible {
    /// Days since 1970-01-01.
    public let dayNumber: Int

    public init(dayNumber: Int) { self.dayNumber = dayNumber }

    /// The day for a year (1–9999), month (1–12) and day; nil when the date does not exist.
    public init?(year: Int, month: Int, day: Int) {
        guard (1...9999).contains(year), (1...12).contains(month),
            day >= 1, day <= CivilCalendar.daysIn(month: month, year: year)
        else { return nil }
        dayNumber = CivilCalendar.days(year: year, month: month, day: day)
    }

    /// Parses ISO 8601 `YYYY-MM-DD` exactly (no time part, no other separators).
    public init?(iso text: String) {
        let parts = text.split(separator: "-", omittingEmptySubsequences: false)
        guard parts.count == 3, parts[0].count == 4, parts[1].count == 2, parts[2].count == 2,
            parts.allSatisfy({ $0.allSatisfy { $0.isASCII && $0.isNumber } }),
            let y = Int(parts[0]), let m = Int(parts[1]), let d = Int(parts[2])
        else { return nil }
        self.init(year: y, month: m, day: d)
    }

    /// The UTC calendar day of an instant (the caller decides what "today" is).
    public init(utc instant: Date) {
        dayNumber = Int((instant.timeIntervalSince1970 / 86_400).rounded(.down))
    }

    /// The (year, month, day) of this date.
    public var components: (year: Int, month: Int, day: Int) {
        CivilCalendar.date(fromDays: dayNumber)
    }

    /// ISO 8601, `YYYY-MM-DD`.
    public var description: String {
        let (year, month, day) = components
        return CivilCalendar.isoText(year: year, month: month, day: day)
    }

    /// The date `days` later (earlier when negative).
    public func adding(days: Int) -> SegmentDate { SegmentDate(dayNumber: dayNumber + days) }

    /// The same day of the month `months` later, clamped to the month's last day
    /// (31 March minus one month is 28 or 29 February).
    public func adding(months: Int) -> SegmentDate {
        let (y, m, d) = components
        let index = y * 12 + (m - 1) + months
        let year = index / 12
        let month = index % 12 + 1
        let day = min(d, CivilCalendar.daysIn(month: month, year: year))
        return SegmentDate(year: year, month: month, day: day) ?? self
    }

    public static func < (lhs: SegmentDate, rhs: SegmentDate) -> Bool { lhs.dayNumber < rhs.dayNumber }

    public init(from decoder: any Decoder) throws {
        let text = try decoder.singleValueContainer().decode(String.self)
        guard let date = SegmentDate(iso: text) else {
            throw DecodingError.dataCorrupted(
                .init(codingPath: decoder.codingPath, debugDescription: "'\(text)' is not a date; write YYYY-MM-DD."))
        }
        self = date
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(description)
    }

}

/// A date counted back from the day a rule is evaluated: `today`, `30 days ago`,
/// `3 months ago`. A rule holding one changes its members every day, even with no new data.
public struct RelativeDate: Sendable, Hashable, Codable {
    public enum Unit: String, Sendable, Hashable, Codable, CaseIterable {
        case days, weeks, months, years

        /// The most units a rule may count back: about 100 years.
        public var limit: Int {
            switch self {
            case .days: 36_525
            case .weeks: 5_218
            case .months: 1_200
            case .years: 100
            }
        }
    }

    /// How many units back; never negative.
    public var amount: Int
    public var unit: Unit

    public init(amount: Int, unit: Unit) {
        self.amount = amount
        self.unit = unit
    }

    /// The day this evaluation means.
    public static let today = RelativeDate(amount: 0, unit: .days)

    /// The calendar day `amount` units before `today`.
    public func resolved(today: SegmentDate) -> SegmentDate {
        switch unit {
        case .days: today.adding(days: -amount)
        case .weeks: today.adding(days: -7 * amount)
        case .months: today.adding(months: -amount)
        case .years: today.adding(months: -12 * amount)
        }
    }

    /// `today`, `1 day ago`, `30 days ago`.
    public var text: String {
        if amount == 0 && unit == .days { return "today" }
        let singular = String(unit.rawValue.dropLast())
        return "\(amount) \(amount == 1 ? singular : unit.rawValue) ago"
    }
}
