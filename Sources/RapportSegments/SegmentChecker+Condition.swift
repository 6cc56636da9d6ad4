/// Checking one condition: the field exists, the operator suits its type, every literal
/// fits (and is converted: a quoted ISO date becomes a date).
extension SegmentChecker {
    mutating func resolve(_ condition: SegmentCondition, path: String) -> ResolvedRule? {
        let positions = condition.positions
        guard let field = schema[condition.field] else {
            let hint = Suggestion.hint(schema.suggestion(for: condition.field))
            problems.append(
                SegmentRuleError(
                    .unknownField, "Unknown field '\(condition.field)'\(hint)", position: positions?.field,
                    path: Self.join(path, "field"), field: condition.field))
            return nil
        }
        if purpose == .contact, field.purpose == .analyticsOnly {
            problems.append(.analyticsOnly(field.name, position: positions?.field, path: Self.join(path, "field")))
        }
        if let refusal = operatorRefusal(condition.test, field: field) {
            problems.append(
                SegmentRuleError(
                    .unsupportedOperator, refusal, position: positions?.test ?? positions?.field,
                    path: Self.join(path, condition.test.operatorName == nil ? "field" : "op"), field: field.name))
            return nil
        }
        if condition.test.takesList, condition.test.literals.isEmpty {
            problems.append(
                SegmentRuleError(
                    .invalidValue, "'\(condition.test.operatorName ?? "")' needs at least one value.",
                    position: positions?.test, path: Self.join(path, "values"), field: field.name))
            return nil
        }
        let before = problems.count
        let test = condition.test
        var index = 0
        func next(_ checker: inout SegmentChecker, _ literal: SegmentLiteral) -> SegmentLiteral {
            defer { index += 1 }
            let at = positions.flatMap { index < $0.literals.count ? $0.literals[index] : nil }
            let literalPath = Self.join(path, test.takesList ? "values[\(index)]" : "value")
            return checker.literal(literal, for: field, position: at, path: literalPath)
        }
        let converted: SegmentTest =
            switch test {
            case .compare(let op, let v): .compare(op, next(&self, v))
            case .oneOf(let vs): .oneOf(vs.map { next(&self, $0) })
            case .noneOf(let vs): .noneOf(vs.map { next(&self, $0) })
            case .contains(let v): .contains(next(&self, v))
            case .containsAny(let vs): .containsAny(vs.map { next(&self, $0) })
            case .containsAll(let vs): .containsAll(vs.map { next(&self, $0) })
            case .between(let low, let high): .between(next(&self, low), next(&self, high))
            case .isEmpty, .isNotEmpty, .isTrue: test
            }
        guard problems.count == before else { return nil }
        if case .between(let low, let high) = converted, Self.isDescending(low, high) {
            problems.append(
                SegmentRuleError(
                    .invalidValue,
                    "The low end of 'between' comes first: \(field.name) between \(high.text) and \(low.text).",
                    position: positions?.literals.first, path: Self.join(path, "values[0]"), field: field.name))
            return nil
        }
        var checked = condition
        checked.test = converted
        return .condition(field, checked, path: path)
    }

    private static func isDescending(_ low: SegmentLiteral, _ high: SegmentLiteral) -> Bool {
        switch (low, high) {
        case (.number(let a), .number(let b)): a > b
        case (.date(let a), .date(let b)): a > b
        case (.relativeDate(let a), .relativeDate(let b)) where a.unit == b.unit: a.amount < b.amount
        default: false
        }
    }

