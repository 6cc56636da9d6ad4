import Foundation

/// A typed customer attribute defined at run time — "shoe size", "preferred restaurant",
/// "has children" — so an organisation can hold hundreds of variables per person without a
/// schema change (R3.1).
public struct AttributeDefinition: IdentifiedEntity, Hashable, Codable, Sendable {
    public static let idPrefix = "attr"

    public var id: AttributeID
    /// Stable key used in the API, imports and segment rules: `snake_case`, unique.
    public var key: String
    public var label: String
    public var type: AttributeType
    /// Allowed values for `.choice` and `.multiChoice`.
    public var choices: [String]
    /// `analytics` attributes may feed reports and models but never select or personalise a
    /// contact (purpose limitation, R2.8).
    public var purpose: AttributePurpose
    public var createdAt: Date

    public init(
        id: AttributeID, key: String, label: String, type: AttributeType, choices: [String] = [],
        purpose: AttributePurpose = .contact, createdAt: Date
    ) {
        self.id = id
        self.key = key
        self.label = label
        self.type = type
        self.choices = choices
        self.purpose = purpose
        self.createdAt = createdAt
    }

    /// Checks that `value` fits this attribute's type and choices.
    public func validate(_ value: AttributeValue, field: String = "value") throws(DomainError) {
        let issue: FieldIssue? =
            switch (type, value) {
            case (.text, .text(let s)): s.count > 2000 ? .tooLong(field, max: 2000) : nil
            case (.number, .number(let n)): n.isFinite ? nil : .invalid(field, "\(field) must be a finite number.")
            case (.date, .date), (.boolean, .boolean): nil
            case (.choice, .text(let s)):
                choices.contains(s) ? nil : .unknown(field, value: s, allowed: choices)
            case (.multiChoice, .list(let items)):
                items.first(where: { !choices.contains($0) }).map { .unknown(field, value: $0, allowed: choices) }
            default:
                FieldIssue(
                    field: field, code: "wrong_type",
                    message: "\(field) must be a \(type.rawValue) for attribute '\(key)', not a \(value.typeName).")
            }
        if let issue { throw .invalid([issue]) }
    }
}

public enum AttributeType: String, Codable, Sendable, CaseIterable {
    case text, number, date, boolean, choice
    case multiChoice = "multi_choice"
}

public enum AttributePurpose: String, Codable, Sendable, CaseIterable {
    case contact, analytics
}

/// A value of a runtime attribute. JSON form: a string, number, boolean, `YYYY-MM-DD`
/// string for dates (decided by the definition) or an array of strings.
public enum AttributeValue: Hashable, Sendable {
    case text(String)
    case number(Double)
    case date(LocalDate)
    case boolean(Bool)
    case list([String])

    var typeName: String {
        switch self {
        case .text: "text"
        case .number: "number"
        case .date: "date"
        case .boolean: "boolean"
        case .list: "list"
        }
    }

    /// The value as shown to staff.
    public var display: String {
        switch self {
        case .text(let s): s
        case .number(let n): n == n.rounded() && abs(n) < 1e15 ? String(Int64(n)) : String(n)
        case .date(let d): d.description
        case .boolean(let b): b ? "yes" : "no"
        case .list(let items): items.joined(separator: ", ")
        }
    }
}
