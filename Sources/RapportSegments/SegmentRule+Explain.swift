extension SegmentRule {
    /// The rule in words for the segment builder: one line per condition or group, groups'
    /// members indented by two spaces, fields named by their schema labels.
    ///
    /// `spend >= 100 and not (products contains "Catan")` reads
    /// `["All of:", "  total spend is at least 100", "  Not: products bought include Catan"]`.
    public func explain(in schema: SegmentSchema = .behaviour) -> [String] {
        var lines: [String] = []
        explain(in: schema, depth: 0, prefix: "", into: &lines)
        return lines
    }

    private func explain(in schema: SegmentSchema, depth: Int, prefix: String, into lines: inout [String]) {
        let indent = String(repeating: "  ", count: depth)
        switch self {
        case .and(let rules, _), .or(let rules, _):
            let heading = if case .and = self { "All of:" } else { "Any of:" }
            lines.append(indent + prefix + heading)
            for rule in rules { rule.explain(in: schema, depth: depth + 1, prefix: "", into: &lines) }
        case .not(let rule, _):
            rule.explain(in: schema, depth: depth, prefix: prefix + "Not: ", into: &lines)
        case .segment(let key, _):
            lines.append(indent + prefix + "member of segment \"\(key)\"")
        case .condition(let condition):
            lines.append(indent + prefix + condition.words(field: schema[condition.field]))
        }
    }
}

extension SegmentCondition {
    /// The condition in words: "total spend is at least 100".
    func words(field: SegmentField?) -> String {
        let label = field?.label ?? self.field
        let isDate = field?.type == .date
        let isSet = field?.type == .set
        func list(_ values: [SegmentLiteral]) -> String { values.map(\.words).joined(separator: ", ") }
        let predicate: String =
            switch test {
            case .isTrue: "is yes"
            case .compare(.equal, .boolean(let b)): b ? "is yes" : "is no"
            case .compare(.notEqual, .boolean(let b)): b ? "is no" : "is yes"
            case .compare(let op, let value): "\(Self.phrase(op, isDate: isDate)) \(value.words)"
            case .oneOf(let values): "is one of \(list(values))"
            case .noneOf(let values): "is none of \(list(values))"
            case .contains(let value): "include \(value.words)"
            case .containsAny(let values): "include any of \(list(values))"
            case .containsAll(let values): "include all of \(list(values))"
            case .between(let low, let high): "is between \(low.words) and \(high.words)"
            case .isEmpty: isSet ? "are none" : "is not known"
            case .isNotEmpty: isSet ? "are at least one" : "is known"
            }
        return "\(label) \(predicate)"
    }

    private static func phrase(_ op: SegmentComparison, isDate: Bool) -> String {
        switch op {
        case .equal: "is"
        case .notEqual: "is not"
        case .less: isDate ? "is before" : "is less than"
        case .lessOrEqual: isDate ? "is on or before" : "is at most"
        case .greater: isDate ? "is after" : "is more than"
        case .greaterOrEqual: isDate ? "is on or after" : "is at least"
        }
    }
}

extension SegmentLiteral {
    /// The literal for a sentence: text without quotes, yes/no for booleans.
    var words: String {
        switch self {
        case .text(let s): s
        case .boolean(let b): b ? "yes" : "no"
        default: text
        }
    }
}