    /// Why `test` does not apply to the field's type, in words that show what does; nil if it applies.
    private func operatorRefusal(_ test: SegmentTest, field: SegmentField) -> String? {
        let name = field.name
        let type = field.type
        switch (test, type) {
        case (.isEmpty, _), (.isNotEmpty, _): return nil
        case (.isTrue, .boolean): return nil
        case (.isTrue, _):
            return "'\(name)' is \(type.phrase), not yes/no, so it cannot stand alone; write a test such as "
                + example(for: field) + "."
        case (_, .set):
            if case .contains = test { return nil }
            if case .containsAny = test { return nil }
            if case .containsAll = test { return nil }
            return "'\(name)' holds several values; write \(name) contains \"…\", contains any (…) or contains all (…)."
        case (.contains, _), (.containsAny, _), (.containsAll, _):
            return "'contains' tests fields that hold several values, such as products; for '\(name)' write "
                + example(for: field) + "."
        case (_, .boolean):
            if case .compare(let op, _) = test, !op.isOrdering { return nil }
            return "'\(name)' is yes/no; write \(name), not \(name), or \(name) = false."
        case (.compare(let op, _), _) where op.isOrdering && !type.isOrdered:
            return "'\(op.rawValue)' compares numbers and dates, and '\(name)' is \(type.phrase); use =, !=, in (…) "
                + "or is empty."
        case (.between, _) where !type.isOrdered:
            return "'between' needs numbers or dates, and '\(name)' is \(type.phrase); use in (…) instead."
        default:
            return nil
        }
    }

    private func example(for field: SegmentField) -> String {
        let name = field.name
        switch field.type {
        case .number, .money: return "\(name) > 100"
        case .date: return "\(name) > 30 days ago"
        case .boolean: return name
        case .choice: return "\(name) = \(SegmentLiteral.quoted(field.choices.first ?? "…"))"
        case .text: return "\(name) = \"…\""
        case .set: return "\(name) contains \"…\""
        }
    }

    /// The literal converted to the field's type, or the literal unchanged after recording why it does not fit.
    mutating func literal(_ literal: SegmentLiteral, for field: SegmentField, position: SourcePosition?, path: String)
        -> SegmentLiteral
    {
        func refuse(_ code: SegmentRuleError.Code, _ message: String) -> SegmentLiteral {
            problems.append(SegmentRuleError(code, message, position: position, path: path, field: field.name))
            return literal
        }
        let name = field.name
        switch (field.type, literal) {
        case (.number, .number(let n)), (.money, .number(let n)):
            return n.isFinite ? literal : refuse(.wrongType, "'\(name)' needs a finite number.")
        case (.number, .text(let s)), (.money, .text(let s)):
            if Double(s) != nil {
                return refuse(.wrongType, "'\(name)' is \(field.type.phrase); write \(s) without quotes.")
            }
            return refuse(
                .wrongType, "'\(name)' is \(field.type.phrase), so compare it with a number such as 100, not text.")
        case (.date, .date):
            return literal
        case (.date, .relativeDate(let relative)):
            guard relative.amount <= relative.unit.limit else {
                return refuse(
                    .invalidValue, "Count back at most 100 years: \(relative.unit.limit) \(relative.unit.rawValue) ago."
                )
            }
            return literal
        case (.date, .text(let s)):
            if let date = SegmentDate(iso: s) { return .date(date) }
            return refuse(.wrongType, "'\(name)' is a date; write 2026-01-31, today or 30 days ago.")
        case (.boolean, .boolean):
            return literal
        case (.text, .text):
            return literal
        case (.choice, .text(let s)), (.set, .text(let s)):
            guard !field.choices.isEmpty, !field.choices.contains(s) else { return literal }
            let hint = Suggestion.hint(Suggestion.closest(to: s, among: field.choices))
            return refuse(
                .unknownChoice,
                "'\(s)' is not a choice of '\(name)'\(hint) The choices are: \(field.choices.joined(separator: ", ")).")
        case (.text, _), (.choice, _), (.set, _):
            return refuse(
                .wrongType,
                "'\(name)' holds text; put the value in double quotes: \(SegmentLiteral.quoted(literal.text)).")
        case (.date, _):
            return refuse(
                .wrongType, "'\(name)' is a date, not \(literal.kindName); write 2026-01-31, today or 30 days ago.")
        case (.boolean, _):
            return refuse(.wrongType, "'\(name)' is yes/no; compare it with true or false, not \(literal.kindName).")
        case (.number, _), (.money, _):
            return refuse(
                .wrongType, "'\(name)' is \(field.type.phrase), so compare it with a number, not \(literal.kindName).")
        }
    }
}
