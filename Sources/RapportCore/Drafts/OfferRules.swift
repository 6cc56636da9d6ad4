import Foundation

/// The checks an offer's fields pass, shared by ``OfferDraft`` and ``OfferPatch`` so a new
/// offer and a changed one meet the same rules and name the same fields.
enum OfferRules {
    /// Where an offer without a priority goes: after the ones given a small number.
    static let defaultPriority = 100
    static let priorities = 0...1_000_000

    static func name(_ text: String?, into check: inout IssueCollector) -> String? {
        check.text(text, field: "name", required: true, maxLength: 120)
    }

    static func description(_ text: String?, into check: inout IssueCollector) -> String? {
        check.text(text, field: "description", maxLength: 2000)
    }

    static func kind(_ text: String?, into check: inout IssueCollector) -> Offer.Kind? {
        DateRules.enumValue(text, Offer.Kind.self, field: "kind", required: true, into: &check)
    }

    /// The target segment's key, checked for form only; whether it exists and may be
    /// targeted is the store's to say.
    static func segment(_ text: String?, into check: inout IssueCollector) -> String? {
        guard let key = check.text(text, field: "segment", required: true, maxLength: 64) else { return nil }
        let before = check.issues.count
        Segment.validateKey(key, field: "segment", into: &check)
        return check.issues.count == before ? key : nil
    }

    static func channel(_ text: String?, into check: inout IssueCollector) -> Channel? {
        DateRules.enumValue(text, Channel.self, field: "channel", required: false, into: &check)
    }

    /// A value is a decimal amount (`25.00`) with its ISO 4217 currency; neither without the other.
    static func value(_ amount: Double?, currency: String?, into check: inout IssueCollector) -> Money? {
        let code = (currency ?? "").trimmingSpaces().uppercased()
        guard let amount else {
            if !code.isEmpty {
                check.add(.invalid("currency", "currency is only for a value; give value too, or leave currency out."))
            }
            return nil
        }
        var valid = true
        if !amount.isFinite || amount < 0 || amount > 1e12 {
            check.add(.outOfRange("value", "value must be an amount of zero or more, such as 25.00."))
            valid = false
        }
        if code.count != 3 || !code.allSatisfy({ $0.isASCII && $0.isLetter }) {
            check.add(
                .invalid(
                    "currency",
                    "currency '\(currency ?? "")' must be a three-letter ISO 4217 code such as USD, PLN or IDR."))
            valid = false
        }
        return valid ? Money(amount, currency: code) : nil
    }

    static func priority(_ number: Int?, into check: inout IssueCollector) -> Int {
        guard let number else { return defaultPriority }
        guard priorities.contains(number) else {
            check.add(.outOfRange("priority", "priority must be between 0 and 1000000 (lower comes first)."))
            return defaultPriority
        }
        return number
    }

    static func day(_ text: String?, field: String, into check: inout IssueCollector) -> LocalDate? {
        DateRules.day(text?.trimmingSpaces(), field: field, into: &check)
    }

    /// The window must not end before it starts.
    static func window(from: LocalDate?, to: LocalDate?, into check: inout IssueCollector) {
        if let from, let to, to < from {
            check.add(.outOfRange("validTo", "validTo \(to) must not be before validFrom \(from)."))
        }
    }
}
