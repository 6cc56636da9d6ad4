/// A field a rule may test: a behavioural figure (`spend`), a place (`country`) or a
/// runtime-defined attribute (`attr.favourite_game`).
public struct SegmentField: Sendable, Hashable, Codable, Identifiable {
    /// What values a field holds, which decides the operators and literals it takes.
    public enum ValueType: String, Sendable, Hashable, Codable, CaseIterable {
        /// Free text: `=`, `!=`, `in`, `not in`, `is empty`.
        case text
        /// A number: every comparison, `between`, `in`.
        case number
        /// An amount in the person's currency, written in major units (19.99); compared as a number.
        case money
        /// A calendar day: comparisons and `between` with `2026-01-31`, `today`, `30 days ago`.
        case date
        /// Yes or no: written alone (`newsletter`), with `not`, or `= false`.
        case boolean
        /// One of `choices`: like text, but a value outside the list is an error.
        case choice
        /// Several text values, such as the products bought: `contains`, `contains any`, `contains all`.
        case set

        /// How the type is named to a user.
        public var phrase: String {
            switch self {
            case .text: "text"
            case .number: "a number"
            case .money: "an amount of money"
            case .date: "a date"
            case .boolean: "yes/no"
            case .choice: "a choice"
            case .set: "a set of values"
            }
        }

        var isNumeric: Bool { self == .number || self == .money }
        var isOrdered: Bool { isNumeric || self == .date }
        var isTextual: Bool { self == .text || self == .choice }
    }

    /// Who may use a field (R2.8 purpose limitation).
    public enum Purpose: String, Sendable, Hashable, Codable, CaseIterable {
        /// May select and personalise contacts.
        case contact
        /// May feed reports and models only; a contact segment may not test it.
        case analyticsOnly = "analytics_only"
    }

    /// The name used in rules: `snake_case`, attributes prefixed with `attr.`.
    public var name: String
    public var type: ValueType
    /// Allowed values of a `.choice` field; for a `.set` field, the allowed elements when
    /// the set is closed (empty means any text, as for products).
    public var choices: [String]
    public var purpose: Purpose
    /// A short label for the segment builder and explanations: "total spend".
    public var label: String
    /// What the field means and how it is computed, for the builder's help text.
    public var summary: String

    public var id: String { name }

    public init(
        name: String, type: ValueType, choices: [String] = [], purpose: Purpose = .contact, label: String? = nil,
        summary: String = ""
    ) {
        self.name = name
        self.type = type
        self.choices = choices
        self.purpose = purpose
        self.label = label ?? String(name.map { $0 == "_" ? " " : $0 })
        self.summary = summary
    }

    /// The prefix that keeps runtime attributes apart from built-in fields.
    public static let attributePrefix = "attr."

    /// A runtime-defined attribute: `attribute(key: "favourite_game", …)` is the field
    /// `attr.favourite_game`.
    public static func attribute(
        key: String, type: ValueType, choices: [String] = [], purpose: Purpose = .contact, label: String? = nil
    ) -> SegmentField {
        SegmentField(
            name: attributePrefix + key, type: type, choices: choices, purpose: purpose, label: label ?? key)
    }
}
