import Foundation

/// What an administrator sends to define a new attribute.
public struct AttributeDefinitionDraft: Codable, Sendable, Equatable {
    public var key: String?
    public var label: String?
    public var type: String?
    public var choices: [String]?
    public var purpose: String?

    public init(key: String? = nil, label: String? = nil, type: String? = nil, choices: [String]? = nil, purpose: String? = nil) {
        self.key = key
        self.label = label
        self.type = type
        self.choices = choices
        self.purpose = purpose
    }

    public func validated(id: AttributeID, now: Date) throws(DomainError) -> AttributeDefinition {
        var check = IssueCollector()
        let key = check.text(key, field: "key", required: true, maxLength: 64)
        if let key, !(key.first?.isLetter ?? false) || !key.allSatisfy({ ($0.isASCII && ($0.isLowercase || $0.isNumber)) || $0 == "_" }) {
            check.add(.invalid("key", "key '\(key)' must be snake_case: lower-case letters, digits and '_', starting with a letter."))
        }
        let label = check.text(label, field: "label", required: true, maxLength: 100)
        let type = DateRules.enumValue(type, AttributeType.self, field: "type", required: true, into: &check)
        let purpose = DateRules.enumValue(purpose, AttributePurpose.self, field: "purpose", required: false, into: &check) ?? .contact
        let choices = (choices ?? []).map { $0.trimmingSpaces() }
        if type == .choice || type == .multiChoice {
            if choices.isEmpty { check.add(.required("choices")) }
            if Set(choices).count != choices.count { check.add(.invalid("choices", "choices must not repeat a value.")) }
            if choices.contains(where: \.isEmpty) { check.add(.invalid("choices", "choices must not be empty strings.")) }
        } else if !choices.isEmpty {
            check.add(.invalid("choices", "choices are only allowed for choice and multi_choice attributes."))
        }
        try check.check()
        return AttributeDefinition(id: id, key: key!, label: label!, type: type!, choices: choices, purpose: purpose, createdAt: now)
    }
}
