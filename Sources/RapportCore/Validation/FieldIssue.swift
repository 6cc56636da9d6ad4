/// One thing wrong with one input field: which field, a stable machine code and a message
/// that tells a person how to fix it.
public struct FieldIssue: Error, Equatable, Codable, Sendable {
    /// A JSON-pointer-like path such as `birthDate` or `lines[2].quantity`.
    public let field: String
    /// A stable code: `required`, `too_long`, `invalid_format`, `out_of_range`, `unknown_value`, …
    public let code: String
    public let message: String

    public init(field: String, code: String, message: String) {
        self.field = field
        self.code = code
        self.message = message
    }

    public static func required(_ field: String) -> FieldIssue {
        FieldIssue(field: field, code: "required", message: "\(field) is required.")
    }

    public static func tooLong(_ field: String, max: Int) -> FieldIssue {
        FieldIssue(field: field, code: "too_long", message: "\(field) must be at most \(max) characters.")
    }

    public static func invalid(_ field: String, _ message: String) -> FieldIssue {
        FieldIssue(field: field, code: "invalid_format", message: message)
    }

    public static func outOfRange(_ field: String, _ message: String) -> FieldIssue {
        FieldIssue(field: field, code: "out_of_range", message: message)
    }

    public static func unknown(_ field: String, value: String, allowed: [String]) -> FieldIssue {
        FieldIssue(
            field: field, code: "unknown_value",
            message: "\(field) '\(value)' is not one of: \(allowed.joined(separator: ", ")).")
    }
}

/// Collects issues while a draft is checked, then throws them all at once, so a client
/// learns about every bad field in one round trip.
public struct IssueCollector: Sendable {
    public private(set) var issues: [FieldIssue] = []

    public init() {}

    public mutating func add(_ issue: FieldIssue) { issues.append(issue) }

    /// Checks a free-text field: trims it, enforces `required` and `maxLength`, and returns
    /// nil for an empty optional value.
    public mutating func text(_ value: String?, field: String, required: Bool = false, maxLength: Int = 200) -> String? {
        let trimmed = value?.trimmingSpacesAndNewlines() ?? ""
        if trimmed.isEmpty {
            if required { add(.required(field)) }
            return nil
        }
        // A text of at most `maxLength` bytes has at most that many characters; only longer
        // ones are counted, which walks the grapheme clusters.
        if trimmed.utf8.count > maxLength, trimmed.count > maxLength {
            add(.tooLong(field, max: maxLength))
            return nil
        }
        if trimmed.containsControlCharacter {
            add(.invalid(field, "\(field) must not contain control characters."))
            return nil
        }
        return trimmed
    }

    /// Throws ``DomainError/invalid(_:)`` if any issue was found.
    public func check() throws(DomainError) {
        if !issues.isEmpty { throw .invalid(issues) }
    }
}
