/// Phone numbers in E.164 (`+48601234567`) with national rules for the countries Rapport
/// knows well — the US (+1), Poland (+48) and Indonesia (+62) — and a length check for all others.
public struct PhoneNumber: Hashable, Sendable {
    /// `+` followed by 8 to 15 digits.
    public let e164: String

    /// Reads a number as people write it: with `+` or `00` for international form, or in
    /// national form for `country` (a leading trunk `0` in Poland and Indonesia, an optional
    /// `1` in the US). Spaces, dots, dashes and brackets are ignored.
    public static func parse(_ text: String, country: String?, field: String = "phone") -> Result<PhoneNumber, FieldIssue> {
        let trimmed = text.trimmingSpacesAndNewlines()
        let allowed = Set("0123456789+-(). /")
        guard !trimmed.isEmpty, trimmed.allSatisfy({ allowed.contains($0) }) else {
            return .failure(.invalid(field, "\(field) '\(text)' may contain only digits, spaces, +, -, (, ), . and /."))
        }
        var digits = trimmed.filter(\.isNumber)
        let international = trimmed.hasPrefix("+") || digits.hasPrefix("00")
        if digits.hasPrefix("00") && !trimmed.hasPrefix("+") { digits.removeFirst(2) }
        if international {
            return validate(digits, field: field, original: text)
        }
        switch country?.uppercased() {
        case "US", "CA":
            if digits.count == 11 && digits.hasPrefix("1") { digits.removeFirst() }
            guard digits.count == 10 else { return .failure(lengthIssue(field, text, "10 digits for the US")) }
            return validate("1" + digits, field: field, original: text)
        case "PL":
            if digits.hasPrefix("0") { digits.removeFirst() }
            guard digits.count == 9 else { return .failure(lengthIssue(field, text, "9 digits for Poland")) }
            return validate("48" + digits, field: field, original: text)
        case "ID":
            if digits.hasPrefix("0") { digits.removeFirst() }
            guard (8...12).contains(digits.count) else {
                return .failure(lengthIssue(field, text, "9 to 13 digits with the leading 0 for Indonesia"))
            }
            return validate("62" + digits, field: field, original: text)
        default:
            return .failure(.invalid(field, "\(field) '\(text)' needs a country code (start with +) when the country is not US, PL or ID."))
        }
    }

    private static func validate(_ digits: String, field: String, original: String) -> Result<PhoneNumber, FieldIssue> {
        guard (8...15).contains(digits.count), !digits.hasPrefix("0") else {
            return .failure(lengthIssue(field, original, "8 to 15 digits after the +"))
        }
        if digits.hasPrefix("1"), digits.count != 11 { return .failure(lengthIssue(field, original, "10 digits after +1")) }
        if digits.hasPrefix("48"), digits.count != 11 { return .failure(lengthIssue(field, original, "9 digits after +48")) }
        return .success(PhoneNumber(e164: "+" + digits))
    }

    private static func lengthIssue(_ field: String, _ text: String, _ rule: String) -> FieldIssue {
        .invalid(field, "\(field) '\(text)' has the wrong number of digits: expected \(rule).")
    }

    /// The number grouped the way its country writes it: `+1 (415) 555-0134`,
    /// `+48 601 234 567`, `+62 812-3456-7890`.
    public var formatted: String {
        let digits = Array(e164.dropFirst())
        func group(_ from: Int, _ to: Int) -> String { String(digits[from..<min(to, digits.count)]) }
        if digits.first == "1", digits.count == 11 {
            return "+1 (\(group(1, 4))) \(group(4, 7))-\(group(7, 11))"
        }
        if e164.hasPrefix("+48"), digits.count == 11 {
            return "+48 \(group(2, 5)) \(group(5, 8)) \(group(8, 11))"
        }
        if e164.hasPrefix("+62") {
            let national = String(digits.dropFirst(2))
            let head = national.prefix(3)
            let rest = Array(national.dropFirst(3))
            let mid = String(rest.prefix(4))
            let tail = String(rest.dropFirst(4))
            return "+62 \(head)-\(mid)" + (tail.isEmpty ? "" : "-\(tail)")
        }
        return e164
    }
}
