import Foundation
import RapportCore

/// Day arithmetic without `Calendar`: days since 1970-01-01 to and from ``LocalDate``, and
/// instants built from a day and a second of that day (UTC).
///
/// `Calendar` is correct but costs microseconds per call; the generator makes tens of
/// millions of dates for a million people, so it uses Core's ``CivilCalendar``.
enum DemoCalendar {
    /// Days since 1970-01-01 of a calendar date.
    static func day(_ date: LocalDate) -> Int {
        CivilCalendar.days(year: date.year, month: date.month, day: date.day)
    }

    /// The calendar date `days` after 1970-01-01.
    static func date(_ days: Int) -> LocalDate {
        let (year, month, day) = CivilCalendar.date(fromDays: days)
        return LocalDate(year: year, month: month, day: day)!
    }

    /// The instant `second` seconds after midnight UTC of day `days`.
    static func instant(day days: Int, second: Int = 0) -> Date {
        Date(timeIntervalSince1970: TimeInterval(days * 86_400 + second))
    }

    /// A time of day in business hours (08:00–19:59), in seconds after midnight.
    static func businessSecond(_ random: inout DemoRandom) -> Int {
        random.int(8 * 3600...(20 * 3600 - 1))
    }
}
