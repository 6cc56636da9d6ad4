import Foundation

/// The JSON form of a rule, the one the HTTP API accepts and returns:
///
/// ```json
/// {"and": [
///   {"field": "spend", "op": ">=", "value": 100},
///   {"field": "country", "op": "in", "values": ["PL", "US"]},
///   {"not": {"field": "products", "op": "contains", "value": "Catan"}},
///   {"field": "newsletter"},
///   {"segment": "vip"}
/// ]}
/// ```
///
/// `op` is the operator as written in text (`=`, `!=`, `<`, `<=`, `>`, `>=`, `in`, `not in`,
/// `contains`, `contains any`, `contains all`, `between`, `is empty`, `is not empty`); a
/// condition without `op` is a bare yes/no field. Lists and `between` take `values`, the
/// other operators `value`. Values are JSON strings, numbers and booleans, `{"date":
/// "2026-01-31"}` and `{"ago": 30, "unit": "days"}`. A group of one rule is read as that rule.
extension SegmentRule: Codable {
    enum Key: String, CodingKey {
        case and, or, not, segment, field, op, value, values
    }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: Key.self)
        let kinds = [Key.and, .or, .not, .segment, .field].filter { container.contains($0) }
        guard kinds.count == 1, let kind = kinds.first else {
            throw DecodingError.dataCorrupted(
                .init(
                    codingPath: decoder.codingPath,
                    debugDescription: kinds.isEmpty
                        ? "A rule needs one of 'and', 'or', 'not', 'segment' or 'field'."
                        : "A rule holds exactly one of 'and', 'or', 'not', 'segment' or 'field', not "
                            + kinds.map { "'\($0.rawValue)'" }.joined(separator: " and ") + "."))
        }
        switch kind {
        case .and, .or:
            let rules = try container.decode([SegmentRule].self, forKey: kind)
            guard !rules.isEmpty else {
                throw DecodingError.dataCorruptedError(
                    forKey: kind, in: container, debugDescription: "'\(kind.rawValue)' needs at least one rule.")
            }
            self = rules.count == 1 ? rules[0] : kind == .and ? .and(rules) : .or(rules)
        case .not:
            self = .not(try container.decode(SegmentRule.self, forKey: .not))
        case .segment:
            self = .segment(try container.decode(String.self, forKey: .segment))
        default:
            self = .condition(try Self.decodeCondition(container))
        }
    }

    private static func decodeCondition(_ container: KeyedDecodingContainer<Key>) throws -> SegmentCondition {
        let field = try container.decode(String.self, forKey: .field)
        guard let op = try container.decodeIfPresent(String.self, forKey: .op) else {
            return SegmentCondition(field: field, test: .isTrue)
        }
        func one() throws -> SegmentLiteral { try container.decode(SegmentLiteral.self, forKey: .value) }
        func many() throws -> [SegmentLiteral] {
            let values = try container.decode([SegmentLiteral].self, forKey: .values)
            if values.isEmpty {
                throw DecodingError.dataCorruptedError(
                    forKey: .values, in: container, debugDescription: "'\(op)' needs at least one value.")
            }
            return values
        }
        let test: SegmentTest
        switch op.lowercased() {
        case "in": test = .oneOf(try many())
        case "not in": test = .noneOf(try many())
        case "contains": test = .contains(try one())
        case "contains any": test = .containsAny(try many())
        case "contains all": test = .containsAll(try many())
        case "is empty": test = .isEmpty
        case "is not empty": test = .isNotEmpty
        case "between":
            let values = try many()
            guard values.count == 2 else {
                throw DecodingError.dataCorruptedError(
                    forKey: .values, in: container,
                    debugDescription: "'between' takes two values, the low end and the high end: [10, 20].")
            }
            test = .between(values[0], values[1])
        default:
            guard let comparison = SegmentComparison(rawValue: op) else {
                throw DecodingError.dataCorruptedError(
                    forKey: .op, in: container,
                    debugDescription: "Unknown operator '\(op)'; use =, !=, <, <=, >, >=, in, not in, contains, "
                        + "contains any, contains all, between, is empty or is not empty.")
            }
            test = .compare(comparison, try one())
        }
        return SegmentCondition(field: field, test: test)
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: Key.self)
        switch self {
        case .and(let rules, _): try container.encode(rules, forKey: .and)
        case .or(let rules, _): try container.encode(rules, forKey: .or)
        case .not(let rule, _): try container.encode(rule, forKey: .not)
        case .segment(let key, _): try container.encode(key, forKey: .segment)
        case .condition(let condition):
            try container.encode(condition.field, forKey: .field)
            guard let op = condition.test.operatorName else { return }
            try container.encode(op, forKey: .op)
            let literals = condition.test.literals
            if condition.test.takesList {
                try container.encode(literals, forKey: .values)
            } else if let value = literals.first {
                try container.encode(value, forKey: .value)
            }
        }
    }

    /// Reads the JSON form, turning a malformed document into a `SegmentRuleError` whose
    /// `path` names the bad node (`and[1].op`).
    public init(json: Data) throws(SegmentRuleError) {
        do {
            self = try JSONDecoder().decode(SegmentRule.self, from: json)
        } catch let error as DecodingError {
            throw SegmentRuleError(decoding: error)
        } catch {
            throw SegmentRuleError(.syntax, "The rule is not valid JSON: \(error).")
        }
    }

    /// The JSON form with sorted keys, the same bytes for the same rule.
    public var json: Data {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        // Encoding strings, finite numbers and booleans cannot fail.
        return (try? encoder.encode(self)) ?? Data()
    }
}

