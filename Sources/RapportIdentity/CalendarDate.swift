import RapportLocales

/// A validated calendar date (birth dates, effective dates) parsed from the formats people use.
///
/// Accepted: `YYYYMMDD`, `YYYY-MM-DD` (also with `/` or `.`), `DD.MM.YYYY` (Poland, Indonesia),
/// `MM/DD/YYYY` (US) or `DD/MM/YYYY` (elsewhere), `DD-MM-YYYY`. When the country hint points
/// one way but only the other reading is a valid date (`25/12/1980` with a US hint), the valid
/// reading wins.
public struct CalendarDate: Sendable, Hashable, Comparable, CustomStringConvertible {
    public let year: Int
    public let month: Int
    public let day: Int

    /// Creates a date, validating month and day (leap years included) and a year in 1800…2100.
    public init(year: Int, month: Int, day: Int) throws(NormalisationError) {
        let text = "\(year)-\(month)-\(day)"
        guard (1800...2100).contains(year) else {
            throw NormalisationError(
                field: .dateOfBirth, value: text, reason: .outOfRange("year \(year)"))
        }
        guard (1...12).contains(month) else {
            throw NormalisationError(
                field: .dateOfBirth, value: text, reason: .outOfRange("month \(month)"))
        }
        guard (1...CalendarDate.days(inMonth: month, year: year)).contains(day) else {
            throw NormalisationError(field: .dateOfBirth, value: text, reason: .outOfRange("day \(day)"))
        }
        self.year = year
        self.month = month
        self.day = day
    }

    /// Parses `raw`, using `country` to decide between day-first and month-first forms.
    public static func parse(_ raw: String, country: Country? = nil) throws(NormalisationError)
        -> CalendarDate
    {
        let text = raw.trimmedWhitespace
        func fail(_ reason: NormalisationError.Reason) -> NormalisationError {
            NormalisationError(field: .dateOfBirth, value: raw, reason: reason)
        }
        guard !text.isEmpty else { throw fail(.empty) }
        let expected = "YYYYMMDD, YYYY-MM-DD, DD.MM.YYYY or MM/DD/YYYY"
        if text.count == 8, let number = Int(text) {
            return try validated(number / 10000, number / 100 % 100, number % 100, raw: raw)
        }
        let separators: Set<Character> = ["-", ".", "/"]
        guard let separator = text.first(where: { separators.contains($0) }) else {
            throw fail(.invalidFormat(expected: expected))
        }
        let parts = text.split(separator: separator, omittingEmptySubsequences: false).map { Int($0) }
        guard parts.count == 3, let a = parts[0], let b = parts[1], let c = parts[2] else {
            throw fail(.invalidFormat(expected: expected))
        }
        if text.split(separator: separator)[0].count == 4 { return try validated(a, b, c, raw: raw) }
        guard c >= 1000 else { throw fail(.invalidFormat(expected: expected)) }
        let monthFirst =
            separator == "/" && (country == .us || country == nil) || separator == "-" && country == .us
        let first = monthFirst ? (c, a, b) : (c, b, a)
        let second = monthFirst ? (c, b, a) : (c, a, b)
        if let date = try? CalendarDate(year: first.0, month: first.1, day: first.2) { return date }
        return try validated(second.0, second.1, second.2, raw: raw)
    }

    private static func validated(_ year: Int, _ month: Int, _ day: Int, raw: String)
        throws(NormalisationError)
        -> CalendarDate
    {
        do {
            return try CalendarDate(year: year, month: month, day: day)
        } catch {
            throw NormalisationError(field: .dateOfBirth, value: raw, reason: error.reason)
        }
    }

    /// Number of days in `month` of `year` (Gregorian).
    public static func days(inMonth month: Int, year: Int) -> Int {
        switch month {
        case 2: return (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 ? 29 : 28
        case 4, 6, 9, 11: return 30
        default: return 31
        }
    }

    /// `YYYYMMDD`, the form compared during matching.
    public var compact: String {
        String.eightDigits(year * 10000 + month * 100 + day)
    }

    /// ISO 8601 `YYYY-MM-DD`.
    public var description: String {
        let c = compact
        return "\(c.prefix(4))-\(c.dropFirst(4).prefix(2))-\(c.suffix(2))"
    }

    public static func < (lhs: CalendarDate, rhs: CalendarDate) -> Bool {
        (lhs.year, lhs.month, lhs.day) < (rhs.year, rhs.month, rhs.day)
    }
}

extension String {
    /// An eight-digit, zero-padded decimal rendering of `value`.
    static func eightDigits(_ value: Int) -> String {
        let digits = "\(value)"
        return String(repeating: "0", count: Swift.max(0, 8 - digits.count)) + digits
    }
}
