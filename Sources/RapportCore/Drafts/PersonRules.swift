import Foundation

/// The field rules shared by ``PersonDraft`` and ``PersonPatch``.
enum PersonRules {
    static func birthDate(_ text: String?, now: Date, into check: inout IssueCollector) -> LocalDate? {
        guard let text, !text.isEmpty else { return nil }
        guard let date = LocalDate(iso: text) else {
            check.add(.invalid("birthDate", "birthDate '\(text)' must be a real date in the form YYYY-MM-DD."))
            return nil
        }
        let today = LocalDate(now)
        if date > today {
            check.add(.outOfRange("birthDate", "birthDate \(text) is in the future."))
            return nil
        }
        if date.years(until: today) > 130 {
            check.add(.outOfRange("birthDate", "birthDate \(text) is more than 130 years ago."))
            return nil
        }
        return date
    }

    static func gender(_ text: String?, into check: inout IssueCollector) -> Gender? {
        guard let text, !text.isEmpty else { return nil }
        guard let gender = Gender(rawValue: text.lowercased()) else {
            check.add(.unknown("gender", value: text, allowed: Gender.allCases.map(\.rawValue)))
            return nil
        }
        return gender
    }

    /// A BCP 47 tag kept simple: a 2–3 letter language, optionally `-` and a region.
    static func language(_ text: String?, into check: inout IssueCollector) -> String? {
        guard let text, !text.isEmpty else { return nil }
        let parts = text.split(separator: "-", omittingEmptySubsequences: false)
        let valid =
            (2...3).contains(parts[0].count) && parts[0].allSatisfy(\.isLetter)
            && (parts.count == 1 || (parts.count == 2 && (2...3).contains(parts[1].count) && parts[1].allSatisfy(\.isLetter)))
        guard valid else {
            check.add(.invalid("language", "language '\(text)' must be a language tag such as 'pl', 'en-US' or 'id'."))
            return nil
        }
        return parts.count == 2 ? "\(parts[0].lowercased())-\(parts[1].uppercased())" : text.lowercased()
    }

    static func country(_ text: String?, field: String, into check: inout IssueCollector) -> String? {
        guard let text, !text.isEmpty else { return nil }
        guard text.count == 2, text.allSatisfy({ $0.isASCII && $0.isLetter }) else {
            check.add(.invalid(field, "\(field) '\(text)' must be a two-letter ISO 3166 code such as US, PL or ID."))
            return nil
        }
        return text.uppercased()
    }

    static func householdID(_ text: String?, into check: inout IssueCollector) -> HouseholdID? {
        identifier(text, field: "householdID", into: &check)
    }

    static func userID(_ text: String?, into check: inout IssueCollector) -> UserID? {
        identifier(text, field: "ownerUserID", into: &check)
    }

    static func identifier<Entity>(_ text: String?, field: String, into check: inout IssueCollector) -> Identifier<Entity>? {
        guard let text, !text.isEmpty else { return nil }
        guard let id = Identifier<Entity>(parsing: text) else {
            check.add(.invalid(field, "\(field) '\(text)' is not a \(Entity.idPrefix)_… identifier."))
            return nil
        }
        return id
    }
}
