/// Proleptic Gregorian calendar arithmetic on day numbers (days since 1970-01-01), the
/// one copy every target uses: timestamps, local dates, the demo calendar, the value
/// engine's calendar days and segment dates.
///
/// The conversions are H. Hinnant's "days from civil" algorithms ("chrono-Compatible
/// Low-Level Date Algorithms"): exact for every date, no tables, no Foundation calendar.
public enum CivilCalendar {
    /// Days since 1970-01-01 of `year`-`month`-`day` (the date must exist).
    public static func days(year: Int, month: Int, day: Int) -> Int {
        let y = month <= 2 ? year - 1 : year
        let era = floorDivide(y, 400)
        let yearOfEra = y - era * 400
        let dayOfYear = (153 * (month + (month > 2 ? -3 : 9)) + 2) / 5 + day - 1
        let dayOfEra = yearOfEra * 365 + yearOfEra / 4 - yearOfEra / 100 + dayOfYear
        return era * 146_097 + dayOfEra - 719_468
    }

    /// The date `days` after 1970-01-01.
    public static func date(fromDays days: Int) -> (year: Int, month: Int, day: Int) {
        let z = days + 719_468
        let era = floorDivide(z, 146_097)
        let dayOfEra = z - era * 146_097
        let yearOfEra = (dayOfEra - dayOfEra / 1460 + dayOfEra / 36_524 - dayOfEra / 146_096) / 365
        let dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100)
        let monthIndex = (5 * dayOfYear + 2) / 153
        let day = dayOfYear - (153 * monthIndex + 2) / 5 + 1
        let month = monthIndex < 10 ? monthIndex + 3 : monthIndex - 9
        return (yearOfEra + era * 400 + (month <= 2 ? 1 : 0), month, day)
    }

    /// ISO 8601 `YYYY-MM-DD`; a year outside 0…9999 is written with all its digits.
    public static func isoText(year: Int, month: Int, day: Int) -> String {
        guard (0...9999).contains(year) else {
            return String(year) + "-" + isoText(year: 0, month: month, day: day).dropFirst(5)
        }
        return String(unsafeUninitializedCapacity: 10) { buffer in
            var at = 0
            FixedDigits.write(Int64(year), width: 4, into: buffer, at: &at, then: 45)
            FixedDigits.write(Int64(month), width: 2, into: buffer, at: &at, then: 45)
            FixedDigits.write(Int64(day), width: 2, into: buffer, at: &at)
            return at
        }
    }

    /// 28 to 31.
    public static func daysIn(month: Int, year: Int) -> Int {
        switch month {
        case 2: isLeap(year) ? 29 : 28
        case 4, 6, 9, 11: 30
        default: 31
        }
    }

    public static func isLeap(_ year: Int) -> Bool {
        (year % 4 == 0 && year % 100 != 0) || year % 400 == 0
    }

    /// Division rounding towards minus infinity, for days before 1970.
    public static func floorDivide(_ a: Int, _ b: Int) -> Int {
        a >= 0 ? a / b : -((-a + b - 1) / b)
    }
}
