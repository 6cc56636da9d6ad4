import Foundation

/// Instants are stored and exchanged as fixed-width ISO 8601 UTC text with milliseconds,
/// `2026-11-23T15:04:05.123Z`, which sorts correctly as a string on every database.
///
/// Formatting and parsing of that form are done by hand with civil-calendar arithmetic
/// (H. Hinnant's `days_from_civil`): every stored row carries instants, and Foundation's
/// `Calendar` and `ISO8601DateFormatter` cost tens of microseconds per call on Linux, which
/// dominated reading a customer. Other ISO 8601 forms still go through Foundation.
public enum Timestamp {
    /// Formats an instant.
    public static func format(_ date: Date) -> String {
        let totalMilliseconds = Int64((date.timeIntervalSince1970 * 1000).rounded())
        let days = Int64(CivilCalendar.floorDivide(Int(totalMilliseconds), 86_400_000))
        var rest = totalMilliseconds - days * 86_400_000
        let (year, month, day) = CivilCalendar.date(fromDays: Int(days))
        let hour = rest / 3_600_000
        rest %= 3_600_000
        let minute = rest / 60_000
        rest %= 60_000
        let second = rest / 1000
        let millisecond = rest % 1000
        return String(unsafeUninitializedCapacity: 24) { buffer in
            var at = 0
            FixedDigits.write(Int64(year), width: 4, into: buffer, at: &at, then: 45)
            FixedDigits.write(Int64(month), width: 2, into: buffer, at: &at, then: 45)
            FixedDigits.write(Int64(day), width: 2, into: buffer, at: &at, then: 84)
            FixedDigits.write(hour, width: 2, into: buffer, at: &at, then: 58)
            FixedDigits.write(minute, width: 2, into: buffer, at: &at, then: 58)
            FixedDigits.write(second, width: 2, into: buffer, at: &at, then: 46)
            FixedDigits.write(millisecond, width: 3, into: buffer, at: &at, then: 90)
            return at
        }
    }

    /// Parses ISO 8601 with or without fractional seconds; a bare date means midnight UTC.
    public static func parse(_ text: String) -> Date? {
        let utf8 = text.utf8
        if (utf8.count == 24 || utf8.count == 20), utf8.last == UInt8(ascii: "Z"),
            utf8[utf8.index(utf8.startIndex, offsetBy: 10)] == UInt8(ascii: "T")
        {
            // Rapport's own form: checked strictly, never handed to a lenient parser.
            return parseFixedWidth(text)
        }
        if let day = LocalDate(iso: text) { return day.date }
        let plain = ISO8601DateFormatter()
        if let date = plain.date(from: text) { return date }
        let fractional = ISO8601DateFormatter()
        fractional.formatOptions = [.withInternetDateTime, .withFractionalSeconds]
        return fractional.date(from: text)
    }

    /// `YYYY-MM-DDTHH:MM:SS.mmmZ` or `YYYY-MM-DDTHH:MM:SSZ`, checked field by field.
    static func parseFixedWidth(_ text: String) -> Date? {
        let utf8 = text.utf8
        guard utf8.count == 24 || utf8.count == 20 else { return nil }
        let parsed: Date?? = utf8.withContiguousStorageIfAvailable { b -> Date? in
            func number(_ from: Int, _ width: Int) -> Int64? {
                var value: Int64 = 0
                for index in from..<(from + width) {
                    let digit = b[index] &- 48
                    guard digit < 10 else { return nil }
                    value = value * 10 + Int64(digit)
                }
                return value
            }
            guard b[4] == 45, b[7] == 45, b[10] == 84, b[13] == 58, b[16] == 58, b[b.count - 1] == 90,
                let year = number(0, 4), let month = number(5, 2), let day = number(8, 2), let hour = number(11, 2),
                let minute = number(14, 2), let second = number(17, 2),
                (1...12).contains(month), day >= 1, day <= Int64(CivilCalendar.daysIn(month: Int(month), year: Int(year))),
                hour < 24, minute < 60, second < 61
            else { return nil }
            var milliseconds: Int64 = 0
            if b.count == 24 {
                guard b[19] == 46, let ms = number(20, 3) else { return nil }
                milliseconds = ms
            }
            let days = Int64(CivilCalendar.days(year: Int(year), month: Int(month), day: Int(day)))
            let total = ((days * 24 + hour) * 60 + minute) * 60 + second
            return Date(timeIntervalSince1970: Double(total) + Double(milliseconds) / 1000)
        }
        return parsed ?? nil
    }

    /// The current instant, formatted.
    public static func now() -> String { format(Date()) }
}
