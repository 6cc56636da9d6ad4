import Foundation
import RapportCore

/// Day arithmetic without `Calendar`: days since 1970-01-01 to and from ``LocalDate``, and
/// instants built from a day and a second of that day (UTC).
///
/// `Calendar` is correct but costs microseconds per call; the generator makes tens of
/// millions of dates for a million people, so it uses the proleptic Gregorian formulas
/// (H. Hinnant, "chrono-compatible low-level date algorithms") directly.
enum DemoCalendar {
    /// Days since 1970-01-01 of a calendar date.
    static func day(_ date: LocalDate) -> Int {
        let y = date.month <= 2 ? date.year - 1 : date.year
        let era = (y >= 0 ? y : y - 399) / 400
        let yearOfEra = y - era * 400
        let monthIndex = date.month > 2 ? date.month - 3 : date.month + 9
        let dayOfYear = (153 * monthIndex + 2) / 5 + date.day - 1
        let dayOfEra = yearOfEra * 365 + yearOfEra / 4 - yearOfEra / 100 + dayOfYear
        return era * 146_097 + dayOfEra - 719_468
    }

    /// The calendar date `days` after 1970-01-01.
    static func date(_ days: Int) -> LocalDate {
        let z = days + 719_468
        let era = (z >= 0 ? z : z - 146_096) / 146_097
        let dayOfEra = z - era * 146_097
        let yearOfEra = (dayOfEra - dayOfEra / 1460 + dayOfEra / 36_524 - dayOfEra / 146_096) / 365
        let dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100)
        let monthIndex = (5 * dayOfYear + 2) / 153
        let day = dayOfYear - (153 * monthIndex + 2) / 5 + 1
        let month = monthIndex < 10 ? monthIndex + 3 : monthIndex - 9
        let year = yearOfEra + era * 400 + (month <= 2 ? 1 : 0)
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