extension SegmentLiteral: Codable {
    private enum Key: String, CodingKey { case date, ago, unit }

    public init(from decoder: any Decoder) throws {
        if let single = try? decoder.singleValueContainer() {
            if let s = try? single.decode(String.self) {
                self = .text(s)
                return
            }
            if let b = try? single.decode(Bool.self) {
                self = .boolean(b)
                return
            }
            if let n = try? single.decode(Double.self) {
                self = .number(n)
                return
            }
        }
        guard let container = try? decoder.container(keyedBy: Key.self) else {
            throw DecodingError.dataCorrupted(
                .init(
                    codingPath: decoder.codingPath,
                    debugDescription: "A value is a string, a number, true/false, {\"date\": \"2026-01-31\"} "
                        + "or {\"ago\": 30, \"unit\": \"days\"}."))
        }
        if container.contains(.date) {
            self = .date(try container.decode(SegmentDate.self, forKey: .date))
        } else {
            let amount = try container.decode(Int.self, forKey: .ago)
            guard amount >= 0 else {
                throw DecodingError.dataCorruptedError(
                    forKey: .ago, in: container, debugDescription: "Count back from today with a number ≥ 0.")
            }
            let unit = try container.decodeIfPresent(RelativeDate.Unit.self, forKey: .unit) ?? .days
            self = .relativeDate(RelativeDate(amount: amount, unit: unit))
        }
    }

    public func encode(to encoder: any Encoder) throws {
        switch self {
        case .text(let s):
            var c = encoder.singleValueContainer()
            try c.encode(s)
        case .number(let n):
            var c = encoder.singleValueContainer()
            try c.encode(n)
        case .boolean(let b):
            var c = encoder.singleValueContainer()
            try c.encode(b)
        case .date(let d):
            var c = encoder.container(keyedBy: Key.self)
            try c.encode(d, forKey: .date)
        case .relativeDate(let r):
            var c = encoder.container(keyedBy: Key.self)
            try c.encode(r.amount, forKey: .ago)
            try c.encode(r.unit, forKey: .unit)
        }
    }
}

extension SegmentRuleError {
    /// A decoding failure of the JSON form, with the failing node's path.
    public init(decoding error: DecodingError) {
        let (path, message): ([any CodingKey], String) =
            switch error {
            case .typeMismatch(let type, let context):
                (context.codingPath, "Expected \(Self.typeName(type)) here.")
            case .valueNotFound(let type, let context):
                (context.codingPath, "Expected \(Self.typeName(type)) here, found null.")
            case .keyNotFound(let key, let context):
                (context.codingPath + [key], "'\(key.stringValue)' is missing.")
            case .dataCorrupted(let context):
                (
                    context.codingPath,
                    context.underlyingError == nil
                        ? context.debugDescription : "The rule is not valid JSON: \(context.debugDescription)"
                )
            @unknown default:
                ([], "The rule's JSON could not be read.")
            }
        self.init(.syntax, message, path: Self.path(path))
    }

    static func path(_ keys: [any CodingKey]) -> String {
        var out = ""
        for key in keys {
            if let index = key.intValue {
                out += "[\(index)]"
            } else {
                out += (out.isEmpty ? "" : ".") + key.stringValue
            }
        }
        return out
    }

    private static func typeName(_ type: Any.Type) -> String {
        switch type {
        case is String.Type: "a string"
        case is Double.Type, is Int.Type: "a number"
        case is Bool.Type: "true or false"
        case is [SegmentRule].Type, is [SegmentLiteral].Type: "a list"
        default: "a JSON object"
        }
    }
}
