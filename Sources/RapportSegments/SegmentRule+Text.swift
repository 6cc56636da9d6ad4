/// Canonical text: one space around operators, lower-case keywords, double-quoted strings,
/// and parentheses around every group inside another group or under `not`, so the text
/// reads unambiguously and parses back to the same tree.
extension SegmentRule: CustomStringConvertible {
    /// The rule in canonical text form.
    public var text: String { render(nested: false) }

    public var description: String { text }

    private func render(nested: Bool) -> String {
        switch self {
        case .and(let rules, _):
            return group(rules, joiner: " and ", nested: nested)
        case .or(let rules, _):
            return group(rules, joiner: " or ", nested: nested)
        case .not(let rule, _):
            return "not " + rule.render(nested: true)
        case .condition(let condition):
            return condition.text
        case .segment(let key, _):
            return "in segment " + SegmentLiteral.quoted(key)
        }
    }

    private func group(_ rules: [SegmentRule], joiner: String, nested: Bool) -> String {
        let body = rules.map { $0.render(nested: true) }.joined(separator: joiner)
        return nested ? "(\(body))" : body
    }
}

extension SegmentCondition {
    /// The condition in canonical text form: `spend between 10 and 20`.
    public var text: String {
        let name = Self.fieldText(field)
        switch test {
        case .compare(let op, let value): return "\(name) \(op.rawValue) \(value.text)"
        case .oneOf(let values): return "\(name) in \(Self.list(values))"
        case .noneOf(let values): return "\(name) not in \(Self.list(values))"
        case .contains(let value): return "\(name) contains \(value.text)"
        case .containsAny(let values): return "\(name) contains any \(Self.list(values))"
        case .containsAll(let values): return "\(name) contains all \(Self.list(values))"
        case .between(let low, let high): return "\(name) between \(low.text) and \(high.text)"
        case .isEmpty: return "\(name) is empty"
        case .isNotEmpty: return "\(name) is not empty"
        case .isTrue: return name
        }
    }

    private static func list(_ values: [SegmentLiteral]) -> String {
        "(" + values.map(\.text).joined(separator: ", ") + ")"
    }

    /// A field name as written: bare when it is a plain identifier that is not a keyword,
    /// otherwise in backticks.
    static func fieldText(_ name: String) -> String {
        let plain =
            name.first.map { $0.isLetter || $0 == "_" } == true
            && name.allSatisfy(SegmentRuleLexer.isIdentifierCharacter)
            && !SegmentRuleLexer.keywords.contains(name.lowercased())
        return plain ? name : "`" + name + "`"
    }
}
